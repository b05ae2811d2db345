using Lux.Cli.Diagnostics;
using Lux.Cli.Writing;
using Lux.Generators.Transport;

namespace Lux.Tests.Writing;

/// <summary>When <c>lux write</c> must refuse, it says why in a canonical MSBuild error line, exits 1 and changes nothing.</summary>
public sealed class RefusalTests : IDisposable
{
    private const string CanonicalError = @"^(?<origin>.+): error LUX090\d: .+$";

    private readonly NixOutSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Refuses_to_overwrite_a_file_it_never_wrote()
    {
        _sandbox.WriteUserFile("flake.lock", "user's lock");
        _sandbox.Generate(("flake.nix", "f"), ("flake.lock", "generated lock"));

        var result = _sandbox.Write();

        ShouldFail(result, WriterErrorCodes.NotOwnedByLux, _sandbox.OutPath("flake.lock"));
        result.OutputLines.Single().Should().Contain("'flake.lock'");
        _sandbox.Read("flake.lock").Should().Be("user's lock");
        _sandbox.Exists("flake.nix").Should().BeFalse("nothing is written when any target is refused");
    }

    [Fact]
    public void Refuses_to_write_through_a_file_it_never_wrote()
    {
        _sandbox.WriteUserFile("hosts", "a user's file");
        _sandbox.Generate(("hosts/alpha.nix", "a"));

        var result = _sandbox.Write();

        ShouldFail(result, WriterErrorCodes.NotOwnedByLux, _sandbox.OutPath("hosts"));
        _sandbox.Read("hosts").Should().Be("a user's file");
    }

    [Fact]
    public void Refuses_to_replace_a_directory_holding_user_files()
    {
        _sandbox.WriteUserFile("hosts/notes.txt", "mine");
        _sandbox.Generate(("hosts", "a file now"));

        var result = _sandbox.Write();

        ShouldFail(result, WriterErrorCodes.NotOwnedByLux, _sandbox.OutPath("hosts"));
        _sandbox.Read("hosts/notes.txt").Should().Be("mine");
    }

    [Theory]
    [InlineData("../x.nix", "'..'")]
    [InlineData("hosts/../../x.nix", "'..'")]
    [InlineData("..", "'..'")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("hosts//a.nix", "empty segment")]
    [InlineData("hosts/", "empty segment")]
    [InlineData("hosts\\a.nix", "backslash")]
    [InlineData("a\0b.nix", "NUL")]
    [InlineData("./a.nix", "'.' segment")]
    [InlineData("C:x.nix", "':'")]
    [InlineData(".lux-manifest", "reserved")]
    [InlineData(".lux-lock", "reserved")]
    [InlineData(".gitignore", "reserved")]
    [InlineData("hosts/.lux-tmp-0123456789abcdef", "temporary")]
    public void Refuses_invalid_paths_and_writes_nothing(string path, string reason)
    {
        _sandbox.Generate(("good.nix", "g"), (path, "evil"));

        var result = _sandbox.Write();

        ShouldFail(result, WriterErrorCodes.InvalidPath, _sandbox.FleetSourcePath);
        result.OutputLines.Single().Should().Contain(path).And.Contain(reason);
        Directory.Exists(_sandbox.Out).Should().BeFalse("paths are checked before nix-out is even created");
        File.Exists(Path.Join(_sandbox.Root, "x.nix")).Should().BeFalse();
    }

    [Fact]
    public void Refuses_a_name_longer_than_file_systems_allow()
    {
        var path = "hosts/" + new string('é', 127) + ".nix";
        _sandbox.Generate((path, "x"));

        var result = _sandbox.Write();

        ShouldFail(result, WriterErrorCodes.InvalidPath);
        result.OutputLines.Single().Should().Contain("longer than 255 bytes");
    }

    [Theory]
    [InlineData("a.nix", "A.nix", "differ only in case")]
    [InlineData("hosts", "hosts/a.nix", "needs it to be a directory")]
    [InlineData("Hosts", "hosts/a.nix", "needs it to be a directory")]
    public void Refuses_paths_that_clash(string first, string second, string reason)
    {
        _sandbox.Generate((first, "1"), (second, "2"));

        var result = _sandbox.Write();

        ShouldFail(result, WriterErrorCodes.InvalidPath);
        result.OutputLines.Single().Should().Contain(reason);
        Directory.Exists(_sandbox.Out).Should().BeFalse();
    }

    [Fact]
    public void Refuses_a_path_listed_twice()
    {
        File.WriteAllText(_sandbox.FleetSourcePath,
            GeneratedSourceFormat.EncodeFleet([("a.nix", "a")], "", GeneratedSourceFormat.EncodeManifest([], ["a.nix", "a.nix"], [], [])).ToString());

        var result = _sandbox.Write();

        ShouldFail(result, WriterErrorCodes.InvalidPath);
        result.OutputLines.Single().Should().Contain("produced twice");
    }

    [Fact]
    public void Reports_every_refused_path_at_once()
    {
        _sandbox.Generate(("../a", "a"), ("/b", "b"), ("c//d", "c"));

        var result = _sandbox.Write();

        result.Errors.Should().HaveCount(3);
        result.OutputLines.Should().HaveCount(3).And.OnlyContain(line => System.Text.RegularExpressions.Regex.IsMatch(line, CanonicalError));
    }

    [Fact]
    public void Refuses_a_tampered_record_that_would_delete_outside_nix_out()
    {
        var outside = Path.Join(_sandbox.Root, "precious.txt");
        File.WriteAllText(outside, "keep me");
        _sandbox.WriteUserFile(".lux-manifest", "../precious.txt\n");
        _sandbox.Generate(("a.nix", "a"));

        var result = _sandbox.Write();

        ShouldFail(result, WriterErrorCodes.OwnershipRecordInvalid, Path.Join(_sandbox.Out, ".lux-manifest"));
        File.ReadAllText(outside).Should().Be("keep me");
        _sandbox.Exists("a.nix").Should().BeFalse();
    }

    [SymlinkFact]
    public void Refuses_to_write_through_a_symlinked_directory_inside_nix_out()
    {
        var elsewhere = Path.Join(_sandbox.Root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        Directory.CreateDirectory(_sandbox.Out);
        Directory.CreateSymbolicLink(_sandbox.OutPath("hosts"), elsewhere);
        _sandbox.Generate(("flake.nix", "f"), ("hosts/alpha/default.nix", "a"));

        var result = _sandbox.Write();

        ShouldFail(result, WriterErrorCodes.SymbolicLink, _sandbox.OutPath("hosts"));
        Directory.EnumerateFileSystemEntries(elsewhere).Should().BeEmpty();
        _sandbox.Exists("flake.nix").Should().BeFalse();
    }

    [SymlinkFact]
    public void Refuses_to_replace_a_file_that_became_a_symlink()
    {
        var elsewhere = Path.Join(_sandbox.Root, "target.nix");
        File.WriteAllText(elsewhere, "not Lux's");
        _sandbox.Generate(("a.nix", "old"));
        _sandbox.Write();
        File.Delete(_sandbox.OutPath("a.nix"));
        File.CreateSymbolicLink(_sandbox.OutPath("a.nix"), elsewhere);
        _sandbox.Generate(("a.nix", "new"));

        var result = _sandbox.Write();

        ShouldFail(result, WriterErrorCodes.SymbolicLink, _sandbox.OutPath("a.nix"));
        File.ReadAllText(elsewhere).Should().Be("not Lux's");
    }

    [SymlinkFact]
    public void Refuses_to_delete_a_stale_file_through_a_symlinked_directory()
    {
        var elsewhere = Path.Join(_sandbox.Root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Join(elsewhere, "old.nix"), "not Lux's");
        _sandbox.Generate(("hosts/old.nix", "old"));
        _sandbox.Write();
        Directory.Delete(_sandbox.OutPath("hosts"), recursive: true);
        Directory.CreateSymbolicLink(_sandbox.OutPath("hosts"), elsewhere);
        _sandbox.Generate(("flake.nix", "f"));

        var result = _sandbox.Write();

        ShouldFail(result, WriterErrorCodes.SymbolicLink, _sandbox.OutPath("hosts"));
        File.ReadAllText(Path.Join(elsewhere, "old.nix")).Should().Be("not Lux's");
    }

    [SymlinkFact]
    public void Refuses_a_nix_out_that_is_itself_a_symlink()
    {
        var real = Path.Join(_sandbox.Root, "real-out");
        Directory.CreateDirectory(real);
        Directory.CreateSymbolicLink(_sandbox.Out, real);
        _sandbox.Generate(("a.nix", "a"));

        var result = _sandbox.Write();
        var withTrailingSeparator = new NixOutWriter(new NixOutWriterOptions(_sandbox.Generated, _sandbox.Out + Path.DirectorySeparatorChar)).Write();

        ShouldFail(result, WriterErrorCodes.SymbolicLink, _sandbox.Out);
        ShouldFail(withTrailingSeparator, WriterErrorCodes.SymbolicLink, _sandbox.Out);
        Directory.EnumerateFileSystemEntries(real).Should().BeEmpty();
    }

    [Fact]
    public void Refuses_a_nix_out_that_is_a_file()
    {
        File.WriteAllText(_sandbox.Out, "not a directory");
        _sandbox.Generate(("a.nix", "a"));

        ShouldFail(_sandbox.Write(), WriterErrorCodes.NotOwnedByLux, _sandbox.Out);
    }

    internal static void ShouldFail(WriteResult result, string code, string? file = null)
    {
        result.ExitCode.Should().Be(1);
        result.Errors.Should().NotBeEmpty().And.OnlyContain(error => error.Code == code, string.Join('\n', result.OutputLines));
        if (file is not null)
            result.Errors.Should().Contain(error => error.File == file);
        result.OutputLines.Should().OnlyContain(line => System.Text.RegularExpressions.Regex.IsMatch(line, CanonicalError));
    }
}
