using System.Text.Json;
using Lux.Tests.Generator;

namespace Lux.Tests.Explain;

/// <summary>The winner and the why of definitions at different priorities, on a fleet made for it.</summary>
public sealed class ExplainMergeTests : IDisposable
{
    private const string Fleet = """
        [Feature]
        public sealed record Quiet : Feature
        {
            [PerHost]
            void Os(NixOS os)
            {
                os.Services.OpenSsh.Enable = Mk.Default(false);
                os.Services.OpenSsh.Enable = true;
                os.Networking.Firewall.AllowedTCPPorts = Mk.Default([1]);
                os.Networking.Firewall.AllowedTCPPorts = Mk.Force([2]);
                os.Networking.Firewall.AllowedTCPPorts = Mk.Force([3]);
            }
        }

        [Host]
        public sealed record Alpha : Host
        {
            public override Aspects Includes => [new Quiet()];
        }
        """;

    private readonly BuiltFleet built = new(LuxRun.Of(Fleet));

    public void Dispose() => built.Dispose();

    [Fact]
    public void The_strongest_priority_wins_and_the_weaker_definitions_are_listed_as_losing()
    {
        var option = Option("services.openssh.enable");

        option.GetProperty("value").GetString().Should().Be("true");
        option.GetProperty("priority").GetInt32().Should().Be(100);
        option.GetProperty("why").GetString().Should().Be("the one definition at priority 100 (plain); 1 definition at the weaker priority 1000 (mkDefault) loses (the lowest number wins)");
        option.GetProperty("definitions").EnumerateArray().Select(d => (d.GetProperty("line").GetInt32(), d.GetProperty("priority").GetInt32(), d.GetProperty("value").GetString(), d.GetProperty("wins").GetBoolean()))
            .Should().Equal((7, 1000, "false", false), (8, 100, "true", true));
    }

    [Fact]
    public void Lists_concatenate_only_at_the_winning_priority()
    {
        var option = Option("networking.firewall.allowedTCPPorts");

        (option.GetProperty("value").GetString(), option.GetProperty("priority").GetInt32(), option.GetProperty("merge").GetString())
            .Should().Be(("[ 2 3 ]", 50, "concat"));
        option.GetProperty("why").GetString().Should().Be("a list: the 2 definitions at priority 50 (mkForce) are concatenated in the order they were made; 1 definition at the weaker priority 1000 (mkDefault) loses (the lowest number wins)");
        option.GetProperty("definitions").EnumerateArray().Select(d => d.GetProperty("wins").GetBoolean()).Should().Equal(false, true, true);

        var (_, human, _) = built.Lux(["explain", "alpha", "networking.firewall.allowedTCPPorts"]);
        human.Should().Contain("Defined 3 times:").And.MatchRegex(@"loses +File0\.cs:9 +Quiet \[PerHost\] Os +priority 1000 \(mkDefault\)  = \[ 1 \]");
    }

    private JsonElement Option(string path)
    {
        var (exitCode, output, error) = built.Lux(["explain", "alpha", path, "--json"]);
        exitCode.Should().Be(0, error);
        return JsonDocument.Parse(output).RootElement.GetProperty("option");
    }
}
