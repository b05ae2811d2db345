using System.Text;
using FluentAssertions;
using Lux.Generators.Transport;
using Xunit;

namespace Lux.Tests.Writing;

/// <summary>Whatever the generator puts in, the writer gets back, character for character.</summary>
public sealed class GeneratedSourceFormatRoundTripTests
{
    public static TheoryData<string> NastyContents => new()
    {
        "",
        "plain",
        "say \"hi\"",
        "C:\\path\\to\\thing and \\\\server",
        "ends with a backslash\\",
        "ends with a quote\"",
        "\";",
        "line one\nline two\n",
        "windows\r\nline\r\nendings\r\n",
        "old mac\rending",
        "tabs\tand\tmore\t",
        "line separator \u2028 paragraph separator \u2029 next line \u0085",
        "emoji 🚀 and 👩‍👩‍👧 and 🏳️‍🌈",
        "NUL \0 BEL \a ESC \u001b DEL \u007f",
        "text that looks like an escape: \\u0041 \\\" \\n",
        "        internal const string Content = \"not the real one\";",
        "// lux-path: fake/path.nix\n// lux-file: fake.nix Lux.Out.fake.g.cs",
        "{ pkgs, ... }:\n{\n  environment.systemPackages = [ pkgs.git ];\n  services.nginx.virtualHosts.\"example.org\".root = \"/var/www\";\n}\n",
        "BOM in the middle \uFEFF here",
    };

    [Theory]
    [MemberData(nameof(NastyContents))]
    public void File_round_trips_nasty_content(string content)
    {
        var source = GeneratedSourceFormat.EncodeFile("hosts/alpha/default.nix", content);

        GeneratedSourceFormat.TryDecodeFile(source, out var path, out var decoded).Should().BeTrue();

        path.Should().Be("hosts/alpha/default.nix");
        decoded.Should().Be(content);
    }

    [Theory]
    [MemberData(nameof(NastyContents))]
    public void Encoded_content_stays_on_one_line(string content)
    {
        var source = GeneratedSourceFormat.EncodeFile("a.nix", content);

        // The literal must not break across lines, or the C# would not compile and the decoder would not find it.
        source.Split('\n').Should().ContainSingle(line => line.StartsWith("        internal const string Content = \"", StringComparison.Ordinal));
        source.Should().NotContainAny("\r", "\u2028", "\u2029", "\u0085");
    }

    [Fact]
    public void Lone_surrogates_round_trip_through_the_format()
    {
        var content = "high \uD83D alone, low \uDE80 alone";

        GeneratedSourceFormat.TryDecodeFile(GeneratedSourceFormat.EncodeFile("a.nix", content), out _, out var decoded).Should().BeTrue();

        decoded.Should().Be(content);
    }

    [Fact]
    public void Random_strings_round_trip()
    {
        var alphabet = "ab \"\\\n\r\t\0\u2028\u2029\u0085\u007f{};/é€\uFEFF".ToCharArray();
        var random = new Random(20251125);
        for (var i = 0; i < 2000; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 40);
            for (var j = 0; j < length; j++)
            {
                if (random.Next(8) == 0)
                    text.Append("🚀");
                else
                    text.Append(alphabet[random.Next(alphabet.Length)]);
            }
            var content = text.ToString();

            GeneratedSourceFormat.TryDecodeFile(GeneratedSourceFormat.EncodeFile("x/y.nix", content), out _, out var decoded).Should().BeTrue();
            decoded.Should().Be(content);
        }
    }

    [Fact]
    public void File_round_trips_through_disk_with_the_compilers_encoding()
    {
        var content = "quote \" backslash \\ newline \n separator \u2028 emoji 🚀\ttab";
        var file = Path.Join(Path.GetTempPath(), "lux-format-" + Guid.NewGuid().ToString("N") + ".g.cs");
        try
        {
            File.WriteAllText(file, GeneratedSourceFormat.EncodeFile("a.nix", content), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

            GeneratedSourceFormat.TryDecodeFile(File.ReadAllText(file), out _, out var decoded).Should().BeTrue();

            decoded.Should().Be(content);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(NastyContents))]
    public void An_explain_record_round_trips_as_comments_the_compiler_compiles_nothing_of(string content)
    {
        var source = GeneratedSourceFormat.EncodeExplanation("orion", content);

        (GeneratedSourceFormat.TryDecodeExplanation(source, out var subject, out var decoded), subject, decoded).Should().Be((true, "orion", content));
        // Every line a comment, and no line terminator C# knows but LF inside one: nothing of it reaches the assembly.
        source.Should().NotContainAny("\r", "\u2028", "\u2029", "\u0085");
        source.TrimEnd('\n').Split('\n').Should().OnlyContain(line => line.StartsWith("//", StringComparison.Ordinal));
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source);
        tree.GetDiagnostics().Should().BeEmpty();
        ((Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)tree.GetRoot()).Members.Should().BeEmpty();
        GeneratedSourceFormat.TryDecodeFile(source, out _, out _).Should().BeFalse("the writer does not take a record for a nix-out file");
    }

    [Fact]
    public void Explain_records_are_Lux_output_and_named_apart_from_nix_out_files()
    {
        GeneratedSourceFormat.IsLuxOutput("/obj/generated/" + GeneratedSourceFormat.ExplanationHintNameFor("orion")).Should().BeTrue();
        GeneratedSourceFormat.IsLuxOutput("/obj/generated/" + GeneratedSourceFormat.ExplanationIndexHintName).Should().BeTrue();
        GeneratedSourceFormat.ExplanationHintNameFor("orion").Should().NotBe(GeneratedSourceFormat.HintNameFor("orion"));
    }

    [Fact]
    public void Manifest_round_trips_paths_with_spaces_and_error_lines()
    {
        string[] paths = ["flake.nix", "hosts/my host/default.nix", "dir.with.dots/file-name_1.nix"];
        string[] errors = ["/src/Fleet.cs(3,5): error LUX1002: host 'alpha' has no disk", "two\nlines"];

        var manifest = GeneratedSourceFormat.EncodeManifest(paths, errors);

        GeneratedSourceFormat.TryDecodeManifest(manifest, out var files, out var decodedErrors).Should().BeTrue();
        files.Should().Equal(paths.Select(path => (path, GeneratedSourceFormat.HintNameFor(path))));
        decodedErrors.Should().Equal("/src/Fleet.cs(3,5): error LUX1002: host 'alpha' has no disk", "two lines");
    }

    [Fact]
    public void Hint_names_are_distinct_for_paths_that_sanitise_alike()
    {
        var first = GeneratedSourceFormat.HintNameFor("hosts/a b.nix");
        var second = GeneratedSourceFormat.HintNameFor("hosts/a_b.nix");

        first.Should().NotBe(second);
        first.Should().MatchRegex(@"^Lux\.Out\.[A-Za-z0-9._-]+\.[0-9a-f]{8}\.g\.cs$");
    }

    [Fact]
    public void Hint_names_of_short_paths_spell_the_whole_path()
    {
        GeneratedSourceFormat.HintNameFor("hosts/alpha/default.nix").Should().MatchRegex(@"^Lux\.Out\.hosts_alpha_default\.nix\.[0-9a-f]{8}\.g\.cs$");
    }

    [Fact]
    public void Hint_names_of_long_paths_stay_short_enough_to_be_file_names()
    {
        var longPath = "hosts/" + new string('a', 200) + "/" + new string('b', 200) + ".nix";
        var otherLongPath = "hosts/" + new string('a', 200) + "/" + new string('c', 200) + ".nix";

        var hintName = GeneratedSourceFormat.HintNameFor(longPath);

        // The compiler writes it as a file; with the generated folder's own path it must stay well under the limits.
        hintName.Length.Should().BeLessThan(100);
        hintName.Should().NotBe(GeneratedSourceFormat.HintNameFor(otherLongPath));
    }

    [Theory]
    [InlineData("no header at all")]
    [InlineData("// lux-manifest 1\n// lux-file: nospace\n")]
    public void Malformed_manifests_are_rejected(string source)
    {
        GeneratedSourceFormat.TryDecodeManifest(source, out _, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("        internal const string Content = \"dangling \\\";")]
    [InlineData("        internal const string Content = \"bad escape \\n\";")]
    [InlineData("        internal const string Content = \"short \\u12\";")]
    public void Malformed_literals_are_rejected(string contentLine)
    {
        var source = "// <auto-generated/>\n// lux-path: a.nix\n" + contentLine + "\n";

        GeneratedSourceFormat.TryDecodeFile(source, out _, out _).Should().BeFalse();
    }
}
