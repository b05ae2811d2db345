namespace Lux.Tests.Generator;

/// <summary>The example fleet in Lux.Config, run in-process exactly as `dotnet build` runs it.</summary>
public static class ExampleFleet
{
    public static string ProjectDirectory { get; } = Repository.Path("Lux.Config") + Path.DirectorySeparatorChar;

    public static IEnumerable<(string Path, string Text)> Sources() => Repository.Read(ProjectDirectory, "*.cs");

    public static IEnumerable<(string Path, string Text)> NixFiles() => Repository.Read(ProjectDirectory, "*.nix");

    public static LuxRun Run() => LuxRun.Of(Sources(), NixFiles(), ProjectDirectory);
}
