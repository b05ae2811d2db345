using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Check.Integrity;
using Lux.Generators.Diagnostics;
using Lux.Generators.Model;

namespace Lux.Generators.Steps
{
    /// <summary>
    /// What leaves the pipeline, for the generator and the analyzer alike: diagnostics once each, in order and redacted;
    /// files only without private key material. That last is LUX2006's last guard: a nix-out file that would hold key
    /// material is not emitted at all, so the material reaches neither generated sources (obj/, the assembly) nor nix-out.
    /// The checks have reported where it came from; the manifest's errors keep the writer from touching nix-out.
    /// </summary>
    internal static class Outgoing
    {
        /// <summary>
        /// One diagnostic per (ID, place, message), ordered by place, so output never depends on evaluation order.
        /// Messages are redacted: they travel in the generated manifest, which is a file on disk.
        /// </summary>
        public static List<DiagnosticInfo> Distinct(IEnumerable<DiagnosticInfo> diagnostics) =>
            diagnostics.Select(Redacted)
                .GroupBy(d => (d.Id, d.Span, d.Message)).Select(g => g.First())
                .OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal).ToList();

        /// <summary>LUX0000: a bug in Lux, caught where a step would otherwise throw out of the generator or the analyzer.</summary>
        /// <param name="doing">What Lux was doing: "compiling the host Polaris".</param>
        public static DiagnosticInfo InternalError(string doing, Exception e) => LuxDiagnostics.InternalErrorUnplaced.At(SourceSpan.None, doing, e.GetType().Name, e.Message);

        /// <summary>
        /// A host's hand-written module as it is copied: its file, or, when its text holds private key material, no file and
        /// LUX2006 at the host's Hardware. The one judgement of a module's text, for the copy, the manifest and the analyzer.
        /// </summary>
        /// <param name="text">The module's text; null when the project has no such file (LUX0006 says so), which copies as empty.</param>
        public static (OutputFile? File, DiagnosticInfo? Withheld) Hardware(HardwareModule module, string? text) =>
            PrivateKeyMaterial.Find(text ?? "") is { } kind
                ? (null, LuxDiagnostics.PrivateKeyInNixFile.At(module.Span, module.HostName, module.SourcePath, kind))
                : (new OutputFile(module.OutputPath, text ?? ""), null);

        /// <summary>Removes every file that holds private key material, with LUX2006 unless it was reported already.</summary>
        public static void WithholdKeyMaterial(List<OutputFile> files, List<DiagnosticInfo> diagnostics, IEnumerable<DiagnosticInfo>? reported = null)
        {
            var withheld = files.Where(f => PrivateKeyMaterial.Find(f.Content) is not null).ToList();
            foreach (var file in withheld)
            {
                files.Remove(file);
                if (!diagnostics.Concat(reported ?? []).Any(d => d.Id == LuxDiagnostics.PrivateKeyWithheld.Id))
                    diagnostics.Add(LuxDiagnostics.PrivateKeyWithheld.At(SourceSpan.None, file.Path));
            }
        }

        /// <summary>The diagnostic with any private key material its arguments echo cut out.</summary>
        private static DiagnosticInfo Redacted(DiagnosticInfo diagnostic) =>
            diagnostic.Arguments.Any(a => PrivateKeyMaterial.Find(a) is not null)
                ? diagnostic with { Arguments = diagnostic.Arguments.Select(PrivateKeyMaterial.Redact).ToEquatableArray() }
                : diagnostic;
    }
}
