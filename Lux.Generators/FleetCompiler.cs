using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Check;
using Lux.Generators.Check.Integrity;
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

    /// <summary>
    /// The stages after Parse, in order: Resolve (with Evaluate) → Check → Emit. Shared by the generator,
    /// which writes the files, and the analyzers, which report the diagnostics while you type.
    /// </summary>
    internal static class FleetCompiler
    {
        public static (ResolvedFleet Fleet, List<DiagnosticInfo> Diagnostics) Analyze(IReadOnlyList<DeclarationSpec> declarations, IReadOnlyList<AdditionalNixFile> additionalFiles)
        {
            var fleet = FleetResolver.Resolve(declarations, additionalFiles);
            var diagnostics = new List<DiagnosticInfo>(fleet.Diagnostics);
            diagnostics.AddRange(FleetChecks.Check(fleet));
            foreach (var host in fleet.Hosts)
                diagnostics.AddRange(host.Errors);
            return (fleet, Distinct(diagnostics));
        }

        public static FleetOutput Compile(IReadOnlyList<DeclarationSpec> declarations, IReadOnlyList<AdditionalNixFile> additionalFiles, string projectDirectory)
        {
            var (fleet, diagnostics) = Analyze(declarations, additionalFiles);
            var files = new List<OutputFile>();
            // Hosts that share a name (LUX2003, reported) would share hosts/<name>/: none of them is emitted, as
            // two sources with one hint name make the generator throw.
            var hosts = fleet.Hosts.GroupBy(h => h.Name, StringComparer.Ordinal).Where(g => g.Count() == 1).Select(g => g.Single()).ToList();
            foreach (var host in hosts)
            {
                try
                {
                    files.AddRange(FleetEmitter.EmitHost(host, projectDirectory));
                }
                catch (EvaluationException e)
                {
                    diagnostics.Add(e.Diagnostic);
                }
            }
            files.Add(FleetEmitter.EmitFlake(hosts.Select(h => (h.Name, h.System)).ToList()));
            if (SecretsFile(fleet) is { } sops)
                files.Add(sops);
            WithholdPrivateKeyMaterial(files, diagnostics);
            files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            return new FleetOutput(files.ToEquatableArray(), Distinct(diagnostics).ToEquatableArray());
        }

        private static OutputFile? SecretsFile(ResolvedFleet fleet) =>
            // Resolve evaluated the policy and reported what failed; a policy that did not evaluate writes no file.
            fleet.Sops is { } sops ? FleetEmitter.EmitSopsYaml(sops.Recipients, sops.PathRegex) : null;

        /// <summary>
        /// LUX2006's last guard: a nix-out file that would hold private key material is not emitted at all, so the
        /// material reaches neither generated sources (obj/, the assembly) nor nix-out. The checks have reported
        /// where it came from; the manifest's errors keep the writer from touching nix-out, which stays as it was.
        /// </summary>
        private static void WithholdPrivateKeyMaterial(List<OutputFile> files, List<DiagnosticInfo> diagnostics)
        {
            var withheld = files.Where(f => PrivateKeyMaterial.Find(f.Content) is not null).ToList();
            foreach (var file in withheld)
            {
                files.Remove(file);
                if (!diagnostics.Any(d => d.Id == "LUX2006"))
                    diagnostics.Add(new DiagnosticInfo("LUX2006", "nix-out/" + file.Path + " would hold private key material, so Lux withholds it; " + PrivateKeyMaterial.Advice, SourceSpan.None));
            }
        }

        /// <summary>
        /// One diagnostic per (ID, place, message), ordered by place, so output never depends on evaluation order.
        /// Messages are redacted: they travel in the generated manifest, which is a file on disk.
        /// </summary>
        private static List<DiagnosticInfo> Distinct(IEnumerable<DiagnosticInfo> diagnostics) =>
            diagnostics.Select(d => d with { Message = PrivateKeyMaterial.Redact(d.Message) })
                .GroupBy(d => (d.Id, d.Span, d.Message)).Select(g => g.First())
                .OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal).ToList();
    }
}
