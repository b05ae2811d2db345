using System.Text;

namespace Lux.Tests.Writing;

/// <summary>What <c>lux write</c> does to nix-out when all goes well.</summary>
public sealed class NixOutWriterTests : IDisposable
{
    private readonly NixOutSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Writes_new_files_and_records_them()
    {
        _sandbox.Generate(("flake.nix", "{ }\n"), ("hosts/alpha/default.nix", "{ networking.hostName = \"alpha\"; }\n"));

        var result = _sandbox.Write();

        result.Succeeded.Should().BeTrue(string.Join('\n', result.OutputLines));
        result.Written.Should().Be(2);
        _sandbox.Snapshot().Should().Equal(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["flake.nix"] = "{ }\n",
            ["hosts/alpha/default.nix"] = "{ networking.hostName = \"alpha\"; }\n",
            [".lux-manifest"] = "flake.nix\nhosts/alpha/default.nix\n",
        });
    }

    [Fact]
    public void Prints_one_summary_line()
    {
        _sandbox.Generate(("a.nix", "a"), ("b.nix", "b"));
        _sandbox.Write();
        _sandbox.Generate(("a.nix", "a"), ("c.nix", "c"));

        var result = _sandbox.Write();

        result.OutputLines.Should().Equal($"lux: nix-out/ → 1 written, 1 deleted, 1 unchanged ({_sandbox.Out})");
        result.ExitCode.Should().Be(0);
    }

    [Fact]
    public void Second_run_touches_nothing()
    {
        _sandbox.Generate(("flake.nix", "{ }\n"), ("hosts/alpha/default.nix", "alpha\n"), ("hosts/beta/default.nix", "beta\n"));
        _sandbox.Write().Succeeded.Should().BeTrue();
        var before = _sandbox.BackdateAll();

        var result = _sandbox.Write();

        result.OutputLines.Should().Equal($"lux: nix-out/ → 0 written, 0 deleted, 3 unchanged ({_sandbox.Out})");
        NixOutSandbox.WriteTimes(_sandbox.Out).Should().Equal(before);
    }

    [Fact]
    public void Replaces_only_the_files_that_changed()
    {
        _sandbox.Generate(("a.nix", "old a"), ("b.nix", "b"));
        _sandbox.Write();
        var before = _sandbox.BackdateAll();
        _sandbox.Generate(("a.nix", "new a"), ("b.nix", "b"));

        var result = _sandbox.Write();

        result.Written.Should().Be(1);
        result.Unchanged.Should().Be(1);
        _sandbox.Read("a.nix").Should().Be("new a");
        File.GetLastWriteTimeUtc(_sandbox.OutPath("b.nix")).Should().Be(before[_sandbox.OutPath("b.nix")]);
        File.GetLastWriteTimeUtc(_sandbox.OutPath("a.nix")).Should().NotBe(before[_sandbox.OutPath("a.nix")]);
    }

    [Fact]
    public void Writes_utf8_without_bom_and_line_endings_exactly_as_generated()
    {
        var content = "é 🚀\nunix\r\nwindows\rmac\u2028separator";
        _sandbox.Generate(("a.nix", content));

        _sandbox.Write();

        _sandbox.ReadBytes("a.nix").Should().Equal(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content));
    }

    [Fact]
    public void Deletes_stale_files_it_wrote_and_the_directories_they_leave_empty()
    {
        _sandbox.Generate(("flake.nix", "f"), ("hosts/alpha/default.nix", "a"), ("hosts/alpha/disks/main.nix", "d"), ("hosts/beta/default.nix", "b"));
        _sandbox.Write();
        _sandbox.Generate(("flake.nix", "f"), ("hosts/beta/default.nix", "b"));

        var result = _sandbox.Write();

        result.Deleted.Should().Be(2);
        _sandbox.Snapshot().Keys.Should().Equal(".lux-manifest", "flake.nix", "hosts/beta/default.nix");
        _sandbox.Directories().Should().Equal("hosts", "hosts/beta");
        _sandbox.Read(".lux-manifest").Should().Be("flake.nix\nhosts/beta/default.nix\n");
    }

    [Fact]
    public void Keeps_hand_written_files_and_flake_lock()
    {
        _sandbox.Generate(("flake.nix", "f"), ("hosts/alpha/default.nix", "a"));
        _sandbox.Write();
        _sandbox.WriteUserFile("flake.lock", "{ \"nodes\": {} }");
        _sandbox.WriteUserFile("hosts/alpha/hardware-configuration.nix", "hand written");
        _sandbox.WriteUserFile("README.md", "notes");
        _sandbox.Generate(("flake.nix", "f"));

        var result = _sandbox.Write();

        result.Succeeded.Should().BeTrue();
        result.Deleted.Should().Be(1);
        _sandbox.Snapshot().Should().Equal(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [".lux-manifest"] = "flake.nix\n",
            ["README.md"] = "notes",
            ["flake.lock"] = "{ \"nodes\": {} }",
            ["flake.nix"] = "f",
            ["hosts/alpha/hardware-configuration.nix"] = "hand written",
        });
    }

    [Fact]
    public void Record_is_sorted_ordinally_and_lists_no_bookkeeping()
    {
        _sandbox.Generate(("b.nix", "b"), ("B/x.nix", "x"), ("a/z.nix", "z"), ("_.nix", "u"));

        _sandbox.Write();

        _sandbox.Read(".lux-manifest").Should().Be("B/x.nix\n_.nix\na/z.nix\nb.nix\n");
    }

    [Fact]
    public void Empty_output_records_nothing_and_deletes_everything_it_wrote()
    {
        _sandbox.Generate(("a/b.nix", "b"));
        _sandbox.Write();
        _sandbox.Generate();

        var result = _sandbox.Write();

        result.Deleted.Should().Be(1);
        _sandbox.Snapshot().Should().Equal(new SortedDictionary<string, string>(StringComparer.Ordinal) { [".lux-manifest"] = "" });
        _sandbox.Directories().Should().BeEmpty();
    }

    [Fact]
    public void Creates_nix_out_and_a_gitignore_for_the_lock()
    {
        _sandbox.Generate(("a.nix", "a"));

        _sandbox.Write();

        File.ReadAllLines(Path.Join(_sandbox.Out, ".gitignore")).Should().Contain("/.lux-lock");
        File.Exists(Path.Join(_sandbox.Out, ".lux-lock")).Should().BeTrue();
        new FileInfo(Path.Join(_sandbox.Out, ".lux-lock")).Length.Should().Be(0);
    }

    [Fact]
    public void Leaves_an_existing_gitignore_alone()
    {
        _sandbox.WriteUserFile(".gitignore", "/result\n/.lux-lock\n");
        _sandbox.Generate(("a.nix", "a"));

        _sandbox.Write();

        _sandbox.Read(".gitignore").Should().Be("/result\n/.lux-lock\n");
    }

    [Fact]
    public void Output_is_deterministic_across_fresh_directories()
    {
        (string, string)[] files = [("z.nix", "z"), ("hosts/a/default.nix", "a\n"), ("flake.nix", "{ }")];
        using var other = new NixOutSandbox();
        _sandbox.Generate(files);
        NixOutSandbox.Generate(other.Generated, files.Reverse());

        _sandbox.Write();
        other.Write();

        _sandbox.Snapshot(withLockFiles: true).Should().Equal(other.Snapshot(withLockFiles: true));
    }

    [Fact]
    public void Ignores_sources_of_earlier_compilations_that_linger()
    {
        _sandbox.Generate(("old.nix", "old"), ("kept.nix", "kept"));
        _sandbox.Write();
        // The next compilation no longer produces old.nix, but its source stays in the generated folder.
        _sandbox.Generate(("kept.nix", "kept"));

        _sandbox.Write();

        _sandbox.Exists("old.nix").Should().BeFalse();
        _sandbox.Read(".lux-manifest").Should().Be("kept.nix\n");
    }

    [Fact]
    public void Adopts_an_unrecorded_file_that_already_holds_the_generated_bytes()
    {
        // A checkout that lost .lux-manifest: nothing would be overwritten, so nothing is refused.
        _sandbox.WriteUserFile("flake.nix", "same");
        _sandbox.Generate(("flake.nix", "same"));

        var result = _sandbox.Write();

        result.Succeeded.Should().BeTrue();
        result.Unchanged.Should().Be(1);
        _sandbox.Read(".lux-manifest").Should().Be("flake.nix\n");
    }

    [Fact]
    public void A_file_it_wrote_can_become_a_directory()
    {
        _sandbox.Generate(("hosts", "was a file"));
        _sandbox.Write();
        _sandbox.Generate(("hosts/alpha.nix", "now a directory"));

        var result = _sandbox.Write();

        result.Succeeded.Should().BeTrue(string.Join('\n', result.OutputLines));
        _sandbox.Read("hosts/alpha.nix").Should().Be("now a directory");
    }

    [Fact]
    public void A_directory_of_files_it_wrote_can_become_a_file()
    {
        _sandbox.Generate(("hosts/alpha/default.nix", "a"), ("hosts/beta.nix", "b"));
        _sandbox.Write();
        _sandbox.Generate(("hosts", "now a file"));

        var result = _sandbox.Write();

        result.Succeeded.Should().BeTrue(string.Join('\n', result.OutputLines));
        _sandbox.Read("hosts").Should().Be("now a file");
        _sandbox.Read(".lux-manifest").Should().Be("hosts\n");
    }

    [Fact]
    public void Tolerates_a_record_checked_out_with_crlf()
    {
        _sandbox.Generate(("a.nix", "a"), ("b.nix", "b"));
        _sandbox.Write();
        File.WriteAllText(Path.Join(_sandbox.Out, ".lux-manifest"), "a.nix\r\nb.nix\r\n");
        _sandbox.Generate(("a.nix", "a"));

        var result = _sandbox.Write();

        result.Deleted.Should().Be(1);
        _sandbox.Read(".lux-manifest").Should().Be("a.nix\n");
    }
}
