using Microsoft.CodeAnalysis;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Lux.Generators.Check;
using Lux.Generators.Check.Integrity;
using Lux.Generators.Emit;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators
{
    /// <summary>A host by name, for LUX2003 (two hosts, one name).</summary>
    internal sealed record HostIdentity(string TypeName, string DisplayName, string Name, SourceSpan Span);

    /// <summary>
    /// What the fleet-wide outputs need from one host: who it is and its platform (for the flake), which files
    /// it has, where its hardware module comes from, and every diagnostic its compilation made.
    /// </summary>
    /// <remarks><see cref="Deploy"/>: the host's deploy-rs node for the flake, null when the host is not deployable.</remarks>
    internal sealed partial record HostSummary(HostIdentity Identity, string System, EquatableArray<string> Paths, HardwareModule? Hardware, EquatableArray<DiagnosticInfo> Diagnostics, DeployNode? Deploy = null);

    /// <summary>A hand-written Nix file a host brings in verbatim: where it goes in nix-out, and which AdditionalFile it is.</summary>
    /// <remarks>
    /// Host resolution reads no Nix file's text, so the text is judged where it is copied: a module holding
    /// private key material is withheld and is LUX2006 at the host's Hardware (<see cref="FleetCompiler.HardwareDiagnostic"/>).
    /// </remarks>
    internal sealed record HardwareModule(string OutputPath, string SourcePath, string HostName, SourceSpan Span);

    /// <summary>
    /// One host compiled: its nix-out files (but the hardware module, see <see cref="HardwareModule"/>), its summary, and
    /// its explain record for <c>lux explain</c> (null when the host is not emitted).
    /// </summary>
    internal sealed record HostOutput(HostSummary Summary, EquatableArray<OutputFile> Files, HostExplanationSource? Explanation = null);

    /// <summary>
    /// One host's explain record (<see cref="ExplainRecordFormat"/>) in the generated source that carries it to the CLI
    /// beside nix-out but never into it (<see cref="GeneratedSourceFormat.StartExplanation"/>).
    /// </summary>
    internal sealed record HostExplanationSource(string HostName, string Source);

    /// <summary>
    /// What belongs to no host: the other declarations' own diagnostics (<see cref="Diagnostics"/>, which the
    /// analyzer reports too), and .sops.yaml with any error writing it.
    /// </summary>
    internal sealed record LibraryOutput(EquatableArray<DiagnosticInfo> Diagnostics, OutputFile? Sops, EquatableArray<DiagnosticInfo> SopsDiagnostics);

    /// <summary>The files of a compilation and the errors that block writing them.</summary>
    /// <summary>
    /// The files of a compilation, the errors that block writing them, and the policy findings that block
    /// only when no analyzer ran (see <see cref="NixGenerator.Suppressible"/>).
    /// </summary>
    internal sealed record Manifest(EquatableArray<string> Paths, EquatableArray<string> Errors, EquatableArray<string> PolicyErrors);

    /// <summary>
    /// The stages after Parse: Resolve (with Evaluate) → Check → Emit. A host compiles on its own, with the
    /// rest of the fleet as its <see cref="FleetContext"/>, so the generator runs each host as its own
    /// incremental step and an edit to one host costs one host; the few outputs that span hosts (the flake,
    /// the manifest, LUX2003) are built from per-host summaries. <see cref="Analyze"/> composes the same
    /// parts for the whole fleet, for the analyzer; only NixGenerator composes them for output.
    /// </summary>
    internal static class FleetCompiler
    {
        /// <summary>The fleet's diagnostics as the analyzers report them (Resolve and Check; Emit's are the generator's).</summary>
        public static (ResolvedFleet Fleet, List<DiagnosticInfo> Diagnostics) Analyze(IReadOnlyList<DeclarationSpec> declarations, IReadOnlyList<AdditionalNixFile> additionalFiles)
        {
            var context = Context(declarations, additionalFiles.Select(f => f.Path), "");
            var library = CompileLibrary(context, emitSops: false);
            var fleet = new ResolvedFleet { Evaluator = context.CreateEvaluator(), Secrets = SecretsPolicy(context, context.CreateEvaluator()), Declarations = context.Declarations };
            fleet.Diagnostics.AddRange(library.Diagnostics);
            var diagnostics = new List<DiagnosticInfo>(library.Diagnostics);
            var identities = new List<HostIdentity>();
            foreach (var spec in Hosts(declarations))
            {
                var (host, hostDiagnostics) = AnalyzeHost(spec, context);
                // A host whose name cannot name nix-out files (LUX0004) is not emitted, as in Compile.
                if (Nameable(host.Name))
                    fleet.Hosts.Add(host);
                identities.Add(IdentityOf(host));
                diagnostics.AddRange(hostDiagnostics);
                if (HardwareOf(host) is { } module && HardwareDiagnostic(module, additionalFiles.FirstOrDefault(f => f.Path.Replace('\\', '/') == module.SourcePath)?.Text) is { } withheld)
                    diagnostics.Add(withheld);
            }
            fleet.Hosts.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            diagnostics.AddRange(DuplicateHostNames(identities));
            return (fleet, Distinct(diagnostics));
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

        /// <summary>
        /// Declarations in ordinal type-name order, so the order of files never changes the output. Two records of
        /// one name (a C# error, mid-edit) are ordered by place, so the generator and the IDE pick the same one.
        /// </summary>
        public static EquatableArray<DeclarationSpec> Sorted(IEnumerable<DeclarationSpec> declarations) =>
            ByPlace(declarations).ToEquatableArray();

        private static IOrderedEnumerable<DeclarationSpec> ByPlace(IEnumerable<DeclarationSpec> declarations) =>
            declarations.OrderBy(d => d.TypeName, StringComparer.Ordinal)
                .ThenBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Start);

        /// <summary>
        /// What <see cref="AnalyzeHost"/> reports for a host, reused while the host (the same spec object, from
        /// ParseCache) and what its resolution reads are unchanged. The generator and the analyzers of one
        /// compilation run in one compiler process, so a host the generator compiled is not resolved again for
        /// the analyzers, and in the IDE an unchanged host keeps its diagnostics from keystroke to keystroke.
        /// </summary>
        public static List<DiagnosticInfo> HostDiagnostics(DeclarationSpec spec, FleetContext context) => HostDiagnostics(spec, context, out _);

        /// <param name="hardware">The host's hand-written module, whose text the caller judges (see <see cref="HardwareDiagnostic"/>).</param>
        public static List<DiagnosticInfo> HostDiagnostics(DeclarationSpec spec, FleetContext context, out HardwareModule? hardware)
        {
            var known = Analyzed.GetOrCreateValue(spec);
            lock (known)
            {
                if (known.Context is null || !known.Context.ResolvesAs(context))
                {
                    var (host, diagnostics) = AnalyzeHost(spec, context);
                    Remember(spec, context, diagnostics, HardwareOf(host));
                }
                hardware = known.Hardware;
                return known.Diagnostics!;
            }
        }

        private static void Remember(DeclarationSpec spec, FleetContext context, List<DiagnosticInfo> diagnostics, HardwareModule? hardware)
        {
            var known = Analyzed.GetOrCreateValue(spec);
            lock (known)
                (known.Context, known.Diagnostics, known.Hardware) = (context, diagnostics, hardware);
        }

        // Weak: an entry goes with its spec, so the table is as large as ParseCache's.
        private static readonly ConditionalWeakTable<DeclarationSpec, AnalyzedHost> Analyzed = new();

        private sealed class AnalyzedHost
        {
            public FleetContext? Context { get; set; }

            public List<DiagnosticInfo>? Diagnostics { get; set; }

            public HardwareModule? Hardware { get; set; }
        }

        /// <summary>Resolve and Check one host: what the analyzers report for it.</summary>
        public static (ResolvedHost Host, List<DiagnosticInfo> Diagnostics) AnalyzeHost(DeclarationSpec spec, FleetContext context)
        {
            var evaluator = context.CreateEvaluator(spec);
            var host = FleetResolver.Resolve(spec, evaluator, context.NixFiles);
            var diagnostics = new List<DiagnosticInfo>(spec.Diagnostics);
            // The name becomes a directory of nix-out and a path in flake.nix: a host it cannot name is not
            // emitted, and reports only that (LUX0004).
            if (NixSyntax.WhyNotPathSegment(host.Name) is { } reason)
            {
                diagnostics.Add(new DiagnosticInfo("LUX0004", "The host " + spec.DisplayName + ": " + reason, FleetResolver.SpanOf(spec, "Name")));
                return (host, diagnostics);
            }
            // Check sees a fleet of this one host: its rules are judged per host. A rule across hosts belongs
            // with DuplicateHostNames, on the hosts' summaries, and the rules on what no host owns (users,
            // the secrets policy) with CompileLibrary, or the generator would re-judge them for every host per edit.
            var fleet = new ResolvedFleet { Evaluator = evaluator, Secrets = SecretsPolicy(context, evaluator), Declarations = context.Declarations };
            fleet.Hosts.Add(host);
            diagnostics.AddRange(FleetChecks.CheckHosts(fleet));
            diagnostics.AddRange(host.Errors);
            return (host, diagnostics);
        }

        /// <summary>One host through Resolve, Check and Emit. Never throws: an internal failure becomes LUX0000 on the host.</summary>
        public static HostOutput CompileHost(DeclarationSpec spec, FleetContext context)
        {
            try
            {
                var (host, diagnostics) = AnalyzeHost(spec, context);
                Remember(spec, context, new List<DiagnosticInfo>(diagnostics), HardwareOf(host));
                var files = new List<OutputFile>();
                HardwareModule? hardware = null;
                HostExplanationSource? explanation = null;
                if (Nameable(host.Name))
                {
                    explanation = Explanation(host, diagnostics, context.ProjectDirectory);
                    try
                    {
                        files.AddRange(FleetEmitter.EmitHost(host, context.ProjectDirectory));
                        files.Add(BootstrapScript.Emit(host));
                        hardware = HardwareOf(host);
                    }
                    catch (EvaluationException e)
                    {
                        files.Clear();
                        diagnostics.Add(e.Diagnostic);
                    }
                    WithholdPrivateKeyMaterial(files, diagnostics);
                }
                var paths = files.Select(f => f.Path).Concat(hardware is null ? [] : [hardware.OutputPath]).ToEquatableArray();
                var deploy = host.Deploy is { } fact && Nameable(host.Name) ? fact.ToNode(host.Name, host.System) : null;
                var summary = new HostSummary(IdentityOf(host), host.System, paths, hardware, Distinct(diagnostics).ToEquatableArray(), deploy) { Map = HostMap.Of(host, diagnostics) };
                return new HostOutput(summary, files.ToEquatableArray(), explanation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var identity = new HostIdentity(spec.TypeName, spec.DisplayName, spec.DisplayName.ToLowerInvariant(), spec.Span);
                return new HostOutput(new HostSummary(identity, "x86_64-linux", EquatableArray<string>.Empty, null, new[] { InternalError(e) }.ToEquatableArray()),
                    EquatableArray<OutputFile>.Empty);
            }
        }

        /// <summary>
        /// The host's explain record, or null when it cannot be made: explain is a view of the compilation, so its
        /// failure costs the host its answers, never its nix-out (and never the private key material LUX2006 withholds).
        /// </summary>
        private static HostExplanationSource? Explanation(ResolvedHost host, IReadOnlyList<DiagnosticInfo> diagnostics, string projectDirectory)
        {
            try
            {
                var source = ExplainEmitter.Emit(host, diagnostics, projectDirectory);
                return PrivateKeyMaterial.Find(source) is null ? new HostExplanationSource(host.Name, source) : null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return null;
            }
        }

        /// <summary>The explain records' index, as its source: the hosts the flake lists, and the fleet's aspects and users with who includes each.</summary>
        public static string ExplanationIndex(IEnumerable<HostSummary> hosts, ExplainCatalog catalog)
        {
            var summaries = hosts as IReadOnlyCollection<HostSummary> ?? hosts.ToList();
            var shared = SharedNames(summaries);
            var named = summaries.Where(h => Nameable(h.Identity.Name) && !shared.Contains(h.Identity.Name))
                .OrderBy(h => h.Identity.Name, StringComparer.Ordinal).ThenBy(h => h.Identity.TypeName, StringComparer.Ordinal)
                .Select(h => (h.Identity.Name, h.Map)).ToList();
            try
            {
                return ExplainIndexEmitter.Emit(named, catalog);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Still an index: lux explain then knows the hosts, if not who includes whom.
                return ExplainIndexEmitter.Emit(named, ExplainCatalog.Empty);
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
                WithholdPrivateKeyMaterial(files, sopsDiagnostics, diagnostics);
                return new LibraryOutput(diagnostics.ToEquatableArray(), files.FirstOrDefault(), sopsDiagnostics.ToEquatableArray());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new LibraryOutput(new[] { InternalError(e) }.ToEquatableArray(), null, EquatableArray<DiagnosticInfo>.Empty);
            }
        }

        /// <summary>The flake lists each emitted host once, by name: none that shares its name, none whose name cannot be a path.</summary>
        public static OutputFile Flake(IEnumerable<HostSummary> hosts)
        {
            var summaries = hosts as IReadOnlyCollection<HostSummary> ?? hosts.ToList();
            var shared = SharedNames(summaries);
            var listed = summaries.Where(h => Nameable(h.Identity.Name) && !shared.Contains(h.Identity.Name))
                .OrderBy(h => h.Identity.Name, StringComparer.Ordinal).ThenBy(h => h.Identity.TypeName, StringComparer.Ordinal).ToList();
            return FleetEmitter.EmitFlake(listed.Select(h => (h.Identity.Name, h.System)).ToList(), listed.Select(h => h.Deploy).OfType<DeployNode>().ToList());
        }

        /// <summary>FLEET.md and fleet.dot, of the hosts the flake lists.</summary>
        public static EquatableArray<OutputFile> FleetMap(IEnumerable<HostSummary> hosts)
        {
            var summaries = hosts as IReadOnlyCollection<HostSummary> ?? hosts.ToList();
            var shared = SharedNames(summaries);
            return FleetMapEmitter.Emit(summaries.Where(h => Nameable(h.Identity.Name) && !shared.Contains(h.Identity.Name))
                .OrderBy(h => h.Identity.Name, StringComparer.Ordinal).ThenBy(h => h.Identity.TypeName, StringComparer.Ordinal)
                .Select(h => (h.Identity.Name, h.Map)).ToList()).ToEquatableArray();
        }

        /// <summary>
        /// The names two or more hosts share (LUX2003): such hosts would share hosts/&lt;name&gt;/, so none of them
        /// is emitted (two sources with one hint name would make the generator throw). Sorted, equal by content.
        /// </summary>
        public static EquatableArray<string> SharedNames(IEnumerable<HostSummary> hosts) =>
            hosts.Select(h => h.Identity.Name).Where(Nameable).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Skip(1).Any())
                .Select(g => g.Key).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();

        /// <summary>Whether a host's name can name its nix-out directory and flake path (else LUX0004, and it is not emitted).</summary>
        private static bool Nameable(string name) => NixSyntax.WhyNotPathSegment(name) is null;

        /// <summary>The host's hand-written module copied into nix-out, or null when it is withheld (LUX2006).</summary>
        public static OutputFile? HardwareFile(HardwareModule module, IReadOnlyDictionary<string, string> texts)
        {
            var text = texts.TryGetValue(module.SourcePath, out var t) ? t : "";
            return PrivateKeyMaterial.Find(text) is null ? new OutputFile(module.OutputPath, text) : null;
        }

        /// <summary>LUX2006 at the host's Hardware when the Nix file it brings in holds private key material.</summary>
        public static DiagnosticInfo? HardwareDiagnostic(HardwareModule module, string? text) =>
            text is not null && PrivateKeyMaterial.Find(text) is { } kind
                ? new DiagnosticInfo("LUX2006", module.HostName + ": the Nix file " + module.SourcePath + " holds " + kind + "; " + PrivateKeyMaterial.Advice, module.Span)
                : null;

        private static HardwareModule? HardwareOf(ResolvedHost host) =>
            host.Hardware is { } module && Nameable(host.Name)
                ? new HardwareModule(FleetEmitter.HardwarePath(host.Name), module.Path.Replace('\\', '/'), host.Name, FleetResolver.SpanOf(host.Spec, "Hardware"))
                : null;

        /// <summary>LUX2003 on each of two or more hosts with one name (their flake attribute and nix-out directory would collide).</summary>
        public static IEnumerable<DiagnosticInfo> DuplicateHostNames(IEnumerable<HostIdentity> hosts)
        {
            foreach (var duplicate in hosts.Where(h => Nameable(h.Name)).GroupBy(h => h.Name, StringComparer.Ordinal).Where(g => g.Skip(1).Any()))
            {
                var named = duplicate.OrderBy(h => h.TypeName, StringComparer.Ordinal).ToList();
                foreach (var host in named)
                    yield return new DiagnosticInfo("LUX2003", "Two hosts are named '" + duplicate.Key + "' (" +
                        string.Join(", ", named.Select(h => h.DisplayName)) + "); host names must be unique: override Name on one of them", host.Span);
            }
        }

        /// <summary>Every diagnostic of a compilation, in the manifest's order.</summary>
        public static List<DiagnosticInfo> Diagnostics(IEnumerable<HostSummary> hosts, LibraryOutput library, IReadOnlyDictionary<string, string> texts)
        {
            var summaries = hosts as IReadOnlyCollection<HostSummary> ?? hosts.ToList();
            var diagnostics = new List<DiagnosticInfo>(library.Diagnostics);
            diagnostics.AddRange(library.SopsDiagnostics);
            foreach (var host in summaries)
            {
                diagnostics.AddRange(host.Diagnostics);
                if (host.Hardware is { } module && HardwareDiagnostic(module, texts.TryGetValue(module.SourcePath, out var text) ? text : null) is { } withheld)
                    diagnostics.Add(withheld);
            }
            diagnostics.AddRange(DuplicateHostNames(summaries.Select(h => h.Identity)));
            return Distinct(diagnostics);
        }

        public static Manifest ManifestOf(IReadOnlyCollection<HostSummary> hosts, LibraryOutput library, IReadOnlyDictionary<string, string> texts)
        {
            var shared = SharedNames(hosts);
            var withheld = hosts.Select(h => h.Hardware).OfType<HardwareModule>().Where(m => HardwareFile(m, texts) is null).Select(m => m.OutputPath).ToList();
            var paths = hosts.Where(h => !shared.Contains(h.Identity.Name)).SelectMany(h => h.Paths).Except(withheld, StringComparer.Ordinal).Append("flake.nix")
                .Concat(FleetMapEmitter.Paths).ToList();
            if (library.Sops is { } sops)
                paths.Add(sops.Path);
            paths.Sort(StringComparer.Ordinal);
            // Warnings (a renamed option) leave the output complete and correct: they never block writing.
            var diagnostics = Diagnostics(hosts, library, texts)
                .Where(d => !Lux.Generators.Diagnostics.LuxDiagnostics.ById.TryGetValue(d.Id, out var descriptor) || descriptor.DefaultSeverity == DiagnosticSeverity.Error).ToList();
            // Policy findings a user may suppress travel apart from the errors that always block.
            return new Manifest(paths.ToEquatableArray(),
                diagnostics.Where(d => !NixGenerator.Suppressible.Contains(d.Id)).Select(d => d.ToCanonical()).ToEquatableArray(),
                diagnostics.Where(d => NixGenerator.Suppressible.Contains(d.Id)).Select(d => d.ToCanonical()).ToEquatableArray());
        }

        private static IEnumerable<DeclarationSpec> Hosts(IEnumerable<DeclarationSpec> declarations) =>
            ByPlace(declarations.Where(d => d.Kind == DeclarationKind.Host));

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

        /// <summary>
        /// LUX2006's last guard: a nix-out file that would hold private key material is not emitted at all, so the
        /// material reaches neither generated sources (obj/, the assembly) nor nix-out. The checks have reported
        /// where it came from; the manifest's errors keep the writer from touching nix-out, which stays as it was.
        /// </summary>
        private static void WithholdPrivateKeyMaterial(List<OutputFile> files, List<DiagnosticInfo> diagnostics, IEnumerable<DiagnosticInfo>? reported = null)
        {
            var withheld = files.Where(f => PrivateKeyMaterial.Find(f.Content) is not null).ToList();
            foreach (var file in withheld)
            {
                files.Remove(file);
                if (!diagnostics.Concat(reported ?? []).Any(d => d.Id == "LUX2006"))
                    diagnostics.Add(new DiagnosticInfo("LUX2006", "nix-out/" + file.Path + " would hold private key material, so Lux withholds it; " + PrivateKeyMaterial.Advice, SourceSpan.None));
            }
        }

        /// <summary>
        /// One diagnostic per (ID, place, message), ordered by place, so output never depends on evaluation order.
        /// Messages are redacted: they travel in the generated manifest, which is a file on disk.
        /// </summary>
        internal static List<DiagnosticInfo> Distinct(IEnumerable<DiagnosticInfo> diagnostics) =>
            diagnostics.Select(d => d with { Message = PrivateKeyMaterial.Redact(d.Message) })
                .GroupBy(d => (d.Id, d.Span, d.Message)).Select(g => g.First())
                .OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal).ToList();
    }
}
