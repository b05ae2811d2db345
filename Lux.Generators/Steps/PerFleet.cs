using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Check;
using Lux.Generators.Diagnostics;
using Lux.Generators.Emit;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;
using Microsoft.CodeAnalysis;

namespace Lux.Generators.Steps
{
    /// <summary>
    /// The per-fleet steps: what spans hosts (the flake, the fleet map, LUX2003 between hosts, the manifest), built from
    /// the hosts' <see cref="HostSummary"/>s, which a literal edit leaves equal; and what belongs to no host (the users,
    /// features, profiles and secrets policy: <see cref="Library"/>), built from the <see cref="FleetContext"/> once.
    /// </summary>
    internal static class PerFleet
    {
        /// <summary>The declarations that are not hosts: their own diagnostics, the one-policy rule, and .sops.yaml.</summary>
        public static LibraryOutput Library(FleetContext context, bool emitSops = true)
        {
            try
            {
                var diagnostics = new List<DiagnosticInfo>();
                var secrets = new List<DeclarationSpec>();
                foreach (var declaration in context.Declarations)
                {
                    // A host in the context (one something creates) reports through its own summary.
                    if (declaration.Kind == DeclarationKind.Host)
                        continue;
                    diagnostics.AddRange(declaration.Diagnostics);
                    if (declaration.Kind == DeclarationKind.Secrets)
                        secrets.Add(declaration);
                }
                if (secrets.Count > 1)
                {
                    foreach (var extra in secrets.Skip(1))
                        diagnostics.Add(LuxDiagnostics.SecretsPolicies.At(extra.Span, string.Join(", ", secrets.Select(s => s.DisplayName))));
                }
                var evaluator = context.CreateEvaluator();
                var policy = secrets.Count > 0 ? evaluator.Instantiate(secrets[0]) : null;
                // The secrets policy is evaluated here, for the analyzer as for the generator, so the IDE reports
                // what would stop .sops.yaml as the build does; a policy that does not evaluate writes no file.
                SopsRules? rules = null;
                if (policy is not null)
                {
                    try
                    {
                        rules = FleetResolver.SopsRules(evaluator, policy);
                    }
                    catch (EvaluationException e)
                    {
                        diagnostics.Add(e.Diagnostic);
                    }
                }
                // The rules on what no host owns: users across the fleet, the policy's recipients.
                var fleet = new ResolvedFleet { Evaluator = evaluator, Secrets = policy, Declarations = context.Declarations };
                diagnostics.AddRange(FleetChecks.CheckLibrary(fleet));
                var sopsDiagnostics = new List<DiagnosticInfo>();
                var files = new List<OutputFile>();
                if (emitSops && rules is not null)
                    files.Add(FleetEmitter.EmitSopsYaml(rules.Recipients, rules.PathRegex));
                Outgoing.WithholdKeyMaterial(files, sopsDiagnostics, diagnostics);
                return new LibraryOutput(diagnostics.ToEquatableArray(), files.FirstOrDefault(), sopsDiagnostics.ToEquatableArray());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new LibraryOutput(new[] { Outgoing.InternalError("compiling the users, features, profiles and secrets policy", e) }.ToEquatableArray(), null,
                    EquatableArray<DiagnosticInfo>.Empty);
            }
        }

        /// <summary>
        /// The names two or more hosts share (LUX2003): such hosts would share hosts/&lt;name&gt;/, so none of them
        /// is emitted (two sources with one hint name would make the generator throw). Sorted, equal by content.
        /// </summary>
        public static EquatableArray<string> SharedNames(IEnumerable<HostSummary> hosts) =>
            hosts.Select(h => h.Identity.Name).Where(PerHost.CanName).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Skip(1).Any())
                .Select(g => g.Key).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();

        /// <summary>LUX2003 on each of two or more hosts with one name (their flake attribute and nix-out directory would collide).</summary>
        public static IEnumerable<DiagnosticInfo> HostNameClashes(IEnumerable<HostIdentity> hosts)
        {
            foreach (var clash in hosts.Where(h => PerHost.CanName(h.Name)).GroupBy(h => h.Name, StringComparer.Ordinal).Where(g => g.Skip(1).Any()))
            {
                var named = clash.OrderBy(h => h.TypeName, StringComparer.Ordinal).ThenBy(h => h.Span.Path, StringComparer.Ordinal).ThenBy(h => h.Span.Start).ToList();
                foreach (var host in named)
                    yield return LuxDiagnostics.HostNameClash.At(host.Span, clash.Key, string.Join(", ", named.Select(h => h.DisplayName)));
            }
        }

        /// <summary>The flake lists each emitted host once, by name: none that shares its name, none whose name cannot be a path.</summary>
        public static OutputFile Flake(IReadOnlyCollection<HostSummary> hosts)
        {
            var listed = Listed(hosts);
            return FleetEmitter.EmitFlake(listed.Select(h => (h.Identity.Name, h.System)).ToList(), listed.Select(h => h.Deploy).OfType<DeployNode>().ToList());
        }

        /// <summary>FLEET.md and fleet.dot, of the hosts the flake lists (each host's name, type and map).</summary>
        public static EquatableArray<OutputFile> FleetMap(IEnumerable<(string Name, string TypeName, HostMap Map)> hosts) =>
            FleetMapEmitter.Emit(ListedMaps(hosts)).ToEquatableArray();

        /// <summary>The fleet's aspects and users with who includes each, for the explain records' index.</summary>
        public static ExplainCatalog ExplanationCatalog(FleetContext context) => ExplainIndexEmitter.Catalog(context);

        /// <summary>The explain records' index: the hosts the flake lists, and the fleet's aspects and users with who includes each.</summary>
        public static string ExplanationIndex(IEnumerable<(string Name, string TypeName, HostMap Map)> hosts, ExplainCatalog catalog)
        {
            var listed = ListedMaps(hosts);
            try
            {
                return ExplainIndexEmitter.Emit(listed, catalog);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Still an index: lux explain then knows the hosts, if not who includes whom.
                return ExplainIndexEmitter.Emit(listed, ExplainCatalog.Empty);
            }
        }

        /// <summary>The host's hand-written module as nix-out gets it, or null when it is withheld (LUX2006).</summary>
        public static OutputFile? HardwareFile(HardwareModule module, NixTexts texts) =>
            Outgoing.Hardware(module, texts.ByPath.TryGetValue(module.SourcePath, out var text) ? text : null).File;

        /// <summary>nix-out's file list and the diagnostics that block writing it, split into those a user may suppress and the rest.</summary>
        public static Manifest Manifest(IReadOnlyCollection<HostSummary> hosts, LibraryOutput library, NixTexts texts)
        {
            var shared = SharedNames(hosts);
            var withheld = hosts.Select(h => h.Hardware).OfType<HardwareModule>().Where(m => HardwareFile(m, texts) is null).Select(m => m.OutputPath).ToList();
            var paths = hosts.Where(h => !shared.Contains(h.Identity.Name)).SelectMany(h => h.Paths).Except(withheld, StringComparer.Ordinal).Append("flake.nix")
                .Concat(FleetMapEmitter.Paths).ToList();
            if (library.Sops is { } sops)
                paths.Add(sops.Path);
            paths.Sort(StringComparer.Ordinal);
            // Warnings (a renamed option) leave the output complete and correct: they never block writing.
            var diagnostics = Diagnostics(hosts, library, texts).Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error).ToList();
            // Policy findings a user may suppress travel apart from the errors that always block.
            // The hosts whose sources carry files: those the flake lists, as NixGenerator emits them.
            return new Manifest(Listed(hosts).Select(h => h.Identity.Name).ToEquatableArray(), paths.ToEquatableArray(),
                diagnostics.Where(d => !LuxDiagnostics.IsSuppressible(d.Descriptor)).Select(d => d.ToCanonical()).ToEquatableArray(),
                diagnostics.Where(d => LuxDiagnostics.IsSuppressible(d.Descriptor)).Select(d => d.ToCanonical()).ToEquatableArray());
        }

        /// <summary>
        /// What leaves for the fleet, in one source: flake.nix, FLEET.md and fleet.dot, .sops.yaml when the policy makes one,
        /// the explain index and the manifest. A literal edit leaves all of them equal, so the source stays cached.
        /// </summary>
        public static FleetSource Source(OutputFile flake, EquatableArray<OutputFile> fleetMap, OutputFile? sops, string explanationIndex, Manifest manifest)
        {
            var files = new List<OutputFile> { flake };
            files.AddRange(fleetMap);
            if (sops is not null)
                files.Add(sops);
            return new FleetSource(files.ToEquatableArray(), explanationIndex, manifest);
        }

        /// <summary>Every diagnostic of a compilation, in the manifest's order.</summary>
        private static List<DiagnosticInfo> Diagnostics(IReadOnlyCollection<HostSummary> hosts, LibraryOutput library, NixTexts texts)
        {
            var diagnostics = new List<DiagnosticInfo>(library.Diagnostics);
            diagnostics.AddRange(library.SopsDiagnostics);
            foreach (var host in hosts)
            {
                diagnostics.AddRange(host.Diagnostics);
                if (host.Hardware is { } module && Outgoing.Hardware(module, texts.ByPath.TryGetValue(module.SourcePath, out var text) ? text : null).Withheld is { } withheld)
                    diagnostics.Add(withheld);
            }
            diagnostics.AddRange(HostNameClashes(hosts.Select(h => h.Identity)));
            return Outgoing.Distinct(diagnostics);
        }

        /// <summary>The hosts nix-out holds, by name: none that shares its name (LUX2003), none whose name cannot be a path (LUX0004).</summary>
        /// <summary>As <see cref="Listed"/>, from the hosts' maps: hosts that share a name (LUX2003) are not emitted, so neither mapped nor explained.</summary>
        private static List<(string Name, HostMap Map)> ListedMaps(IEnumerable<(string Name, string TypeName, HostMap Map)> hosts) =>
            hosts.Where(h => PerHost.CanName(h.Name)).GroupBy(h => h.Name, StringComparer.Ordinal).Where(g => !g.Skip(1).Any())
                .Select(g => (g.Key, g.First().Map)).OrderBy(h => h.Key, StringComparer.Ordinal).ToList();

        private static List<HostSummary> Listed(IReadOnlyCollection<HostSummary> hosts)
        {
            var shared = SharedNames(hosts);
            return hosts.Where(h => PerHost.CanName(h.Identity.Name) && !shared.Contains(h.Identity.Name))
                .OrderBy(h => h.Identity.Name, StringComparer.Ordinal).ThenBy(h => h.Identity.TypeName, StringComparer.Ordinal).ToList();
        }
    }
}
