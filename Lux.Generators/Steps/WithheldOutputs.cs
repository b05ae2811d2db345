using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Check.Integrity;
using Lux.Generators.Diagnostics;
using Lux.Generators.Model;

namespace Lux.Generators.Steps
{
    /// <summary>
    /// LUX2006's last guard, where output is made: a nix-out file that would hold private key material is not emitted
    /// at all, so the material reaches neither generated sources (obj/, the assembly) nor nix-out. The checks have
    /// reported where it came from; the manifest's errors keep the writer from touching nix-out, which stays as it was.
    /// </summary>
    internal static class WithheldOutputs
    {
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
        public static void Remove(List<OutputFile> files, List<DiagnosticInfo> diagnostics, IEnumerable<DiagnosticInfo>? reported = null)
        {
            var withheld = files.Where(f => PrivateKeyMaterial.Find(f.Content) is not null).ToList();
            foreach (var file in withheld)
            {
                files.Remove(file);
                if (!diagnostics.Concat(reported ?? []).Any(d => d.Id == LuxDiagnostics.PrivateKeyWithheld.Id))
                    diagnostics.Add(LuxDiagnostics.PrivateKeyWithheld.At(SourceSpan.None, file.Path));
            }
        }
    }
}
