using Lux.Tests.Generator;

namespace Lux.Tests.Explain;

/// <summary>Which project lux explain reads, and what it says when there is nothing to read.</summary>
public sealed class ExplainProjectTests(ExampleFleetBuild build) : IClassFixture<ExampleFleetBuild>
{
    private static readonly string[] Question = ["explain", "orion", "networking.hostName", "--json"];

    [Fact]
    public void Finds_the_project_of_the_current_directory_from_a_folder_inside_it()
    {
        var inside = Directory.CreateDirectory(Path.Combine(build.Fleet.Directory, "Hosts")).FullName;

        BuiltFleet.Run(Question, inside).ExitCode.Should().Be(0);
    }

    [Fact]
    public void Finds_the_one_built_project_below_the_current_directory_as_in_the_repository_root()
    {
        // A project that Lux never built sits beside it, as Lux.Cli sits beside Lux.Config.
        Directory.CreateDirectory(Path.Combine(build.Fleet.Root, "Tool"));
        File.WriteAllText(Path.Combine(build.Fleet.Root, "Tool", "Tool.csproj"), "<Project />");

        var (exitCode, output, _) = BuiltFleet.Run(Question, build.Fleet.Root);

        exitCode.Should().Be(0);
        output.Should().Contain("\"value\": \"\\\"orion\\\"\"");
    }

    [Fact]
    public void Reads_the_project_named_by_project_as_a_directory_or_a_csproj()
    {
        var elsewhere = Path.GetTempPath();

        BuiltFleet.Run([.. Question, "--project", build.Fleet.Directory], elsewhere).ExitCode.Should().Be(0);
        BuiltFleet.Run([.. Question, "--project", Path.Combine(build.Fleet.Directory, "Lux.Config.csproj")], elsewhere).ExitCode.Should().Be(0);
    }

    [Fact]
    public void Reads_the_newest_build_of_the_project()
    {
        using var fleet = new BuiltFleet(LuxRun.Of(ExampleFleet.Sources().Select(s => (s.Path, s.Text.Replace("\"25.11\"", "\"26.05\""))), ExampleFleet.NixFiles(), ExampleFleet.ProjectDirectory));
        // An older Release build with another value: the Debug one above is newer.
        var release = fleet.Generated.Replace(Path.Combine("obj", "Debug"), Path.Combine("obj", "Release"), StringComparison.Ordinal);
        Directory.CreateDirectory(release);
        foreach (var file in Directory.GetFiles(build.Fleet.Generated))
        {
            var copy = Path.Combine(release, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetLastWriteTimeUtc(copy, DateTime.UtcNow.AddHours(-1));
        }

        var (_, output, _) = fleet.Lux(["explain", "orion", "system.stateVersion", "--json"]);

        output.Should().Contain("\"value\": \"\\\"26.05\\\"\"");
    }

    [Fact]
    public void A_source_edited_after_the_build_is_named_before_the_answer_on_stderr()
    {
        using var fleet = new BuiltFleet(LuxRun.Of(ExampleFleet.Sources(), ExampleFleet.NixFiles(), ExampleFleet.ProjectDirectory));
        var edited = Path.Combine(fleet.Directory, "Hosts", "Orion.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(edited)!);
        File.WriteAllText(edited, "// edited");
        File.SetLastWriteTimeUtc(edited, DateTime.UtcNow.AddMinutes(5));

        var (exitCode, output, error) = fleet.Lux(Question);

        exitCode.Should().Be(0);
        error.Should().Be($"lux explain: {Path.Combine("Hosts", "Orion.cs")} changed after the last build; these answers are that build's (dotnet build for current ones).\n");
        System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("kind").GetString().Should().Be("option", "stdout stays one JSON object");
    }

    [Fact]
    public void A_fleet_never_built_says_to_run_dotnet_build_and_exits_3()
    {
        using var empty = new Nix.TemporaryDirectory();
        empty.Write("Fleet/Fleet.csproj", "<Project />");

        var (exitCode, output, error) = BuiltFleet.Run(["explain", "orion"], Path.Combine(empty.Path, "Fleet"));

        exitCode.Should().Be(3);
        output.Should().BeEmpty();
        error.Should().Contain("never built").And.Contain("dotnet build");
        BuiltFleet.Run(["explain", "orion"], empty.Path).ExitCode.Should().Be(3, "no project Lux built is below it either");
    }
}
