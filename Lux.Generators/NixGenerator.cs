using System;
using System.Collections.Immutable;
using System.Linq;
using Lux.Generators.Model;
using Lux.Generators.Parse;
using Lux.Generators.Steps;
using Lux.Generators.Transport;
using Microsoft.CodeAnalysis;

namespace Lux.Generators
{
    /// <summary>
    /// The compiler's pipeline, wired: Parse → (per host) Resolve → Check → Emit → (per fleet) flake, fleet map,
    /// .sops.yaml, manifest → nix-out as generated sources. Each step is an incremental node over equatable models
    /// (Model/), so an edit re-runs only the steps whose inputs changed: an edit to one host resolves, checks and
    /// emits that host; an edit to a feature every host, whose unchanged files are still not re-added.
    /// Diagnostics are reported by <see cref="Diagnostics.LuxAnalyzer"/>, which runs the same steps; here they
    /// only travel in the manifest, where they block writing.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class NixGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // Parse: one spec per attributed record. A syntax provider rather than ForAttributeWithMetadataName per kind:
            // Roslyn re-runs either's transform for every match on every edit, and FAWMN's own binding per match would
            // cost the whole fleet per keystroke; this transform returns unchanged declarations' specs from ParseCache.
            var declarations = context.SyntaxProvider.CreateSyntaxProvider(FleetDeclarations.IsCandidate, FleetDeclarations.Parse)
                .WithTrackingName(TrackingNames.Declarations)
                .SelectMany(static (specs, _) => specs.AsImmutableArray());
            var hosts = declarations.Where(static d => d.Kind == DeclarationKind.Host).WithTrackingName(TrackingNames.Hosts);

            // The fleet context: everything a host reads besides itself, equal by content, so a host edit leaves it cached.
            // Besides the users, features, profiles and secrets policy, it holds the hosts some declaration creates
            // (new Orion().Name; usually none), and the Nix files' paths (their text is read only where it is copied).
            var others = declarations.Where(static d => d.Kind != DeclarationKind.Host).Collect()
                .Select(static (all, _) => FleetInputs.InFleetOrder(all)).WithTrackingName(TrackingNames.Others);
            var createdByHosts = hosts.Select(static (host, _) => host.Creates).WithTrackingName(TrackingNames.CreatedByHost);
            var created = createdByHosts.Collect().Combine(others)
                .Select(static (all, _) => CreatedNames.Union(all.Left.Concat(all.Right.Select(d => d.Creates)))).WithTrackingName(TrackingNames.Created);
            var createdHosts = hosts.Combine(created).Where(static pair => pair.Right.Contains(pair.Left)).Select(static (pair, _) => pair.Left).Collect()
                .Select(static (all, _) => FleetInputs.InFleetOrder(all)).WithTrackingName(TrackingNames.CreatedHosts);
            var nixFiles = context.AdditionalTextsProvider.Where(static file => file.Path.EndsWith(".nix", StringComparison.OrdinalIgnoreCase));
            var nixPaths = nixFiles.Select(static (file, _) => file.Path.Replace('\\', '/')).Collect()
                .Select(static (paths, _) => paths.OrderBy(p => p, StringComparer.Ordinal).ToEquatableArray()).WithTrackingName(TrackingNames.NixPaths);
            var nixTexts = nixFiles.Select(static (file, ct) => new AdditionalNixFile(file.Path.Replace('\\', '/'), file.GetText(ct)?.ToString() ?? "")).Collect()
                .Select(static (files, _) => new NixTexts(files)).WithTrackingName(TrackingNames.NixTexts);
            var projectDirectory = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.projectdir", out var dir) ? dir : "");
            var fleet = others.Combine(createdHosts).Combine(nixPaths).Combine(projectDirectory)
                .Select(static (all, _) =>
                {
                    var (((library, hostsCreated), paths), directory) = all;
                    return FleetInputs.Context(library, hostsCreated, paths, directory);
                })
                .WithTrackingName(TrackingNames.Context);

            // Per host: Resolve → Check → Emit, each host its own step.
            var hostOutputs = hosts.Combine(fleet).Select(static (pair, _) => PerHost.Compile(pair.Left, pair.Right)).WithTrackingName(TrackingNames.Host);
            var summaries = hostOutputs.Select(static (host, _) => host.Summary).WithTrackingName(TrackingNames.HostSummary).Collect();

            // Per fleet. Hosts that share a name (LUX2003) are not emitted: they would write one hosts/<name>/ and add one hint
            // name twice. Decided from the summaries; the set is usually empty and stays equal, so unchanged hosts stay cached.
            var sharedNames = summaries.Select(static (all, _) => PerFleet.SharedNames(all)).WithTrackingName(TrackingNames.SharedNames);
            var emitted = hostOutputs.Combine(sharedNames).Where(static pair => !pair.Right.Contains(pair.Left.Summary.Identity.Name)).Select(static (pair, _) => pair.Left);
            var hardware = emitted.Select(static (host, _) => host.Summary.Hardware).WithTrackingName(TrackingNames.HardwareModule)
                .Where(static module => module is not null).Combine(nixTexts)
                .Select(static (pair, _) => PerFleet.HardwareFile(pair.Left!, pair.Right)).WithTrackingName(TrackingNames.HardwareFile);
            var flake = summaries.Select(static (all, _) => PerFleet.Flake(all)).WithTrackingName(TrackingNames.Flake);
            // The map reads each host's name and map only: a summary that changes otherwise (a diagnostic moved by an
            // edit) leaves it cached, and it runs again only when some host's composition, users or policy status does.
            var maps = hostOutputs.Select(static (host, _) => (host.Summary.Identity.Name, host.Summary.Identity.TypeName, host.Summary.Map))
                .WithTrackingName(TrackingNames.HostMap).Collect();
            var fleetMap = maps.Select(static (all, _) => PerFleet.FleetMap(all)).WithTrackingName(TrackingNames.FleetMap);
            // lux explain's records: one per host, so an edit to one host re-emits one record, and an index of names
            // from the hosts' maps and the declarations, which a literal edit leaves equal.
            var explanations = emitted.Select(static (host, _) => host.Explanation).WithTrackingName(TrackingNames.HostExplanation);
            var catalog = fleet.Select(static (fleetContext, _) => PerFleet.ExplanationCatalog(fleetContext)).WithTrackingName(TrackingNames.ExplanationCatalog);
            var explanationIndex = maps.Combine(catalog).Select(static (all, _) => PerFleet.ExplanationIndex(all.Left, all.Right))
                .WithTrackingName(TrackingNames.ExplanationIndex);
            var library = fleet.Select(static (fleetContext, _) => PerFleet.Library(fleetContext)).WithTrackingName(TrackingNames.Library);
            var manifest = summaries.Combine(library).Combine(nixTexts)
                .Select(static (all, _) =>
                {
                    var ((hostSummaries, libraryOutput), texts) = all;
                    return PerFleet.Manifest(hostSummaries, libraryOutput, texts);
                })
                .WithTrackingName(TrackingNames.Manifest);

            // Out: nix-out, through the transport.
            context.RegisterImplementationSourceOutput(emitted.SelectMany(static (host, _) => host.Files.AsImmutableArray()).WithTrackingName(TrackingNames.HostFiles), NixOutSources.AddFile);
            context.RegisterImplementationSourceOutput(hardware.Where(static file => file is not null).Select(static (file, _) => file!), NixOutSources.AddFile);
            context.RegisterImplementationSourceOutput(flake, NixOutSources.AddFile);
            context.RegisterImplementationSourceOutput(fleetMap.SelectMany(static (files, _) => files.AsImmutableArray()), NixOutSources.AddFile);
            context.RegisterImplementationSourceOutput(library.SelectMany(static (output, _) => output.Sops is { } sops ? ImmutableArray.Create(sops) : ImmutableArray<OutputFile>.Empty), NixOutSources.AddFile);
            context.RegisterImplementationSourceOutput(manifest, NixOutSources.AddManifest);
            context.RegisterImplementationSourceOutput(explanations.Where(static e => e is not null).Select(static (e, _) => e!), NixOutSources.AddExplanation);
            context.RegisterImplementationSourceOutput(explanationIndex, NixOutSources.AddExplanationIndex);
        }
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
        public const string HostMap = "Lux.HostMap";
        public const string FleetMap = "Lux.FleetMap";
        public const string Library = "Lux.Library";
        public const string SharedNames = "Lux.SharedNames";
        public const string Manifest = "Lux.Manifest";
        public const string HostExplanation = "Lux.HostExplanation";
        public const string ExplanationCatalog = "Lux.ExplanationCatalog";
        public const string ExplanationIndex = "Lux.ExplanationIndex";
    }
}
