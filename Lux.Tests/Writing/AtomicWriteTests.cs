namespace Lux.Tests.Writing;

/// <summary>Files are replaced through a temporary sibling and a rename; no temporary file outlives a write.</summary>
public sealed class AtomicWriteTests : IDisposable
{
    private readonly NixOutSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Leaves_no_temporary_files_behind()
    {
        _sandbox.Generate(("a.nix", "a"), ("hosts/b.nix", "b"), ("hosts/deep/c.nix", "c"));
        _sandbox.Write();
        _sandbox.Generate(("a.nix", "a2"), ("hosts/b.nix", "b2"), ("d.nix", "d"));
        _sandbox.Write();

        TemporaryFiles().Should().BeEmpty();
        _sandbox.Snapshot(withLockFiles: true).Keys.Should().Equal(".gitignore", ".lux-lock", ".lux-manifest", "a.nix", "d.nix", "hosts/b.nix");
    }

    [Fact]
    public void Replacing_a_file_gives_it_a_new_identity_rather_than_rewriting_it_in_place()
    {
        _sandbox.Generate(("a.nix", "old"));
        _sandbox.Write();
        // A reader that opened the old file keeps reading the old bytes: the new ones arrive by rename.
        using var reader = new FileStream(_sandbox.OutPath("a.nix"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        _sandbox.Generate(("a.nix", "new content"));

        _sandbox.Write().Succeeded.Should().BeTrue();

        new StreamReader(reader).ReadToEnd().Should().Be("old");
        _sandbox.Read("a.nix").Should().Be("new content");
    }

    [Fact]
    public void Cleans_up_what_a_killed_writer_left()
    {
        _sandbox.Generate(("hosts/a.nix", "a"));
        _sandbox.Write();
        // A writer killed between creating its temporary file and renaming it leaves these.
        File.WriteAllText(_sandbox.OutPath("hosts/.lux-tmp-0123456789abcdef"), "torn");
        File.WriteAllText(_sandbox.OutPath(".lux-tmp-deadbeefdeadbeef"), "torn");
        _sandbox.WriteUserFile("hosts/.lux-tmp-keep", "a user's file that only looks alike");

        _sandbox.Write().Succeeded.Should().BeTrue();

        TemporaryFiles().Should().BeEmpty();
        _sandbox.Read("hosts/.lux-tmp-keep").Should().Be("a user's file that only looks alike");
        _sandbox.Read("hosts/a.nix").Should().Be("a");
    }

    [SymlinkFact]
    public void Cleanup_does_not_follow_links_out_of_nix_out()
    {
        var elsewhere = Path.Join(_sandbox.Root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Join(elsewhere, ".lux-tmp-0123456789abcdef"), "not Lux's to remove");
        Directory.CreateDirectory(_sandbox.Out);
        Directory.CreateSymbolicLink(_sandbox.OutPath("result"), elsewhere);
        _sandbox.Generate(("a.nix", "a"));

        _sandbox.Write().Succeeded.Should().BeTrue();

        File.Exists(Path.Join(elsewhere, ".lux-tmp-0123456789abcdef")).Should().BeTrue();
    }

    [Fact]
    public void Writes_a_file_whose_name_is_at_the_file_system_limit()
    {
        var path = "hosts/" + new string('n', 251) + ".nix";
        _sandbox.Generate((path, "long"));

        var result = _sandbox.Write();

        result.Succeeded.Should().BeTrue(string.Join('\n', result.OutputLines));
        _sandbox.Read(path).Should().Be("long");
    }

    private string[] TemporaryFiles() =>
        Directory.EnumerateFiles(_sandbox.Out, ".lux-tmp-*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, MatchType = MatchType.Simple })
            .Where(file => !file.EndsWith("keep", StringComparison.Ordinal))
            .ToArray();
}
