using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Lux.Generators.Emit;
using Lux.Tests.Generator;
using BenchmarkFleet = Lux.Benchmarks.Fleets.Fleet;

namespace Lux.Tests.FleetMap;

/// <summary>
/// A benchmark fleet (S: the example fleet, M: 100 hosts) run through Lux in-process, with what the fleet-map
/// tests read from it: the map, each host's Nix, and which C# file declares each aspect. Runs are shared
/// between tests: M takes seconds.
/// </summary>
internal sealed partial class MappedFleet
{
    private static readonly ConcurrentDictionary<(string Size, bool Traced), Lazy<MappedFleet>> Runs = new();

    private MappedFleet(BenchmarkFleet fleet, bool traced)
    {
        Fleet = fleet;
        // One declaration per file in these fleets: the file that declares an aspect is the one its definitions name.
        AspectFiles = fleet.Sources.SelectMany(s => AspectDeclaration().Matches(s.Text).Select(m => (Name: m.Groups["name"].Value, File: Relative(s.Path))))
            .ToDictionary(a => a.Name, a => a.File, StringComparer.Ordinal);
        var sources = fleet.Sources.Select(s => (s.Path, traced ? Trace(s.Text) : s.Text));
        Run = LuxRun.Of(sources, fleet.NixFiles.Select(f => (f.Path, f.Text)), fleet.ProjectDirectory);
        Run.ManifestErrors.Should().BeEmpty(fleet.Name + (traced ? ", traced," : "") + " generates cleanly");
        Map = Run.Files[FleetMapPaths.Markdown];
    }

    public BenchmarkFleet Fleet { get; }

    public LuxRun Run { get; }

    /// <summary>FLEET.md.</summary>
    public string Map { get; }

    /// <summary>Each [Feature] or [Profile] record's name → the file that declares it, relative to the project ("Features/OpenSsh.cs").</summary>
    public IReadOnlyDictionary<string, string> AspectFiles { get; }

    /// <summary>The hosts nix-out has a directory for.</summary>
    public IEnumerable<string> Hosts =>
        Run.Files.Keys.Where(p => p.StartsWith("hosts/", StringComparison.Ordinal)).Select(p => p.Split('/')[1]).Distinct();

    public static MappedFleet Of(string size, bool traced = false) =>
        Runs.GetOrAdd((size, traced), key => new Lazy<MappedFleet>(() => new MappedFleet(BenchmarkFleet.Named(key.Size), key.Traced))).Value;

    /// <summary>All of a host's generated Nix: its module, its users' home-manager modules.</summary>
    public string NixOf(string host) =>
        string.Concat(Run.Files.Where(f => f.Key.StartsWith("hosts/" + host + "/", StringComparison.Ordinal) && f.Key.EndsWith(".nix", StringComparison.Ordinal))
            .Select(f => f.Value));

    /// <summary>The C# files (relative to the project) the provenance comments of a host's Nix name.</summary>
    public static IReadOnlySet<string> ProvenanceFiles(string nix) =>
        Provenance().Matches(nix).Select(m => m.Groups["file"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The name of the tracer definition <see cref="Trace"/> gives an aspect.</summary>
    public static string TraceOption(string aspect) => "luxMapTrace" + aspect;

    /// <summary>
    /// The sources with one more [PerHost] gate in every feature and profile, defining an option of its own
    /// unconditionally: a host's Nix then has that definition, traced to the aspect's file, exactly when the
    /// generator ran the aspect's gates for the host, whatever its other gates define.
    /// </summary>
    private static string Trace(string text)
    {
        foreach (var match in AspectDeclaration().Matches(text).Reverse())
        {
            var body = text.IndexOf('{', match.Index + match.Length);
            var name = match.Groups["name"].Value;
            text = text.Insert(body + 1, "\n    [PerHost] void LuxMapTrace(NixOS os) => os.SetUnchecked(\"" + TraceOption(name) + "\", true);\n");
        }
        return text;
    }

    private string Relative(string path) => Path.GetRelativePath(Fleet.ProjectDirectory, path).Replace('\\', '/');

    [GeneratedRegex(@"\[(Feature|Profile)\]\s*public sealed record (?<name>\w+)")]
    private static partial Regex AspectDeclaration();

    /// <summary>A file:line of a provenance comment, which names one or more ("# Features/A.cs:10, Features/B.cs:10").</summary>
    [GeneratedRegex(@"(?<=(?:#|,) )(?<file>[\w./-]+\.cs):\d+")]
    private static partial Regex Provenance();
}
