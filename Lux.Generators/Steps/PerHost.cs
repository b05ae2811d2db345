using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Check;
using Lux.Generators.Check.Integrity;
using Lux.Generators.Check.SshRecovery;
using Lux.Generators.Diagnostics;
using Lux.Generators.Emit;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Steps
{
    /// <summary>
    /// The per-host steps: one host through Resolve → Check → Emit, with the rest of the fleet as its
    /// <see cref="FleetContext"/>. The generator runs each host as its own incremental step, so an edit to one
    /// host costs one host; the analyzer runs <see cref="Findings"/>, the same Resolve → Check, for the hosts
    /// a document can receive diagnostics from.
    /// </summary>
    internal static class PerHost
    {
        /// <summary>One host through Resolve, Check and Emit. Never throws: an internal failure becomes LUX0000 on the host.</summary>
        public static HostOutput Compile(DeclarationSpec spec, FleetContext context)
        {
            try
            {
                var (host, diagnostics) = Check(spec, context);
                CheckedHosts.Remember(spec, context, new HostFindings(diagnostics.ToList(), HardwareOf(host)));
                var files = new List<OutputFile>();
                HardwareModule? hardware = null;
                string? explanation = null;
                if (CanName(host.Name))
                {
                    // The comments of the host's Nix and its record name the same files: each relative path is made once.
                    var places = new RelativePaths(context.ProjectDirectory);
                    explanation = Explanation(host, diagnostics, places);
                    try
                    {
                        files.AddRange(FleetEmitter.EmitHost(host, places));
                        files.Add(BootstrapScript.Emit(host));
                        hardware = HardwareOf(host);
                    }
                    catch (EvaluationException e)
                    {
                        files.Clear();
                        diagnostics.Add(e.Diagnostic);
                    }
                    Outgoing.WithholdKeyMaterial(files, diagnostics);
                }
                var paths = files.Select(f => f.Path).Concat(hardware is null ? [] : [hardware.OutputPath]).ToEquatableArray();
                var deploy = host.Deploy is { } fact && CanName(host.Name) ? fact.ToNode(host.Name, host.System) : null;
                var summary = new HostSummary(IdentityOf(host), host.System, paths, hardware, Outgoing.Distinct(diagnostics).ToEquatableArray(), deploy)
                {
                    Map = HostMap.Of(host, diagnostics),
                };
                return new HostOutput(summary, files.ToEquatableArray(), explanation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var identity = new HostIdentity(spec.TypeName, spec.DisplayName, DslFacts.DefaultName(spec.DisplayName), spec.Span);
                return new HostOutput(new HostSummary(identity, DslFacts.DefaultSystem, EquatableArray<string>.Empty, null, new[] { InternalError(spec, e) }.ToEquatableArray()),
                    EquatableArray<OutputFile>.Empty);
            }
        }

        /// <summary>
        /// What leaves for one emitted host: its files, its hardware module as <see cref="Outgoing.Hardware"/> judges the
        /// project's Nix text (unless withheld), and its record. Each host combines with the Nix texts as a whole: an edit to
        /// one Nix file re-runs this cheap step for every host, but only the host whose module changed gets a new source.
        /// </summary>
        public static HostSource Source(HostOutput host, NixTexts texts)
        {
            var files = host.Files;
            if (host.Summary.Hardware is { } module && PerFleet.HardwareFile(module, texts) is { } hardware)
                files = files.AsImmutableArray().Add(hardware).ToEquatableArray();
            return new HostSource(host.Summary.Identity.Name, files, host.Explanation);
        }

        /// <summary>
        /// The host's explain record, or null when it cannot be made: explain is a view of the compilation, so its
        /// failure costs the host its answers, never its nix-out (and never the private key material LUX2006 withholds).
        /// </summary>
        private static string? Explanation(ResolvedHost host, IReadOnlyList<DiagnosticInfo> diagnostics, RelativePaths paths)
        {
            try
            {
                var record = ExplainEmitter.Emit(host, diagnostics, paths);
                return PrivateKeyMaterial.Find(record) is null ? record : null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return null;
            }
        }

        /// <summary>
        /// What the analyzer reports for a host: its Resolve and Check diagnostics (Emit's are the generator's alone), and the
        /// hardware module whose text the caller judges (<see cref="Outgoing.Hardware"/>). Taken from <see cref="CheckedHosts"/>
        /// when the generator, or an earlier analysis, checked this host in this context.
        /// </summary>
        /// <remarks>Never throws: an internal failure becomes LUX0000 at the host, as in <see cref="Compile"/>.</remarks>
        public static HostFindings Findings(DeclarationSpec spec, FleetContext context) =>
            CheckedHosts.GetOrAdd(spec, context, () =>
            {
                try
                {
                    var (host, diagnostics) = Check(spec, context);
                    return new HostFindings(diagnostics, HardwareOf(host));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return new HostFindings(new[] { InternalError(spec, e) }, null);
                }
            });

        /// <summary>Resolve one host in its context, the SSH recovery policy's assertions included.</summary>
        public static ResolvedHost Resolve(DeclarationSpec spec, FleetContext context) => Resolve(spec, context, context.CreateEvaluator(spec));

        private static ResolvedHost Resolve(DeclarationSpec spec, FleetContext context, Evaluator evaluator) =>
            FleetResolver.Resolve(spec, evaluator, context.NixFiles, SshRecoveryPolicy.AssertionsDefinition);

        /// <summary>Resolve and Check one host, with one evaluator, so Check reads the facts Resolve has evaluated.</summary>
        private static (ResolvedHost Host, List<DiagnosticInfo> Diagnostics) Check(DeclarationSpec spec, FleetContext context)
        {
            var evaluator = context.CreateEvaluator(spec);
            var host = Resolve(spec, context, evaluator);
            var diagnostics = new List<DiagnosticInfo>(spec.Diagnostics);
            // The name becomes a directory of nix-out and a path in flake.nix: a host it cannot name is not
            // emitted, and reports only that (LUX0004).
            if (NixSyntax.WhyNotPathSegment(host.Name) is { } reason)
            {
                diagnostics.Add(LuxDiagnostics.HostNameNotPath.At(FleetResolver.SpanOf(spec, "Name"), spec.DisplayName, reason));
            }
            else
            {
                // Check sees a fleet of this one host: its rules are judged per host. A rule across hosts belongs with
                // PerFleet.HostNameClashes, on the hosts' summaries, and the rules on what no host owns (users, the
                // secrets policy) with PerFleet.Library, or the generator would re-judge them for every host per edit.
                var fleet = new ResolvedFleet { Evaluator = evaluator, Secrets = FleetInputs.SecretsPolicy(context, evaluator), Declarations = context.Declarations };
                fleet.Hosts.Add(host);
                diagnostics.AddRange(FleetChecks.CheckHosts(fleet));
                diagnostics.AddRange(host.Errors);
            }
            return (host, diagnostics);
        }

        /// <summary>
        /// A host's name as <see cref="FleetResolver"/> finds it, without resolving the host: its Name, or the
        /// record's name in lower case when it has none or Name cannot be evaluated. Only a host that declares
        /// Name is evaluated at all (the analyzer's LUX2003 on a host's document asks every host).
        /// </summary>
        public static HostIdentity Identify(DeclarationSpec host, FleetContext context)
        {
            var name = DslFacts.DefaultName(host.DisplayName);
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
                    // Check reports it; the host keeps the record's name meanwhile.
                }
            }
            return new HostIdentity(host.TypeName, host.DisplayName, name, host.Span);
        }

        /// <summary>LUX0000 at the host: a bug in Lux met while compiling it.</summary>
        private static DiagnosticInfo InternalError(DeclarationSpec spec, Exception e) =>
            LuxDiagnostics.InternalError.At(spec.Span, "compiling the host " + spec.DisplayName, e.GetType().Name, e.Message);

        /// <summary>Whether a host's name can name its nix-out directory and flake path (else LUX0004, and it is not emitted).</summary>
        public static bool CanName(string name) => NixSyntax.WhyNotPathSegment(name) is null;

        private static HostIdentity IdentityOf(ResolvedHost host) => new(host.Spec.TypeName, host.Spec.DisplayName, host.Name, host.Spec.Span);

        private static HardwareModule? HardwareOf(ResolvedHost host) =>
            host.HardwarePath is { } path && CanName(host.Name)
                ? new HardwareModule(FleetEmitter.HardwarePath(host.Name), path, host.Name, FleetResolver.SpanOf(host.Spec, "Hardware"))
                : null;
    }
}
