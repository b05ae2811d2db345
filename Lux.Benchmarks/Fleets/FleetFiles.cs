using Lux.Generators;
using Lux.Generators.Transport;

namespace Lux.Benchmarks.Fleets;

/// <summary>Puts a fleet on disk: its generated nix-out (to diff before and after an optimisation), or as config projects for the end-to-end build benchmark.</summary>
internal static class FleetFiles
{
    public static void DumpNixOut(Fleet fleet, string directory)
    {
        var harness = new LuxHarness(fleet);
        var run = harness.CreateDriver().RunGenerators(harness.Compilation).GetRunResult();
        var (files, errors) = LuxHarness.Decode(run);
        foreach (var (path, text) in files)
            Write(Path.Combine(directory, path), text);
        Write(Path.Combine(directory, "manifest-errors.txt"), string.Join("\n", errors));
        // lux explain's records and index too, so that a change can be shown to leave them as they were.
        foreach (var generated in run.Results.SelectMany(r => r.GeneratedSources))
        {
            if (GeneratedSourceFormat.TryDecode(generated.SourceText.ToString(), out var source, out _) && source.Single(GeneratedSourceFormat.ExplainKind) is { } record)
                Write(Path.Combine(directory, "explain", Path.GetFileNameWithoutExtension(generated.HintName) + ".txt"), record);
        }
        Console.Error.WriteLine($"{fleet.Describe()}: {files.Count} files, {errors.Count} errors → {directory}");
    }

    /// <summary>
    /// Two copies of the same config project: <c>connected</c> runs Lux's generator and analyzers (the one
    /// assembly holds both), <c>disconnected</c> compiles the same sources without them. Both reference the
    /// built Lux.Dsl.dll and Lux.Generators.dll copied into <c>lib/</c>, as a package consumer would, so the
    /// ratio measures Lux and not the repository's project graph. <c>edit.env</c> names the one-literal edit.
    /// </summary>
    public static void WriteProjects(Fleet fleet, string directory)
    {
        var lib = Path.Combine(directory, "lib");
        Directory.CreateDirectory(lib);
        File.Copy(typeof(Host).Assembly.Location, Path.Combine(lib, "Lux.Dsl.dll"), overwrite: true);
        File.Copy(typeof(NixGenerator).Assembly.Location, Path.Combine(lib, "Lux.Generators.dll"), overwrite: true);
        // Keep MSBuild from importing anything from the directories above.
        Write(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        Write(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        foreach (var variant in new[] { "connected", "disconnected" })
        {
            var project = Path.Combine(directory, variant);
            foreach (var file in fleet.Sources.Concat(fleet.NixFiles))
                Write(Path.Combine(project, Relative(fleet, file.Path)), file.Text);
            Write(Path.Combine(project, "Fleet.csproj"), Project(connected: variant == "connected"));
        }
        Write(Path.Combine(directory, "edit.env"),
            $"EDIT_FILE='{Relative(fleet, fleet.Edit.Path)}'\nEDIT_BEFORE='{fleet.Edit.Before}'\nEDIT_AFTER='{fleet.Edit.After}'\n");
        Console.Error.WriteLine($"{fleet.Describe()} → {directory}/{{connected,disconnected}}");
    }

    private static string Relative(Fleet fleet, string path) => Path.GetRelativePath(fleet.ProjectDirectory, path);

    private static string Project(bool connected) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>Library</OutputType>
            <LangVersion>latest</LangVersion>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <Deterministic>true</Deterministic>
            <NoWarn>$(NoWarn);IDE0051;CA1822</NoWarn>
            {(connected ? "<!-- As the package's targets set it: the compiler server keeps the generator's driver between builds. -->" : "")}
            {(connected ? "<Features>$(Features);enable-generator-cache</Features>" : "")}
          </PropertyGroup>
          <ItemGroup>
            <Reference Include="Lux.Dsl" HintPath="../lib/Lux.Dsl.dll" />
            {(connected ? "<Analyzer Include=\"../lib/Lux.Generators.dll\" />" : "<!-- Lux's generator and analyzers disconnected. -->")}
            <AdditionalFiles Include="Hosts/hardware/*.nix" />
          </ItemGroup>
        </Project>

        """;

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
