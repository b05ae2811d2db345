using Lux.Cli.Diagnostics;

namespace Lux.Tests.Writing;

/// <summary>
/// A read-only mark on a file or directory Lux must change stops the write before anything changes.
/// These tests hold when run as root, who could write anyway: the writer checks the mark itself
/// (FileAttributes.ReadOnly, which .NET derives from the permission bits on Unix), it does not wait for the
/// operating system to refuse. File.SetAttributes sets the mark on every platform.
/// </summary>
public sealed class ReadOnlyTargetTests : IDisposable
{
    private readonly NixOutSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void A_read_only_file_that_must_change_is_named_and_nothing_changes()
    {
        _sandbox.Generate(("a.nix", "old a"), ("b.nix", "old b"));
        _sandbox.Write();
        MarkReadOnly(_sandbox.OutPath("b.nix"));
        var before = _sandbox.Snapshot();
        _sandbox.Generate(("a.nix", "new a"), ("b.nix", "new b"), ("c.nix", "c"));

        var result = _sandbox.Write();

        RefusalTests.ShouldFail(result, WriterErrorCodes.NotWritable, _sandbox.OutPath("b.nix"));
        result.OutputLines.Single().Should().Contain("'b.nix' is read-only");
        _sandbox.Snapshot().Should().Equal(before);
    }

    // Windows ignores the read-only mark on directories, and so does Lux there.
    [UnixFact]
    public void A_read_only_directory_that_must_get_a_file_is_named()
    {
        _sandbox.Generate(("hosts/alpha.nix", "a"));
        _sandbox.Write();
        MarkReadOnly(_sandbox.OutPath("hosts"));
        _sandbox.Generate(("hosts/alpha.nix", "a"), ("hosts/beta.nix", "b"));

        var result = _sandbox.Write();

        RefusalTests.ShouldFail(result, WriterErrorCodes.NotWritable, _sandbox.OutPath("hosts"));
        _sandbox.Exists("hosts/beta.nix").Should().BeFalse();
    }

    [Fact]
    public void A_read_only_stale_file_is_not_deleted()
    {
        _sandbox.Generate(("a.nix", "a"), ("old.nix", "old"));
        _sandbox.Write();
        MarkReadOnly(_sandbox.OutPath("old.nix"));
        _sandbox.Generate(("a.nix", "a"));

        var result = _sandbox.Write();

        RefusalTests.ShouldFail(result, WriterErrorCodes.NotWritable, _sandbox.OutPath("old.nix"));
        _sandbox.Exists("old.nix").Should().BeTrue();
    }

    [Fact]
    public void A_read_only_record_that_must_change_is_named()
    {
        _sandbox.Generate(("a.nix", "a"));
        _sandbox.Write();
        MarkReadOnly(_sandbox.OutPath(".lux-manifest"));
        _sandbox.Generate(("a.nix", "a"), ("b.nix", "b"));

        var result = _sandbox.Write();

        RefusalTests.ShouldFail(result, WriterErrorCodes.NotWritable, _sandbox.OutPath(".lux-manifest"));
        _sandbox.Exists("b.nix").Should().BeFalse();
    }

    [Fact]
    public void Read_only_files_that_stay_the_same_are_fine()
    {
        _sandbox.Generate(("a.nix", "a"), ("b.nix", "b"));
        _sandbox.Write();
        MarkReadOnly(_sandbox.OutPath("a.nix"));
        MarkReadOnly(_sandbox.OutPath(".lux-manifest"));
        _sandbox.Generate(("a.nix", "a"), ("b.nix", "changed"));

        var result = _sandbox.Write();

        result.Succeeded.Should().BeTrue(string.Join('\n', result.OutputLines));
        _sandbox.Read("b.nix").Should().Be("changed");
    }

    private static void MarkReadOnly(string path)
    {
        File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
        File.GetAttributes(path).Should().HaveFlag(FileAttributes.ReadOnly);
    }
}
