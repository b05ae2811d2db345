namespace Lux.Tests.Generator;

/// <summary>nix-out is committed and always current: what is in the repository is what Lux.Config generates now.</summary>
public sealed class NixOutIsCurrentTests
{
    [Fact]
    public void The_example_fleet_has_no_errors()
    {
        var run = ExampleFleet.Run();
        run.CompilerDiagnostics.Should().BeEmpty();
        run.ManifestErrors.Should().BeEmpty();
        run.AnalyzerDiagnostics().Should().BeEmpty();
    }

    [Fact]
    public void Committed_nix_out_matches_what_the_example_fleet_generates()
    {
        var nixOut = Repository.Path("nix-out");
        var generated = ExampleFleet.Run().Files;
        foreach (var (path, text) in generated)
        {
            var file = Path.Combine(nixOut, path);
            File.Exists(file).Should().BeTrue($"nix-out/{path} is generated but not in the repository: run `dotnet build` and commit nix-out");
            File.ReadAllText(file).Should().Be(text, $"nix-out/{path} is stale: run `dotnet build` and commit nix-out");
        }
    }
}
