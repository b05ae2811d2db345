using YamlDotNet.RepresentationModel;

namespace Lux.Tests.Fleet;

/// <summary>nix-out/.sops.yaml, written from the C# recipient policy, as sops reads it.</summary>
public sealed class SopsYamlProofs
{
    private const string AdminAge = "age1xxxsnsretdyj46p6428v6r92v4r20u3h9gzg8c5p75nzd7flsq8qgqkkfh";
    private const string OrionAge = "age1f0jmcvhy365htv5sg6pmpd7mxpuxrx7unyyxmlhyyd9hhg8kugaqyc8m3n";

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Nix.NixOut.Directory, ".sops.yaml")));
        stream.Load(reader);
        stream.Documents.Should().ContainSingle();
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string[] Scalars(YamlNode node) => ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray();

    [Fact]
    public void Sops_yaml_parses_and_lists_the_admin_key_and_orions_host_key()
    {
        Scalars(Load()["keys"]).Should().Equal(AdminAge, OrionAge);
    }

    [Fact]
    public void Every_recipient_is_in_one_key_group_so_any_one_key_decrypts()
    {
        var rules = (YamlSequenceNode)Load()["creation_rules"];
        var rule = (YamlMappingNode)rules.Children.Should().ContainSingle().Subject;
        ((YamlScalarNode)rule["path_regex"]).Value.Should().Be(@"secrets/[^/]+\.(yaml|json|env|ini)$");
        var groups = (YamlSequenceNode)rule["key_groups"];
        var group = (YamlMappingNode)groups.Children.Should().ContainSingle("a second group would switch on Shamir sharing").Subject;
        group.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Should().Equal("age");
        // The aliases (*admin, *orion) resolve to the keys above.
        Scalars(group["age"]).Should().Equal(AdminAge, OrionAge);
    }
}
