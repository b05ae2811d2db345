using Lux.Cli.Writing;
using Lux.Generators.Transport;

namespace Lux.Tests.Writing;

/// <summary>
/// Policy errors (LUX1xxx, ...) a user suppressed in the config: with analyzers on, a compile that got
/// this far saw the suppression, so nix-out is written with a warning; without analyzers nothing saw it.
/// </summary>
public sealed class PolicySuppressionTests : IDisposable
{
    private const string Policy = "/fleet/Features/OpenSsh.cs(15,9): error LUX1002: orion: password authentication must be disabled";
    private readonly NixOutSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private void GenerateWithPolicyError()
    {
        Directory.CreateDirectory(_sandbox.Generated);
        File.WriteAllText(_sandbox.FleetSourcePath,
            GeneratedSourceFormat.EncodeFleet([("flake.nix", "{ }\n")], "", GeneratedSourceFormat.EncodeManifest([], ["flake.nix"], [], [Policy])).ToString());
    }

    private WriteResult Write(bool analyzersRan) =>
        new NixOutWriter(new NixOutWriterOptions(_sandbox.Generated, _sandbox.Out) { AnalyzersRan = analyzersRan }).Write();

    [Fact]
    public void Without_analyzers_a_policy_error_blocks_writing()
    {
        GenerateWithPolicyError();

        var result = Write(analyzersRan: false);

        result.ExitCode.Should().Be(1);
        result.OutputLines.Should().Contain(Policy);
        _sandbox.Exists("flake.nix").Should().BeFalse();
    }

    [Fact]
    public void With_analyzers_a_suppressed_policy_error_is_written_with_a_warning()
    {
        GenerateWithPolicyError();

        var result = Write(analyzersRan: true);

        result.ExitCode.Should().Be(0);
        result.OutputLines.Should().Contain(line => line.StartsWith("/fleet/Features/OpenSsh.cs(15,9): warning LUX1002:", StringComparison.Ordinal) &&
                                                    line.EndsWith("(suppressed in the config; nix-out written anyway)", StringComparison.Ordinal));
        _sandbox.Read("flake.nix").Should().Be("{ }\n");
    }

    [Fact]
    public void Other_errors_block_even_with_analyzers()
    {
        _sandbox.GenerateWithErrors([("flake.nix", "{ }\n")], "/fleet/A.cs(1,1): error LUX0001: not supported");

        Write(analyzersRan: true).ExitCode.Should().Be(1);
        _sandbox.Exists("flake.nix").Should().BeFalse();
    }
}
