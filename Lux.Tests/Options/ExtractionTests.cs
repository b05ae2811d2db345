using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Lux.Tests.Nix;

namespace Lux.Tests.Options;

/// <summary>
/// options/extract.sh, run on a small module set (Fixtures/extraction.nix), writes exactly the schema entries
/// SCHEMA.md describes; and every committed schema is well formed.
/// </summary>
public sealed class ExtractionTests
{
    private static readonly string Schemas = Repository.Path("options", "schemas");

    private const string Revision = "0123456789abcdef0123456789abcdef01234567";

    [ExtractionFact]
    public void The_fixture_module_set_gives_exactly_its_entries()
    {
        var lines = Extract();

        lines.Take(7).Should().Equal(
            "{",
            "  \"format\": 1,",
            "  \"set\": \"fixture\",",
            "  \"tree\": \"nixos\",",
            $$"""  "source": {"repository":"local/fixture","revision":"{{Revision}}","date":"2026-01-01"},""",
            "  \"documentation\": \"https://example.org/options#{path}\",",
            "  \"options\": [");

        // One entry a line, sorted by loc; lib's own `_module.args` comes first, and the internal
        // fixture.hidden is not an entry.
        var options = Entries(lines, "options");
        options.Should().HaveCount(17);
        options[0].Should().StartWith("""{"loc":["_module","args"],""");
        options.Skip(1).Should().Equal(
            """{"loc":["fixture","documented"],"type":{"name":"str"},"defaultOpaque":true,"readOnly":false,"declarations":["extraction.nix"]}""",
            """{"loc":["fixture","enable"],"type":{"name":"bool"},"default":"false","literal":false,"readOnly":false,"declarations":["extraction.nix"]}""",
            """{"loc":["fixture","id"],"type":{"name":"str"},"default":"\"fixed\"","literal":"fixed","readOnly":true,"declarations":["extraction.nix"]}""",
            """{"loc":["fixture","mode"],"type":{"name":"enum","values":["fast","slow"]},"default":"\"fast\"","literal":"fast","readOnly":false,"declarations":["extraction.nix"]}""",
            """{"loc":["fixture","name"],"type":{"name":"str"},"default":"\"fixture\"","literal":"fixture","readOnly":false,"declarations":["extraction.nix"]}""",
            """{"loc":["fixture","package"],"type":{"name":"package"},"default":"pkgs.hello","readOnly":false,"declarations":["extraction.nix"]}""",
            """{"loc":["fixture","paths"],"type":{"name":"coercedTo","from":{"name":"str"},"to":{"name":"listOf","elem":{"name":"str"}}},"default":"[ \"/srv\" ]","literal":["/srv"],"readOnly":false,"declarations":["extraction.nix"]}""",
            """{"loc":["fixture","port"],"type":{"name":"unsignedInt16","max":65535,"min":0},"default":"8080","literal":8080,"readOnly":false,"declarations":["extraction.nix"]}""",
            """{"loc":["fixture","ratio"],"type":{"name":"float"},"default":"1.0","literal":1.0,"readOnly":false,"declarations":["extraction.nix"]}""",
            """{"loc":["fixture","settings"],"type":{"name":"submodule","freeform":{"name":"attrsOf","elem":{"name":"str"}}},"default":"{ }","literal":{},"readOnly":false,"declarations":["extraction.nix"]}""",
            """{"loc":["fixture","settings","level"],"type":{"name":"str"},"default":"\"info\"","literal":"info","readOnly":false,"declarations":["extraction.nix"]}""",
            """{"loc":["fixture","tags"],"type":{"name":"listOf","elem":{"name":"str"}},"default":"[ ]","literal":[],"readOnly":false,"declarations":["extraction.nix"]}""",
            """{"loc":["fixture","timeout"],"type":{"name":"either","left":{"name":"int"},"right":{"name":"str"}},"default":"30","literal":30,"readOnly":false,"declarations":["extraction.nix"]}""",
            """{"loc":["fixture","users"],"type":{"name":"attrsOf","elem":{"name":"submodule"}},"default":"{ }","literal":{},"readOnly":false,"declarations":["extraction.nix"]}""",
            """{"loc":["fixture","users","<name>","home"],"type":{"name":"str"},"default":"\"/home/‹name›\"","readOnly":false,"declarations":["extraction.nix"]}""",
            """{"loc":["fixture","users","<name>","uid"],"type":{"name":"nullOr","elem":{"name":"unsignedInt","min":0}},"default":"null","literal":null,"readOnly":false,"declarations":["extraction.nix"]}""");

        Entries(lines, "renamed").Should().Equal("""{"loc":["fixture","oldName"],"to":["fixture","name"]}""");
        Entries(lines, "removed").Should().Equal("""{"loc":["fixture","legacy"]}""");
        lines[^1].Should().Be("}");

        var text = string.Join('\n', lines);
        text.Should().NotContain("description").And.NotContain("hidden").And.NotContain("never did anything");
        using var document = JsonDocument.Parse(text);
        document.RootElement.GetProperty("options").GetArrayLength().Should().Be(17);
    }

    [Fact]
    public void The_script_refuses_a_revision_that_is_not_40_hex_digits()
    {
        // The arguments are checked before anything is evaluated: no lib or Nix is needed.
        var (exitCode, _, standardError) = RunExtract(["--revision", "abc123", "--date", "2026-01-01", "--repository", "local/fixture",
            "modules", Fixture, Repository.Root, "-"]);

        exitCode.Should().Be(2);
        standardError.Should().Contain("--revision must be 40 lower-case hex digits");
    }

    [Fact]
    public void Every_committed_schema_is_well_formed()
    {
        var files = Directory.GetFiles(Schemas, "*.json").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal);
        files.Should().Equal(
            "home-manager.json", "niri.home-manager.json", "niri.nixos.json", "nixos.json",
            "sops-nix.home-manager.json", "sops-nix.nixos.json");

        foreach (var path in Directory.GetFiles(Schemas, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var text = File.ReadAllText(path);
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;

            root.GetProperty("format").GetInt32().Should().Be(1, name);
            root.GetProperty("set").GetString().Should().Be(name);
            root.GetProperty("tree").GetString().Should().BeOneOf(["nixos", "home-manager"], name);
            var source = root.GetProperty("source");
            source.GetProperty("repository").GetString().Should().MatchRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", name);
            source.GetProperty("revision").GetString().Should().MatchRegex("^[0-9a-f]{40}$", name);
            source.GetProperty("date").GetString().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}$", name);
            root.GetProperty("documentation").GetString().Should().StartWith("https://", name);

            var options = root.GetProperty("options").EnumerateArray().ToList();
            options.Should().NotBeEmpty(name);
            var locs = options.Select(o => Loc(o.GetProperty("loc"))).ToList();
            for (var i = 1; i < locs.Count; i++)
                CompareLocs(locs[i - 1], locs[i]).Should().BeNegative($"{name}: options are sorted by loc and unique ({Show(locs[i - 1])}, {Show(locs[i])})");
            foreach (var option in options)
            {
                option.GetProperty("type").GetProperty("name").GetString().Should().NotBeNullOrEmpty();
                option.GetProperty("readOnly").ValueKind.Should().BeOneOf(JsonValueKind.True, JsonValueKind.False);
                option.GetProperty("declarations").ValueKind.Should().Be(JsonValueKind.Array);
            }

            foreach (var renamed in root.GetProperty("renamed").EnumerateArray())
                Loc(renamed.GetProperty("to")).Should().NotBeEmpty(name);
            foreach (var removed in root.GetProperty("removed").EnumerateArray())
                Loc(removed.GetProperty("loc")).Should().NotBeEmpty(name);

            // Upstream's descriptions are not ours to commit. A default value may hold a key of that name
            // (a service's default settings): that is data, and `literal` is skipped.
            DescriptionKeys(root, "$").Should().BeEmpty($"{name} carries no upstream descriptions");

            // One entry a line, so that a schema's diff shows the options that changed.
            var entryLines = text.Split('\n').Count(l => l.StartsWith("    {\"loc\":", StringComparison.Ordinal));
            entryLines.Should().Be(options.Count + root.GetProperty("renamed").GetArrayLength() + root.GetProperty("removed").GetArrayLength(), name);
        }
    }

    private static string Fixture => Repository.Path("Lux.Tests", "Options", "Fixtures", "extraction.nix");

    private static List<string> Extract()
    {
        using var directory = new TemporaryDirectory();
        var output = Path.Combine(directory.Path, "fixture.json");
        var (exitCode, _, standardError) = RunExtract([
            "--repository", "local/fixture", "--revision", Revision, "--date", "2026-01-01",
            "--name", "fixture", "--documentation", "https://example.org/options#{path}",
            "modules", Fixture, ExtractionFactAttribute.LibDirectory!, output]);
        exitCode.Should().Be(0, standardError);
        standardError.Should().Contain("fixture: 17 options, 1 renamed, 1 removed");
        return File.ReadAllText(output).TrimEnd('\n').Split('\n').ToList();
    }

    private static (int ExitCode, string StandardOutput, string StandardError) RunExtract(IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        startInfo.ArgumentList.Add(Repository.Path("options", "extract.sh"));
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start bash.");
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("options/extract.sh did not finish in 2 minutes.");
        }

        process.WaitForExit();
        return (process.ExitCode, standardOutput.GetAwaiter().GetResult(), standardError.GetAwaiter().GetResult());
    }

    /// <summary>The entry lines of one of the document's lists, without their indentation and separating comma.</summary>
    private static List<string> Entries(List<string> lines, string list)
    {
        var start = lines.FindIndex(l => l.StartsWith($"  \"{list}\": [", StringComparison.Ordinal));
        start.Should().BeGreaterThanOrEqualTo(0, $"the document has a {list} list");
        if (lines[start].EndsWith("[],", StringComparison.Ordinal) || lines[start].EndsWith("[]", StringComparison.Ordinal))
            return [];
        return lines.Skip(start + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal))
            .Select(l => l.Trim().TrimEnd(',')).ToList();
    }

    private static List<string> Loc(JsonElement loc) => loc.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static string Show(List<string> loc) => string.Join('.', loc);

    /// <summary>Element by element, ordinal; a prefix comes first.</summary>
    private static int CompareLocs(List<string> a, List<string> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var c = string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
                return c;
        }

        return a.Count.CompareTo(b.Count);
    }

    private static IEnumerable<string> DescriptionKeys(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "description")
                        yield return path;
                    if (property.Name == "literal")
                        continue;
                    foreach (var found in DescriptionKeys(property.Value, path + "." + property.Name))
                        yield return found;
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var found in DescriptionKeys(item, $"{path}[{index}]"))
                        yield return found;
                    index++;
                }

                break;
        }
    }
}

/// <summary>
/// A fact that runs options/extract.sh. It needs nixpkgs' lib: the directory LUX_NIXPKGS_LIB names, else
/// /work/sources/nixpkgs.lib (nix-community/nixpkgs.lib unpacked as options/README.md shows). Without it the
/// fact is skipped, in CI too (CI has no network to fetch it); without nix-instantiate it is skipped as
/// <see cref="NixFactAttribute"/> is, and fails under CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ExtractionFactAttribute : FactAttribute
{
    public const string LibVariable = "LUX_NIXPKGS_LIB";
    public const string DefaultLibDirectory = "/work/sources/nixpkgs.lib";

    public ExtractionFactAttribute()
    {
        if (LibDirectory is null)
            Skip = $"nixpkgs lib not found: set {LibVariable} to a directory holding nixpkgs' lib/ (default {DefaultLibDirectory}; see options/README.md)";
        else if (NixRequirement.SkipReason is { } reason)
            Skip = reason;
    }

    /// <summary>The nixpkgs lib the extraction tests use, or null when there is none.</summary>
    public static string? LibDirectory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(LibVariable);
            var directory = string.IsNullOrEmpty(configured) ? DefaultLibDirectory : configured;
            return File.Exists(Path.Combine(directory, "lib", "default.nix")) || File.Exists(Path.Combine(directory, "default.nix"))
                ? directory
                : null;
        }
    }
}
