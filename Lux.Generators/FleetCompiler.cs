using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Lux.Generators.Check;
using Lux.Generators.Emit;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators
{
    /// <summary>What a fleet compiles to: nix-out's files and every diagnostic, in a stable order.</summary>
    internal sealed record FleetOutput(EquatableArray<OutputFile> Files, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        public bool HasErrors => Diagnostics.Count > 0;
    }

    /// <summary>A host by name, for LUX2003 (two hosts, one name).</summary>
    internal sealed record HostIdentity(string TypeName, string DisplayName, string Name, SourceSpan Span);

    /// <summary>
    /// What the fleet-wide outputs need from one host: who it is and its platform (for the flake), which files
    /// it has, where its hardware module comes from, and every diagnostic its compilation made.
    /// </summary>
    internal sealed record HostSummary(HostIdentity Identity, string System, EquatableArray<string> Paths, HardwareModule? Hardware, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>A hand-written Nix file a host brings in verbatim: where it goes in nix-out, and which AdditionalFile it is.</summary>
    internal sealed record HardwareModule(string OutputPath, string SourcePath);

    /// <summary>One host compiled: its nix-out files (but the hardware module, see <see cref="HardwareModule"/>) and its summary.</summary>
    internal sealed record HostOutput(HostSummary Summary, EquatableArray<OutputFile> Files);

    /// <summary>
    /// What belongs to no host: the other declarations' own diagnostics (<see cref="Diagnostics"/>, which the
    /// analyzer reports too), and .sops.yaml with any error writing it.
    /// </summary>
    internal sealed record LibraryOutput(EquatableArray<DiagnosticInfo> Diagnostics, OutputFile? Sops, EquatableArray<DiagnosticInfo> SopsDiagnostics);

    /// <summary>The files of a compilation and the errors that block writing them.</summary>
    internal sealed record Manifest(EquatableArray<string> Paths, EquatableArray<string> Errors);

    /// <summary>
    /// The stages after Parse: Resolve (with Evaluate) → Check → Emit. A host compiles on its own, with the
    /// rest of the fleet as its <see cref="FleetContext"/>, so the generator runs each host as its own
    /// incremental step and an edit to one host costs one host; the few outputs that span hosts (the flake,
    /// the manifest, LUX2003) are built from per-host summaries. The whole-fleet entry points are the same
    /// parts composed, for the analyzer and for callers that have no incremental pipeline.
    /// </summary>
    internal static class FleetCompiler
    {
        /// <summary>The fleet's diagnostics as the analyzers report them (Resolve and Check; Emit's are the generator's).</summary>
        public static (ResolvedFleet Fleet, List<DiagnosticInfo> Diagnostics) Analyze(IReadOnlyList<DeclarationSpec> declarations, IReadOnlyList<AdditionalNixFile> additionalFiles)
        {
            var context = Context(declarations, additionalFiles.Select(f => f.Path), "");
            var library = CompileLibrary(context, emitSops: false);
            var fleet = new ResolvedFleet { Evaluator = context.CreateEvaluator(), Secrets = SecretsPolicy(context, context.CreateEvaluator()) };
            fleet.Diagnostics.AddRange(library.Diagnostics);
            var diagnostics = new List<DiagnosticInfo>(library.Diagnostics);
            var identities = new List<HostIdentity>();
            foreach (var spec in Hosts(declarations))
            {
                var (host, hostDiagnostics) = AnalyzeHost(spec, context);
                fleet.Hosts.Add(host);
                identities.Add(IdentityOf(host));
                diagnostics.AddRange(hostDiagnostics);
            }
            fleet.Hosts.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            diagnostics.AddRange(DuplicateHostNames(identities));
            return (fleet, Distinct(diagnostics));
        }

        /// <summary>The whole fleet at once: what the generator's nodes produce together.</summary>
        public static FleetOutput Compile(IReadOnlyList<DeclarationSpec> declarations, IReadOnlyList<AdditionalNixFile> additionalFiles, string projectDirectory)
        {
            var context = Context(declarations, additionalFiles.Select(f => f.Path), projectDirectory);
            var hosts = Hosts(declarations).Select(h => CompileHost(h, context)).ToList();
            var library = CompileLibrary(context, emitSops: true);
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in additionalFiles)
                texts[file.Path.Replace('\\', '/')] = file.Text;

            var files = hosts.SelectMany(h => h.Files).ToList();
            files.AddRange(hosts.Select(h => h.Summary.Hardware).OfType<HardwareModule>().Select(m => HardwareFile(m, texts)));
            files.Add(Flake(hosts.Select(h => h.Summary)));
            if (library.Sops is { } sops)
                files.Add(sops);
            files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            return new FleetOutput(files.ToEquatableArray(), Diagnostics(hosts.Select(h => h.Summary), library).ToEquatableArray());
        }

        /// <summary>The context every host of <paramref name="declarations"/> compiles in.</summary>
        public static FleetContext Context(IReadOnlyList<DeclarationSpec> declarations, IEnumerable<string> nixFilePaths, string projectDirectory)
        {
            var hosts = Hosts(declarations).ToList();
            var others = declarations.Where(d => d.Kind != DeclarationKind.Host).ToList();
            var created = CreatedNames.Union(declarations.Select(CreatedNames.Of));
            return Context(others, hosts.Where(created.Contains), nixFilePaths, projectDirectory);
        }

        /// <param name="others">The declarations that are not hosts.</param>
        /// <param name="createdHosts">The hosts some declaration creates, whose facts other hosts may read.</param>
        public static FleetContext Context(IEnumerable<DeclarationSpec> others, IEnumerable<DeclarationSpec> createdHosts, IEnumerable<string> nixFilePaths, string projectDirectory) =>
            new(Sorted(others.Concat(createdHosts)),
                nixFilePaths.Select(p => p.Replace('\\', '/')).ToEquatableArray(),
                projectDirectory);

        /// <summary>Declarations in ordinal type-name order, so the order of files never changes the output.</summary>
        public static EquatableArray<DeclarationSpec> Sorted(IEnumerable<DeclarationSpec> declarations) =>
            declarations.OrderBy(d => d.TypeName, StringComparer.Ordinal).ToEquatableArray();

        /// <summary>
        /// What <see cref="AnalyzeHost"/> reports for a host, reused while the host (the same spec object, from
        /// ParseCache) and what its resolution reads are unchanged. The generator and the analyzers of one
        /// compilation run in one compiler process, so a host the generator compiled is not resolved again for
        /// the analyzers, and in the IDE an unchanged host keeps its diagnostics from keystroke to keystroke.
        /// </summary>
        public static List<DiagnosticInfo> HostDiagnostics(DeclarationSpec spec, FleetContext context)
        {
            var known = Analyzed.GetOrCreateValue(spec);
            lock (known)
            {
                if (known.Context is null || !known.Context.ResolvesAs(context))
                    Remember(spec, context, AnalyzeHost(spec, context).Diagnostics);
                return known.Diagnostics!;
            }
        }

        private static void Remember(DeclarationSpec spec, FleetContext context, List<DiagnosticInfo> diagnostics)
        {
            var known = Analyzed.GetOrCreateValue(spec);
            lock (known)
                (known.Context, known.Diagnostics) = (context, diagnostics);
        }

        private static readonly ConditionalWeakTable<DeclarationSpec, AnalyzedHost> Analyzed = new();

        private sealed class AnalyzedHost
        {
            public FleetContext? Context { get; set; }

            public List<DiagnosticInfo>? Diagnostics { get; set; }
        }

        /// <summary>Resolve and Check one host: what the analyzers report for it.</summary>
        public static (ResolvedHost Host, List<DiagnosticInfo> Diagnostics) AnalyzeHost(DeclarationSpec spec, FleetContext context)
        {
            var evaluator = context.CreateEvaluator(spec);
            var host = FleetResolver.Resolve(spec, evaluator, context.NixFiles);
            // Check sees a fleet of this one host: its rules are judged per host. A rule across hosts belongs
            // with DuplicateHostNames, on the hosts' summaries, or the generator would re-judge every host per edit.
            var fleet = new ResolvedFleet { Evaluator = evaluator, Secrets = SecretsPolicy(context, evaluator) };
            fleet.Hosts.Add(host);
            var diagnostics = new List<DiagnosticInfo>(spec.Diagnostics);
            diagnostics.AddRange(FleetChecks.Check(fleet));
            diagnostics.AddRange(host.Errors);
            return (host, diagnostics);
        }

        /// <summary>One host through Resolve, Check and Emit. Never throws: an internal failure becomes LUX0000 on the host.</summary>
        public static HostOutput CompileHost(DeclarationSpec spec, FleetContext context)
        {
            try
            {
                var (host, diagnostics) = AnalyzeHost(spec, context);
                Remember(spec, context, new List<DiagnosticInfo>(diagnostics));
                var files = new List<OutputFile>();
                HardwareModule? hardware = null;
                try
                {
                    files.AddRange(FleetEmitter.EmitHost(host, context.ProjectDirectory));
                    if (host.Hardware is { } module)
                        hardware = new HardwareModule(FleetEmitter.HardwarePath(host.Name), module.Path.Replace('\\', '/'));
                }
                catch (EvaluationException e)
                {
                    files.Clear();
                    diagnostics.Add(e.Diagnostic);
                }
                var paths = files.Select(f => f.Path).Concat(hardware is null ? [] : [hardware.OutputPath]).ToEquatableArray();
                return new HostOutput(new HostSummary(IdentityOf(host), host.System, paths, hardware, Distinct(diagnostics).ToEquatableArray()), files.ToEquatableArray());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var identity = new HostIdentity(spec.TypeName, spec.DisplayName, spec.DisplayName.ToLowerInvariant(), spec.Span);
                return new HostOutput(new HostSummary(identity, "x86_64-linux", EquatableArray<string>.Empty, null, new[] { InternalError(e) }.ToEquatableArray()),
                    EquatableArray<OutputFile>.Empty);
            }
        }

        /// <summary>The declarations that are not hosts: their own diagnostics, the one-policy rule, and .sops.yaml.</summary>
        public static LibraryOutput CompileLibrary(FleetContext context, bool emitSops = true)
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
                        diagnostics.Add(new DiagnosticInfo("LUX2003", "The fleet has more than one [Secrets] policy (" + string.Join(", ", secrets.Select(s => s.DisplayName)) + "); keep one", extra.Span));
                }
                var sopsDiagnostics = new List<DiagnosticInfo>();
                var sops = emitSops && secrets.Count > 0 ? SecretsFile(context.CreateEvaluator().Instantiate(secrets[0]), context.CreateEvaluator(), sopsDiagnostics) : null;
                return new LibraryOutput(diagnostics.ToEquatableArray(), sops, sopsDiagnostics.ToEquatableArray());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new LibraryOutput(new[] { InternalError(e) }.ToEquatableArray(), null, EquatableArray<DiagnosticInfo>.Empty);
            }
        }

        /// <summary>The flake lists each host once, by name.</summary>
        public static OutputFile Flake(IEnumerable<HostSummary> hosts) =>
            FleetEmitter.EmitFlake(hosts.OrderBy(h => h.Identity.Name, StringComparer.Ordinal).ThenBy(h => h.Identity.TypeName, StringComparer.Ordinal)
                .Select(h => (h.Identity.Name, h.System)).Distinct().ToList());

        public static OutputFile HardwareFile(HardwareModule module, IReadOnlyDictionary<string, string> texts) =>
            new(module.OutputPath, texts.TryGetValue(module.SourcePath, out var text) ? text : "");

        /// <summary>LUX2003 on each of two or more hosts with one name (their flake attribute and nix-out directory would collide).</summary>
        public static IEnumerable<DiagnosticInfo> DuplicateHostNames(IEnumerable<HostIdentity> hosts)
        {
            foreach (var duplicate in hosts.GroupBy(h => h.Name, StringComparer.Ordinal).Where(g => g.Skip(1).Any()))
            {
                var named = duplicate.OrderBy(h => h.TypeName, StringComparer.Ordinal).ToList();
                foreach (var host in named)
                    yield return new DiagnosticInfo("LUX2003", "Two hosts are named '" + duplicate.Key + "' (" +
                        string.Join(", ", named.Select(h => h.DisplayName)) + "); host names must be unique: override Name on one of them", host.Span);
            }
        }

        /// <summary>Every diagnostic of a compilation, in the manifest's order.</summary>
        public static List<DiagnosticInfo> Diagnostics(IEnumerable<HostSummary> hosts, LibraryOutput library)
        {
            var summaries = hosts as IReadOnlyCollection<HostSummary> ?? hosts.ToList();
            var diagnostics = new List<DiagnosticInfo>(library.Diagnostics);
            diagnostics.AddRange(library.SopsDiagnostics);
            foreach (var host in summaries)
                diagnostics.AddRange(host.Diagnostics);
            diagnostics.AddRange(DuplicateHostNames(summaries.Select(h => h.Identity)));
            return Distinct(diagnostics);
        }

        public static Manifest ManifestOf(IReadOnlyCollection<HostSummary> hosts, LibraryOutput library)
        {
            var paths = hosts.SelectMany(h => h.Paths).Append("flake.nix").ToList();
            if (library.Sops is { } sops)
                paths.Add(sops.Path);
            paths.Sort(StringComparer.Ordinal);
            return new Manifest(paths.ToEquatableArray(), Diagnostics(hosts, library).Select(d => d.ToCanonical()).ToEquatableArray());
        }

        private static IEnumerable<DeclarationSpec> Hosts(IEnumerable<DeclarationSpec> declarations) =>
            declarations.Where(d => d.Kind == DeclarationKind.Host).OrderBy(d => d.TypeName, StringComparer.Ordinal);

        private static HostIdentity IdentityOf(ResolvedHost host) => new(host.Spec.TypeName, host.Spec.DisplayName, host.Name, host.Spec.Span);

        /// <summary>
        /// A host's name as <see cref="FleetResolver"/> finds it, without resolving the host: its Name, or the
        /// record's name in lower case when it has none or Name cannot be evaluated. Only a host that declares
        /// Name is evaluated at all.
        /// </summary>
        public static HostIdentity IdentityOf(DeclarationSpec host, FleetContext context)
        {
            var name = host.DisplayName.ToLowerInvariant();
            if (host.Properties.Any(p => p.Name == "Name"))
            {
                try
                {
                    var evaluator = context.CreateEvaluator(host);
                    if (evaluator.Property(evaluator.Instantiate(host), "Name", null, host.Span) is StringValue declared)
                        name = declared.Value;
                }
                catch (EvaluationException)
                {
                    // ResolveHost reports it; the host keeps the record's name meanwhile.
                }
            }
            return new HostIdentity(host.TypeName, host.DisplayName, name, host.Span);
        }

        private static RecordValue? SecretsPolicy(FleetContext context, Evaluator evaluator) =>
            context.Declarations.FirstOrDefault(d => d.Kind == DeclarationKind.Secrets) is { } policy ? evaluator.Instantiate(policy) : null;

        private static DiagnosticInfo InternalError(Exception e) =>
            new("LUX0000", "Lux failed internally (" + e.GetType().Name + ": " + e.Message + "); nix-out is left as it was. Please report this with the config that caused it.", SourceSpan.None);

        private static OutputFile? SecretsFile(RecordValue policy, Evaluator evaluator, List<DiagnosticInfo> diagnostics)
        {
            try
            {
                var span = policy.Spec!.Span;
                var recipients = Evaluator.AsList(evaluator.Property(policy, "Recipients", ListValue.Empty, span), span).Items
                    .Select(r => r is RecordValue rec
                        ? (Name: evaluator.Property(rec, "Name", null, span) is StringValue n ? n.Value : "", Key: evaluator.Property(rec, "PublicKey", null, span) is StringValue k ? k.Value : "")
                        : throw EvaluationException.At(span, "Recipients lists " + r.Describe() + ", which is not an AgeRecipient"))
                    .ToList();
                var regex = evaluator.Property(policy, "PathRegex", null, span) is StringValue s ? s.Value : @"secrets/[^/]+\.(yaml|json|env|ini)$";
                return FleetEmitter.EmitSopsYaml(recipients, regex);
            }
            catch (EvaluationException e)
            {
                diagnostics.Add(e.Diagnostic);
                return null;
            }
        }

        /// <summary>One diagnostic per (ID, place, message), ordered by place, so output never depends on evaluation order.</summary>
        internal static List<DiagnosticInfo> Distinct(IEnumerable<DiagnosticInfo> diagnostics) =>
            diagnostics.GroupBy(d => (d.Id, d.Span, d.Message)).Select(g => g.First())
                .OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal).ToList();
    }
}
