using Lux.Tests.Generator;
using Lux.Tests.Nix;

namespace Lux.Tests.Deploy;

/// <summary>The example fleet with sources edited, generated in-process into a temporary nix-out.</summary>
internal static class DeployFleet
{
    /// <summary>Each (file, find, replace) edits the example fleet's file ending in <c>file</c>; every <c>find</c> must occur.</summary>
    public static TemporaryDirectory Generate(params (string File, string Find, string Replace)[] edits)
    {
        var sources = ExampleFleet.Sources().Select(s =>
        {
            var text = s.Text;
            foreach (var (file, find, replace) in edits.Where(e => s.Path.EndsWith(e.File, StringComparison.Ordinal)))
            {
                text.Should().Contain(find);
                text = text.Replace(find, replace);
            }
            return (s.Path, text);
        });
        var run = LuxRun.Of(sources, ExampleFleet.NixFiles(), ExampleFleet.ProjectDirectory);
        run.ManifestErrors.Should().BeEmpty();
        var directory = new TemporaryDirectory();
        foreach (var (path, text) in run.Files)
            directory.Write(path, text);
        return directory;
    }

    /// <summary>Orion's Deploy fact as Lux.Config writes it.</summary>
    public const string OrionDeploy = "public override Deploy Deploy => new(\"orion\") { SshUser = new Kiri().Name, InteractiveSudo = true };";
}
