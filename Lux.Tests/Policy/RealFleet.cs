using Lux.Tests.Generator;

namespace Lux.Tests.Policy;

/// <summary>The seed fleet as the config project compiles it: Lux.Config's sources and hand-written Nix files.</summary>
public static class RealFleet
{
    public static readonly string Directory = Repository.Path("Lux.Config");

    public static IReadOnlyList<(string Path, string Text)> Sources { get; } = Repository.Read(Directory, "*.cs").ToList();

    public static IReadOnlyList<(string Path, string Text)> NixFiles { get; } = Repository.Read(Directory, "*.nix").ToList();

    public static LuxRun Run() => LuxRun.Of(Sources, NixFiles);

    /// <summary>One source of the fleet by file name, e.g. "OpenSsh.cs".</summary>
    public static (string Path, string Text) Source(string fileName) => Sources.Single(s => Path.GetFileName(s.Path) == fileName);

    /// <summary>The fleet with one file's text changed.</summary>
    public static LuxRun RunWith(string fileName, Func<string, string> change) =>
        LuxRun.Of(Sources.Select(s => Path.GetFileName(s.Path) == fileName ? (s.Path, Changed(s.Text, change)) : s), NixFiles);

    private static string Changed(string text, Func<string, string> change)
    {
        var changed = change(text);
        changed.Should().NotBe(text, "the test means to change the fleet");
        return changed;
    }
}
