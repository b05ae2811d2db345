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
    /// .sops.yaml, manifest → one generated source per host and one for the fleet. Each step is an incremental node over equatable models
    /// (Model/), so an edit re-runs only the steps whose inputs changed: an edit to one host resolves, checks and
    /// emits that host and re-adds its one source; an edit to a feature every host, whose unchanged sources are still not re-added.
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
            // One source per emitted host: its files, its hardware module (judged against the project's Nix texts) and its record.
            // A literal edit re-runs this for the edited host only; an edit to a Nix file for every host, cheaply, and only
            // the host whose module changed gets a source that differs.
            var hostSources = emitted.Where(static host => PerHost.CanName(host.Summary.Identity.Name)).Combine(nixTexts)
                .Select(static (pair, _) => PerHost.Source(pair.Left, pair.Right)).WithTrackingName(TrackingNames.HostSource);
            var flake = summaries.Select(static (all, _) => PerFleet.Flake(all)).WithTrackingName(TrackingNames.Flake);
            // The map reads each host's name and map only: a summary that changes otherwise (a diagnostic moved by an
            // edit) leaves it cached, and it runs again only when some host's composition, users or policy status does.
            var maps = hostOutputs.Select(static (host, _) => (host.Summary.Identity.Name, host.Summary.Identity.TypeName, host.Summary.Map))
                .WithTrackingName(TrackingNames.HostMap).Collect();
            var fleetMap = maps.Select(static (all, _) => PerFleet.FleetMap(all)).WithTrackingName(TrackingNames.FleetMap);
            // lux explain's index of names, from the hosts' maps and the declarations, which a literal edit leaves equal.
            var catalog = fleet.Select(static (fleetContext, _) => PerFleet.ExplanationCatalog(fleetContext)).WithTrackingName(TrackingNames.ExplanationCatalog);
            var explanationIndex = maps.Combine(catalog).Select(static (all, _) => PerFleet.ExplanationIndex(all.Left, all.Right))
                .WithTrackingName(TrackingNames.ExplanationIndex);
            var library = fleet.Select(static (fleetContext, _) => PerFleet.Library(fleetContext)).WithTrackingName(TrackingNames.Library);
            var sops = library.Select(static (output, _) => output.Sops).WithTrackingName(TrackingNames.Sops);
            var manifest = summaries.Combine(library).Combine(nixTexts)
                .Select(static (all, _) =>
                {
                    var ((hostSummaries, libraryOutput), texts) = all;
                    return PerFleet.Manifest(hostSummaries, libraryOutput, texts);
                })
                .WithTrackingName(TrackingNames.Manifest);
            // One source for the fleet, re-made only when one of its parts changes.
            var fleetSource = flake.Combine(fleetMap).Combine(sops).Combine(explanationIndex).Combine(manifest)
                .Select(static (all, _) =>
                {
                    var ((((flakeFile, mapFiles), sopsFile), index), manifestOutput) = all;
                    return PerFleet.Source(flakeFile, mapFiles, sopsFile, index, manifestOutput);
                })
                .WithTrackingName(TrackingNames.FleetSource);

            // Out: nix-out and the records, through the transport.
            context.RegisterImplementationSourceOutput(hostSources, NixOutSources.AddHost);
            context.RegisterImplementationSourceOutput(fleetSource, NixOutSources.AddFleet);
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
        public const string HostSource = "Lux.HostSource";
        public const string HostSummary = "Lux.HostSummary";
        public const string Flake = "Lux.Flake";
        public const string HostMap = "Lux.HostMap";
        public const string FleetMap = "Lux.FleetMap";
        public const string Library = "Lux.Library";
        public const string SharedNames = "Lux.SharedNames";
        public const string Manifest = "Lux.Manifest";
        public const string Sops = "Lux.Sops";
        public const string FleetSource = "Lux.FleetSource";
        public const string ExplanationCatalog = "Lux.ExplanationCatalog";
        public const string ExplanationIndex = "Lux.ExplanationIndex";
    }
}
