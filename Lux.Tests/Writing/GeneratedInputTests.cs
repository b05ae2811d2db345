using FluentAssertions;
using Lux.Cli.Diagnostics;
using Lux.Generators.Transport;
using Xunit;

namespace Lux.Tests.Writing;

/// <summary>The writer decodes everything the generator left before it changes anything.</summary>
public sealed class GeneratedInputTests : IDisposable
{
    private readonly NixOutSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Config_errors_are_printed_verbatim_and_nothing_changes()
    {
        _sandbox.Generate(("flake.nix", "old"));
        _sandbox.Write();
        var before = _sandbox.Snapshot(withLockFiles: true);
        var times = _sandbox.BackdateAll();
        string[] errors =
        [
            "/src/Fleet.cs(12,9): error LUX1002: host 'alpha' has no boot loader",
            "/src/Users.cs(3,1): error LUX1010: user 'bob' is in no group",
        ];
        _sandbox.GenerateWithErrors([("flake.nix", "new"), ("hosts/alpha.nix", "a")], errors);

        var result = _sandbox.Write();

        result.ExitCode.Should().Be(1);
        result.ConfigErrors.Should().Equal(errors);
        result.OutputLines.Should().Equal(errors[0], errors[1], "lux: nix-out not written: 2 error(s) in the config");
        _sandbox.Snapshot(withLockFiles: true).Should().Equal(before);
        NixOutSandbox.WriteTimes(_sandbox.Out).Should().Equal(times);
    }

    [Fact]
    public void Config_errors_do_not_even_create_nix_out()
    {
        _sandbox.GenerateWithErrors([("a.nix", "a")], "/src/Fleet.cs(1,1): error LUX1002: broken");

        _sandbox.Write().ExitCode.Should().Be(1);

        Directory.Exists(_sandbox.Out).Should().BeFalse();
    }

    [Fact]
    public void A_missing_manifest_is_a_clear_error()
    {
        var result = _sandbox.Write();

        RefusalTests.ShouldFail(result, WriterErrorCodes.ManifestUnavailable, Path.Join(_sandbox.Generated, GeneratedSourceFormat.ManifestHintName));
        result.OutputLines.Single().Should().Contain("manifest was not found");
        Directory.Exists(_sandbox.Out).Should().BeFalse();
    }

    [Fact]
    public void A_missing_generated_directory_is_a_clear_error()
    {
        var result = _sandbox.Write(Path.Join(_sandbox.Root, "no-such-dir"));

        RefusalTests.ShouldFail(result, WriterErrorCodes.ManifestUnavailable);
    }

    [Theory]
    [InlineData("// not a manifest\n")]
    [InlineData("// lux-manifest 1\n// lux-file: a.nix\n")]
    public void An_unreadable_manifest_is_a_clear_error(string manifest)
    {
        File.WriteAllText(Path.Join(_sandbox.Generated, GeneratedSourceFormat.ManifestHintName), manifest);

        RefusalTests.ShouldFail(_sandbox.Write(), WriterErrorCodes.ManifestUnavailable);
    }

    [Fact]
    public void A_manifest_that_is_not_utf8_is_a_clear_error()
    {
        File.WriteAllBytes(Path.Join(_sandbox.Generated, GeneratedSourceFormat.ManifestHintName), [0x2F, 0x2F, 0xFF, 0xFE, 0x80, 0x0A]);

        RefusalTests.ShouldFail(_sandbox.Write(), WriterErrorCodes.ManifestUnavailable);
    }

    [Fact]
    public void Any_undecodable_file_means_nothing_is_written()
    {
        _sandbox.Generate(("a.nix", "a"), ("b.nix", "b"), ("c.nix", "c"));
        var broken = Path.Join(_sandbox.Generated, GeneratedSourceFormat.HintNameFor("b.nix"));
        File.WriteAllText(broken, File.ReadAllText(broken).Replace("internal const string Content", "internal const string Contents", StringComparison.Ordinal));

        var result = _sandbox.Write();

        RefusalTests.ShouldFail(result, WriterErrorCodes.GeneratedFileUnavailable, broken);
        Directory.Exists(_sandbox.Out).Should().BeFalse();
    }

    [Fact]
    public void A_listed_file_whose_source_is_missing_means_nothing_is_written()
    {
        _sandbox.Generate(("a.nix", "a"));
        _sandbox.Write();
        _sandbox.Generate(("a.nix", "changed"), ("z.nix", "z"));
        File.Delete(Path.Join(_sandbox.Generated, GeneratedSourceFormat.HintNameFor("z.nix")));

        var result = _sandbox.Write();

        RefusalTests.ShouldFail(result, WriterErrorCodes.GeneratedFileUnavailable);
        _sandbox.Read("a.nix").Should().Be("a");
    }

    [Fact]
    public void A_source_carrying_another_path_is_refused()
    {
        _sandbox.Generate(("a.nix", "a"));
        File.WriteAllText(Path.Join(_sandbox.Generated, GeneratedSourceFormat.HintNameFor("a.nix")), GeneratedSourceFormat.EncodeFile("b.nix", "b"));

        RefusalTests.ShouldFail(_sandbox.Write(), WriterErrorCodes.GeneratedFileUnavailable);
    }

    [Fact]
    public void A_manifest_naming_a_source_outside_the_generated_folder_is_refused()
    {
        File.WriteAllText(Path.Join(_sandbox.Root, "outside.g.cs"), GeneratedSourceFormat.EncodeFile("a.nix", "a"));
        File.WriteAllText(Path.Join(_sandbox.Generated, GeneratedSourceFormat.ManifestHintName),
            "// lux-manifest 1\n// lux-file: a.nix ../../../../outside.g.cs\n");

        var result = _sandbox.Write();

        RefusalTests.ShouldFail(result, WriterErrorCodes.GeneratedFileUnavailable);
        result.OutputLines.Single().Should().Contain("expected 'Lux.Out.a.nix.");
    }

    [Fact]
    public void Content_with_a_lone_surrogate_is_refused()
    {
        _sandbox.Generate(("a.nix", "broken \uD83D text"));

        var result = _sandbox.Write();

        RefusalTests.ShouldFail(result, WriterErrorCodes.GeneratedFileUnavailable);
        result.OutputLines.Single().Should().Contain("not valid Unicode");
    }

    [Fact]
    public void Sources_without_a_byte_order_mark_are_read_too()
    {
        File.WriteAllText(Path.Join(_sandbox.Generated, GeneratedSourceFormat.HintNameFor("a.nix")), GeneratedSourceFormat.EncodeFile("a.nix", "é"));
        File.WriteAllText(Path.Join(_sandbox.Generated, GeneratedSourceFormat.ManifestHintName), GeneratedSourceFormat.EncodeManifest(["a.nix"], []));

        _sandbox.Write().Succeeded.Should().BeTrue();

        _sandbox.Read("a.nix").Should().Be("é");
    }
}
