using System.Text;
using CsCheck;
using Lux.Generators.Transport;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lux.Tests.Writing;

/// <summary>
/// Whatever the generator puts in, the writer and lux explain get back, character for character, from sources the
/// compiler compiles nothing of; and a source cut short or altered decodes to nothing rather than to part of nix-out.
/// </summary>
public sealed class GeneratedSourceFormatRoundTripTests
{
    public static TheoryData<string> NastyContents => new()
    {
        "",
        "\n",
        "\n\n",
        "plain",
        "say \"hi\"",
        "C:\\path\\to\\thing and \\\\server",
        "ends with a backslash\\",
        "line one\nline two\n",
        "no trailing newline\nat the end",
        "windows\r\nline\r\nendings\r\n",
        "old mac\rending",
        "\r",
        "tabs\tand\tmore\t",
        "line separator \u2028 paragraph separator \u2029 next line \u0085",
        "emoji 🚀 and 👩‍👩‍👧 and 🏳️‍🌈",
        "NUL \0 BEL \a ESC \u001b DEL \u007f",
        "non-characters \uFFFE \uFFFF",
        "text that looks like an escape: \\u0041 \\\" \\n",
        "//>a line that looks like a verbatim line\n//\\and an escaped one\n// lux-sum 3 0000000000000000\n// lux-end 0",
        "// lux-file hosts/evil.nix\n// lux-manifest\n/// a doc comment\n/* a block */ */",
        "#if DEBUG\n#error not a directive\n#endif",
        "{ pkgs, ... }:\n{\n  environment.systemPackages = [ pkgs.git ];\n  services.nginx.virtualHosts.\"example.org\".root = \"/var/www\";\n}\n",
        "BOM in the middle \uFEFF here",
        "high \uD83D alone, low \uDE80 alone, and at the end \uD83D",
        "\uDE80 at the start",
    };

    [Theory]
    [MemberData(nameof(NastyContents))]
    public void A_host_source_round_trips_nasty_content(string content)
    {
        var source = GeneratedSourceFormat.EncodeHost("alpha", [("hosts/alpha/default.nix", content), ("hosts/alpha/home.nix", content + "x")], content);

        var decoded = Decode(AsCompiled(source));

        decoded.Subject.Should().Be(GeneratedSourceFormat.HostSubject);
        decoded.Name.Should().Be("alpha");
        decoded.Entries.Select(e => (e.Kind, e.Path, e.Text)).Should().Equal(
            (GeneratedSourceFormat.FileKind, "hosts/alpha/default.nix", content),
            (GeneratedSourceFormat.FileKind, "hosts/alpha/home.nix", content + "x"),
            (GeneratedSourceFormat.ExplainKind, null, content));
    }

    [Theory]
    [MemberData(nameof(NastyContents))]
    public void A_source_is_comments_only_and_compiles_to_nothing(string content)
    {
        var source = GeneratedSourceFormat.EncodeHost("alpha", [("a.nix", content)], content).ToString();

        AssertCommentsOnly(source);
    }

    [Fact]
    public void The_fleet_source_round_trips_files_index_and_manifest()
    {
        var manifest = GeneratedSourceFormat.EncodeManifest(["alpha", "beta"], ["flake.nix", "hosts/alpha/default.nix"], ["/a.cs(1,1): error LUX2001: x"], ["/b.cs(2,2): error LUX1002: y"]);
        var source = GeneratedSourceFormat.EncodeFleet([("flake.nix", "{ }\n"), ("FLEET.md", "# Fleet\n")], "lux-explain-index\t1\nhost\talpha", manifest).ToString();

        var decoded = Decode(source);

        decoded.Subject.Should().Be(GeneratedSourceFormat.FleetSubject);
        decoded.Entries.Where(e => e.Kind == GeneratedSourceFormat.FileKind).Select(e => (e.Path, e.Text)).Should().Equal(("flake.nix", "{ }\n"), ("FLEET.md", "# Fleet\n"));
        decoded.Single(GeneratedSourceFormat.ExplainKind).Should().Be("lux-explain-index\t1\nhost\talpha");
        GeneratedSourceFormat.TryDecodeManifest(decoded.Single(GeneratedSourceFormat.ManifestKind)!, out var read).Should().BeTrue();
        read.Hosts.Should().Equal("alpha", "beta");
        read.Paths.Should().Equal("flake.nix", "hosts/alpha/default.nix");
        read.Errors.Should().Equal("/a.cs(1,1): error LUX2001: x");
        read.PolicyErrors.Should().Equal("/b.cs(2,2): error LUX1002: y");
        AssertCommentsOnly(source);
    }

    [Fact]
    public void Manifest_errors_stay_one_line_each()
    {
        var manifest = GeneratedSourceFormat.EncodeManifest([], ["hosts/my host/default.nix"], ["two\nlines", "a\u2028b\rc"], []);

        GeneratedSourceFormat.TryDecodeManifest(manifest, out var read).Should().BeTrue();

        read.Paths.Should().Equal("hosts/my host/default.nix");
        read.Errors.Should().Equal("two lines", "a b c");
    }

    [Theory]
    [InlineData("")]
    [InlineData("no header at all\n")]
    [InlineData("lux-manifest 1\nfile a.nix\n")]
    [InlineData("lux-manifest 2\nfile a.nix")]
    [InlineData("lux-manifest 2\nfiles a.nix\n")]
    [InlineData("lux-manifest 2\nfile\n")]
    public void Malformed_manifests_are_rejected(string manifest)
    {
        GeneratedSourceFormat.TryDecodeManifest(manifest, out _).Should().BeFalse();
    }

    [Fact]
    public void Paths_and_host_names_with_characters_a_comment_cannot_hold_round_trip()
    {
        const string name = "odd\u2028host\\";
        const string path = "hosts/odd\u2028host\\/a\rb.nix";

        var decoded = Decode(GeneratedSourceFormat.EncodeHost(name, [(path, "x")], null).ToString());

        decoded.Name.Should().Be(name);
        decoded.Entries.Single().Path.Should().Be(path);
    }

    [Fact]
    public void A_very_long_line_round_trips()
    {
        var content = string.Concat(Enumerable.Repeat("abcdefghij\\\"", 200_000)) + "\n" + new string('x', 1_000_000);

        Decode(AsCompiled(GeneratedSourceFormat.EncodeHost("alpha", [("big.nix", content)], null))).Entries.Single().Text.Should().Be(content);
    }

    [Fact]
    public void A_source_round_trips_through_disk_with_the_compilers_encoding()
    {
        var content = "quote \" backslash \\ newline \n separator \u2028 emoji 🚀\ttab \r\n lone \uD83D";
        var file = Path.Join(Path.GetTempPath(), "lux-format-" + Guid.NewGuid().ToString("N") + ".g.cs");
        try
        {
            File.WriteAllText(file, GeneratedSourceFormat.EncodeHost("alpha", [("a.nix", content)], content).ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

            Decode(File.ReadAllText(file, new UTF8Encoding(false, throwOnInvalidBytes: true))).Entries.Should().OnlyContain(e => e.Text == content);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Any text, any number of files, any path: decoded exactly as encoded.</summary>
    [Fact]
    public void Any_texts_round_trip()
    {
        var entry = Gen.Select(Text, Text);
        Gen.Select(Text.Where(name => name.Length > 0), entry.Array[0, 6], Text.Null()).Sample((name, files, explanation) =>
        {
            var decoded = Decode(AsCompiled(GeneratedSourceFormat.EncodeHost(name, files, explanation)));
            decoded.Name.Should().Be(name);
            decoded.Entries.Where(e => e.Kind == GeneratedSourceFormat.FileKind).Select(e => (e.Path!, e.Text)).Should().Equal(files);
            decoded.Single(GeneratedSourceFormat.ExplainKind).Should().Be(explanation);
        }, iter: 2_000, threads: 1, print: t => t.ToString());
    }

    /// <summary>Any text, as a comment-only source the compiler lexes without error and compiles nothing of.</summary>
    [Fact]
    public void Any_text_stays_comments()
    {
        Text.Sample(text => AssertCommentsOnly(GeneratedSourceFormat.EncodeHost("a", [("a.nix", text)], text).ToString()), iter: 500, threads: 1, print: t => t);
    }

    /// <summary>A source cut anywhere short of its end never decodes: the writer gets all of a source or nothing.</summary>
    [Fact]
    public void Every_truncation_is_rejected()
    {
        var source = GeneratedSourceFormat.EncodeHost("alpha", [("hosts/alpha/default.nix", "{ }\n"), ("hosts/alpha/a.nix", "a\nb"), ("hosts/alpha/e.nix", "")], "record\n").ToString();
        for (var length = 0; length < source.Length; length++)
            GeneratedSourceFormat.TryDecode(source[..length], out _, out _).Should().BeFalse("a source cut to {0} of {1} characters is incomplete", length, source.Length);
    }

    /// <summary>Any one character changed, dropped or added, anywhere, and the source does not decode to what it held.</summary>
    [Fact]
    public void Any_single_alteration_is_rejected_or_harmless()
    {
        var files = new[] { ("hosts/alpha/default.nix", "{ pkgs, ... }:\n{\n  networking.hostName = \"alpha\";\n}\n"), ("hosts/alpha/b.nix", "b\u2028\\") };
        var source = GeneratedSourceFormat.EncodeHost("alpha", files, "rec\tord").ToString();
        var original = Decode(source);
        Gen.Select(Gen.Int[0, source.Length - 1], Gen.Char, Gen.Int[0, 2]).Sample((at, c, how) =>
        {
            var altered = how switch
            {
                0 => source[..at] + c + source[(at + 1)..],
                1 => source.Remove(at, 1),
                _ => source.Insert(at, c.ToString()),
            };
            if (altered == source || !GeneratedSourceFormat.TryDecode(altered, out var decoded, out _))
                return;
            // Only what carries nothing may change: the comments for people before the first entry.
            decoded.Name.Should().Be(original.Name);
            decoded.Entries.Select(e => (e.Kind, e.Path, e.Text)).Should().Equal(original.Entries.Select(e => (e.Kind, e.Path, e.Text)));
        }, iter: 5_000, threads: 1);
    }

    [Theory]
    [InlineData("//>x\n", "//>y\n")]
    [InlineData("// lux-end 2 ", "// lux-end 1 ")]
    [InlineData("// lux-transport 2 host alpha\n", "// lux-transport 2 host alphb\n")]
    [InlineData("// lux-file a.nix\n", "// lux-file b.nix\n")]
    [InlineData("// lux-file a.nix\n", "// lux-files a.nix\n")]
    [InlineData("// lux-transport 2 host alpha\n", "// lux-transport 1 host alpha\n")]
    [InlineData("// <auto-generated/>\n", "")]
    [InlineData("\n", "\r\n")]
    public void Altered_sources_are_rejected(string from, string to)
    {
        var source = GeneratedSourceFormat.EncodeHost("alpha", [("a.nix", "x"), ("b.nix", "y")], null).ToString();
        source.Should().Contain(from);

        GeneratedSourceFormat.TryDecode(source.Replace(from, to, StringComparison.Ordinal), out _, out var problem).Should().BeFalse();
        problem.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("//>more\n")]
    [InlineData("\n")]
    [InlineData("// a comment\n")]
    public void Text_after_the_end_line_is_rejected(string after)
    {
        var source = GeneratedSourceFormat.EncodeHost("alpha", [("a.nix", "x")], null).ToString();

        GeneratedSourceFormat.TryDecode(source + after, out _, out var problem).Should().BeFalse();
        problem.Should().Contain("follows");
    }

    [Fact]
    public void Sources_are_Lux_output_and_named_apart()
    {
        GeneratedSourceFormat.IsLuxOutput("/obj/generated/" + GeneratedSourceFormat.HostHintNameFor("orion")).Should().BeTrue();
        GeneratedSourceFormat.IsLuxOutput("/obj/generated/" + GeneratedSourceFormat.FleetHintName).Should().BeTrue();
        GeneratedSourceFormat.IsLuxOutput("/src/Hosts/Orion.cs").Should().BeFalse();
        GeneratedSourceFormat.HostHintNameFor("orion").Should().NotBe(GeneratedSourceFormat.FleetHintName);
        GeneratedSourceFormat.HostHintNameFor("Fleet").Should().NotBe(GeneratedSourceFormat.FleetHintName);
    }

    [Fact]
    public void Hint_names_are_distinct_for_names_that_sanitise_alike()
    {
        var first = GeneratedSourceFormat.HostHintNameFor("a b");
        var second = GeneratedSourceFormat.HostHintNameFor("a_b");

        first.Should().NotBe(second);
        first.Should().MatchRegex(@"^Lux\.Host\.[A-Za-z0-9._-]+\.[0-9a-f]{8}\.g\.cs$");
        GeneratedSourceFormat.HostHintNameFor("polaris").Should().MatchRegex(@"^Lux\.Host\.polaris\.[0-9a-f]{8}\.g\.cs$");
    }

    [Fact]
    public void Hint_names_of_long_names_stay_short_enough_to_be_file_names()
    {
        var hintName = GeneratedSourceFormat.HostHintNameFor(new string('a', 300));

        // The compiler writes it as a file; with the generated folder's own path it must stay well under the limits.
        hintName.Length.Should().BeLessThan(100);
        hintName.Should().NotBe(GeneratedSourceFormat.HostHintNameFor(new string('a', 299) + "b"));
    }

    /// <summary>
    /// The source as the generator hands it to the compiler (<see cref="NixOutSources.TextOf"/>: counted, then copied once),
    /// checked against the same source made as a string: they agree character for character and in length.
    /// </summary>
    private static string AsCompiled(EncodedSource source)
    {
        var compiled = NixOutSources.TextOf(source).ToString();
        compiled.Should().Be(source.ToString());
        compiled.Length.Should().Be(source.Length);
        return compiled;
    }

    /// <summary>Strings rich in what a comment line cannot hold as it is, and in what looks like the format's own lines.</summary>
    private static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.Char["ab \"\\\n\r\t\0\u2028\u2029\u0085\u007f{};/>é€\uFEFF\uFFFF\uD83D\uDE80"].Array[0, 40].Select(chars => new string(chars))),
        (1, Gen.String),
        (1, Gen.OneOf(new[] { "//>", "//\\", "// lux-sum 0 0\n", "// lux-end 0\n", "\n// lux-file x\n", "🚀" }.Select(Gen.Const).ToArray()).Array[0, 6].Select(string.Concat)));

    private static DecodedSource Decode(string source)
    {
        GeneratedSourceFormat.TryDecode(source, out var decoded, out var problem).Should().BeTrue(problem);
        return decoded;
    }

    private static void AssertCommentsOnly(string source)
    {
        // No line terminator C# knows but LF, and every line a comment: nothing of it reaches the assembly.
        source.Should().NotContainAny("\r", "\u2028", "\u2029", "\u0085");
        source.Should().EndWith("\n");
        source[..^1].Split('\n').Should().OnlyContain(line => line.StartsWith("//", StringComparison.Ordinal) && !line.StartsWith("///", StringComparison.Ordinal));
        var tree = CSharpSyntaxTree.ParseText(source);
        tree.GetDiagnostics().Should().BeEmpty();
        ((CompilationUnitSyntax)tree.GetRoot()).Members.Should().BeEmpty();
        tree.GetRoot().ToFullString().Should().Be(source);
    }
}
