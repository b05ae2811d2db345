using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Check.Integrity;
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
            diagnostics.Select(d => d with { Message = PrivateKeyMaterial.Redact(d.Message) })
                .GroupBy(d => (d.Id, d.Span, d.Message)).Select(g => g.First())
                .OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal).ToList();

        /// <summary>LUX0000: a bug in Lux, caught where a step would otherwise throw out of the generator.</summary>
        public static DiagnosticInfo InternalError(Exception e) =>
            new("LUX0000", "Lux failed internally (" + e.GetType().Name + ": " + e.Message + "); nix-out is left as it was. Please report this with the config that caused it.", SourceSpan.None);
    }
}
