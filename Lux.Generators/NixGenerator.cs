using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lux.Generators.Emit;
using Lux.Generators.Model;
using Lux.Generators.Parse;
using Lux.Generators.Resolve;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lux.Generators
{
    /// <summary>
    /// Evaluates the fleet at compile time and hands nix-out to MSBuild as generated sources
    /// (see <see cref="GeneratedSourceFormat"/>). Parse runs per attributed record, in a syntax provider,
    /// into equatable specs. Each host is then resolved, checked and emitted in
    /// its own step, against a <see cref="FleetContext"/> of everything else, so an edit to one host runs one
    /// host and an unchanged host's outputs stay cached; an edit to a feature runs every host, whose
    /// unchanged files are still not re-emitted. The flake and the manifest are built from per-host
    /// summaries, which a literal edit leaves equal. Diagnostics are reported by
    /// <see cref="Diagnostics.LuxAnalyzer"/>; here they only block writing.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class NixGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // One syntax provider for every kind, rather than ForAttributeWithMetadataName per kind: Roslyn re-runs
            // either's transform for every match on every edit, and FAWMN's own symbol work per match (binding the
            // record's members and attributes) would then cost the whole fleet per keystroke. The transform here
            // returns the cached specs of unchanged declarations without binding them (see ParseCache).
            var declarations = context.SyntaxProvider
                .CreateSyntaxProvider(
                    static (node, _) => node is TypeDeclarationSyntax { AttributeLists.Count: > 0 },
                    static (syntax, ct) => DeclarationParser.ParseAll((TypeDeclarationSyntax)syntax.Node, syntax.SemanticModel, ct))
                .WithTrackingName(TrackingNames.Declarations)
                .SelectMany((specs, _) => specs.AsImmutableArray());
            var hosts = declarations.Where(d => d.Kind == DeclarationKind.Host).WithTrackingName(TrackingNames.Hosts);

            // Everything a host reads besides itself. A host edit leaves it cached.
            var others = declarations.Where(d => d.Kind != DeclarationKind.Host).Collect()
                .Select((all, _) => FleetCompiler.Sorted(all))
                .WithTrackingName(TrackingNames.Others);

            // The hosts some declaration creates (new Orion().Name) join every host's context; usually none.
            var createdByHosts = hosts.Select((host, _) => CreatedNames.Of(host)).WithTrackingName(TrackingNames.CreatedByHost);
            var created = createdByHosts.Collect().Combine(others)
                .Select((all, _) => CreatedNames.Union(all.Left.Concat(all.Right.Select(CreatedNames.Of))))
                .WithTrackingName(TrackingNames.Created);
            var createdHosts = hosts.Combine(created).Where(pair => pair.Right.Contains(pair.Left)).Select((pair, _) => pair.Left).Collect()
                .Select((all, _) => FleetCompiler.Sorted(all))
                .WithTrackingName(TrackingNames.CreatedHosts);

            var nixFiles = context.AdditionalTextsProvider.Where(file => file.Path.EndsWith(".nix", StringComparison.OrdinalIgnoreCase));
            var nixPaths = nixFiles.Select((file, _) => file.Path.Replace('\\', '/')).Collect()
                .Select((paths, _) => paths.OrderBy(p => p, StringComparer.Ordinal).ToEquatableArray())
                .WithTrackingName(TrackingNames.NixPaths);
            var nixTexts = nixFiles.Select((file, ct) => new AdditionalNixFile(file.Path.Replace('\\', '/'), file.GetText(ct)?.ToString() ?? "")).Collect()
                .Select((files, _) => new NixTexts(files.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray()))
                .WithTrackingName(TrackingNames.NixTexts);

            var projectDirectory = context.AnalyzerConfigOptionsProvider
                .Select((options, _) => options.GlobalOptions.TryGetValue("build_property.projectdir", out var dir) ? dir : "");

            var fleet = others.Combine(createdHosts).Combine(nixPaths).Combine(projectDirectory)
                .Select((all, _) => FleetCompiler.Context(all.Left.Left.Left, all.Left.Left.Right, all.Left.Right, all.Right))
                .WithTrackingName(TrackingNames.Context);

            var hostOutputs = hosts.Combine(fleet)
                .Select((pair, _) => FleetCompiler.CompileHost(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.Host);

            var summaries = hostOutputs.Select((host, _) => host.Summary).WithTrackingName(TrackingNames.HostSummary).Collect();

            // Hosts that share a name (LUX2003) would write one hosts/<name>/ and AddSource one hint name twice
            // (CS8785, no manifest): none of them is emitted. Decided from the summaries; the set is usually
            // empty and stays equal across edits, so unchanged hosts' files stay cached.
            var sharedNames = summaries.Select((all, _) => FleetCompiler.SharedNames(all)).WithTrackingName(TrackingNames.SharedNames);
            var emitted = hostOutputs.Combine(sharedNames).Where(pair => !pair.Right.Contains(pair.Left.Summary.Identity.Name)).Select((pair, _) => pair.Left);

            context.RegisterImplementationSourceOutput(emitted.SelectMany((host, _) => host.Files.AsImmutableArray()).WithTrackingName(TrackingNames.HostFiles), AddFile);

            var hardware = emitted.Select((host, _) => host.Summary.Hardware).WithTrackingName(TrackingNames.HardwareModule)
                .Where(module => module is not null).Combine(nixTexts)
                .Select((pair, _) => FleetCompiler.HardwareFile(pair.Left!, pair.Right.ByPath))
                .WithTrackingName(TrackingNames.HardwareFile)
                .Where(file => file is not null).Select((file, _) => file!);
            context.RegisterImplementationSourceOutput(hardware, AddFile);

            // lux explain's records: one per host, so an edit to one host re-emits one record, and an index of names
            // built from the summaries and the declarations, which a literal edit leaves equal.
            var explanations = emitted.Select((host, _) => host.Explanation).WithTrackingName(TrackingNames.HostExplanation)
                .Where(explanation => explanation is not null).Select((explanation, _) => explanation!);
            context.RegisterImplementationSourceOutput(explanations, (spc, explanation) =>
                spc.AddSource(GeneratedSourceFormat.ExplanationHintNameFor(explanation.HostName), explanation.Source));
            var catalog = fleet.Select((fleetContext, _) => ExplainIndexEmitter.Catalog(fleetContext)).WithTrackingName(TrackingNames.ExplanationCatalog);
            var explanationIndex = summaries.Combine(catalog).Select((all, _) => FleetCompiler.ExplanationIndex(all.Left, all.Right))
                .WithTrackingName(TrackingNames.ExplanationIndex);
            context.RegisterImplementationSourceOutput(explanationIndex, (spc, index) =>
                spc.AddSource(GeneratedSourceFormat.ExplanationIndexHintName, index));

            var flake = summaries.Select((all, _) => FleetCompiler.Flake(all)).WithTrackingName(TrackingNames.Flake);
            context.RegisterImplementationSourceOutput(flake, AddFile);

            var fleetMap = summaries.Select((all, _) => FleetCompiler.FleetMap(all)).WithTrackingName(TrackingNames.FleetMap);
            context.RegisterImplementationSourceOutput(fleetMap.SelectMany((files, _) => files.AsImmutableArray()), AddFile);

            var library = fleet.Select((fleetContext, _) => FleetCompiler.CompileLibrary(fleetContext)).WithTrackingName(TrackingNames.Library);
            context.RegisterImplementationSourceOutput(library, (spc, output) =>
            {
                if (output.Sops is { } sops)
                    AddFile(spc, sops);
            });

            // The Nix files' text, for the hardware modules withheld over private key material (LUX2006).
            var manifest = summaries.Combine(library).Combine(nixTexts)
                .Select((all, _) => FleetCompiler.ManifestOf(all.Left.Left, all.Left.Right, all.Right.ByPath)).WithTrackingName(TrackingNames.Manifest);
            context.RegisterImplementationSourceOutput(manifest, (spc, m) =>
                spc.AddSource(GeneratedSourceFormat.ManifestHintName, GeneratedSourceFormat.EncodeManifest(m.Paths, m.Errors, m.PolicyErrors)));
        }

        private static void AddFile(SourceProductionContext context, OutputFile file) =>
            context.AddSource(GeneratedSourceFormat.HintNameFor(file.Path), GeneratedSourceFormat.EncodeFile(file.Path, file.Content));

        /// <summary>The project's Nix files by path, equal by content; the lookup is built once per change.</summary>
        private sealed class NixTexts : IEquatable<NixTexts>
        {
            private readonly EquatableArray<AdditionalNixFile> files;
            private Dictionary<string, string>? byPath;

            public NixTexts(EquatableArray<AdditionalNixFile> files) => this.files = files;

            public IReadOnlyDictionary<string, string> ByPath => byPath ??= Index(files);

            public bool Equals(NixTexts? other) => other is not null && files.Equals(other.files);

            public override bool Equals(object? obj) => Equals(obj as NixTexts);

            public override int GetHashCode() => files.GetHashCode();

            private static Dictionary<string, string> Index(EquatableArray<AdditionalNixFile> files)
            {
                var index = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var file in files)
                    index[file.Path] = file.Text;
                return index;
            }
        }

        /// <summary>
        /// Policy findings a user may knowingly suppress (#pragma, [SuppressMessage], .editorconfig): the output
        /// is still complete and correct Nix. Everything else (the subset, conflicts, duplicates, private keys)
        /// means the output is incomplete or unsafe, and always blocks.
        /// </summary>
        internal static readonly System.Collections.Generic.HashSet<string> Suppressible = new(StringComparer.Ordinal)
        {
            "LUX1001", "LUX1002", "LUX1003", "LUX1004", "LUX1005", "LUX1006", "LUX1007", "LUX1008", "LUX2002", "LUX2004", "LUX2005",
        };
    }

    /// <summary>The names of the generator's tracked steps, for the incremental-caching tests.</summary>
    internal static class TrackingNames
    {
        public const string Declarations = "Lux.Declarations";
        public const string Hosts = "Lux.Hosts";
        public const string Others = "Lux.Others";
        public const string CreatedByHost = "Lux.CreatedByHost";
        public const string Created = "Lux.Created";
        public const string CreatedHosts = "Lux.CreatedHosts";
        public const string NixPaths = "Lux.NixPaths";
        public const string NixTexts = "Lux.NixTexts";
        public const string Context = "Lux.Context";
        public const string Host = "Lux.Host";
        public const string HostFiles = "Lux.HostFiles";
        public const string HardwareModule = "Lux.HardwareModule";
        public const string HardwareFile = "Lux.HardwareFile";
        public const string HostSummary = "Lux.HostSummary";
        public const string Flake = "Lux.Flake";
        public const string FleetMap = "Lux.FleetMap";
        public const string Library = "Lux.Library";
        public const string SharedNames = "Lux.SharedNames";
        public const string Manifest = "Lux.Manifest";
        public const string HostExplanation = "Lux.HostExplanation";
        public const string ExplanationCatalog = "Lux.ExplanationCatalog";
        public const string ExplanationIndex = "Lux.ExplanationIndex";
    }
}
