using Lux.Generators.Diagnostics;

namespace Lux.Tests.Explain;

public sealed class ClosestNamesTests
{
    private static readonly string[] Hosts = ["polaris", "zenith", "orion"];

    [Theory]
    [InlineData("orin", "orion")]       // a deletion
    [InlineData("oroin", "orion")]      // a swap of neighbours costs one
    [InlineData("Zenith", "zenith")]    // case does not count
    [InlineData("polarsi", "polaris")]
    public void Suggests_the_name_meant(string typed, string meant)
    {
        ClosestNames.For(typed, Hosts).Should().Equal(meant);
    }

    [Fact]
    public void Suggests_nothing_for_a_name_far_from_every_known_one()
    {
        ClosestNames.For("mercury", Hosts).Should().BeEmpty();
    }

    [Fact]
    public void Orders_suggestions_nearest_first_then_by_name_and_keeps_the_limit()
    {
        var options = new[] { "services.openssh.ports", "services.openssh.port", "services.openssh.enable", "services.openssh.portx" };

        ClosestNames.For("services.openssh.prot", options, limit: 2).Should().Equal("services.openssh.port", "services.openssh.ports");
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ab", "ba", 1)]
    [InlineData("Niri", "niri", 0)]
    public void Measures_the_edit_distance(string a, string b, int expected)
    {
        ClosestNames.Distance(a, b).Should().Be(expected);
        ClosestNames.Distance(b, a).Should().Be(expected);
    }
}
