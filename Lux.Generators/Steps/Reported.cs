using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Check.Integrity;
using Lux.Generators.Diagnostics;
using Lux.Generators.Model;

namespace Lux.Generators.Steps
{
    /// <summary>How diagnostics leave the pipeline, for the generator's manifest and the analyzer alike.</summary>
    internal static class Reported
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

        /// <summary>The diagnostic with any private key material its arguments echo cut out.</summary>
        private static DiagnosticInfo Redacted(DiagnosticInfo diagnostic) =>
            diagnostic.Arguments.Any(a => PrivateKeyMaterial.Find(a) is not null)
                ? diagnostic with { Arguments = diagnostic.Arguments.Select(PrivateKeyMaterial.Redact).ToEquatableArray() }
                : diagnostic;
    }
}
