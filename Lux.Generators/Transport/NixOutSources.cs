using Lux.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Lux.Generators.Transport
{
    /// <summary>
    /// The one place nix-out is handed to the compiler: every file, the manifest and lux explain's records become generated sources in
    /// <see cref="GeneratedSourceFormat"/>, which the writer (Lux.Cli) reads back after compilation. A new transport
    /// changes this file and the format, not the pipeline.
    /// </summary>
    internal static class NixOutSources
    {
        public static void AddFile(SourceProductionContext context, OutputFile file) =>
            context.AddSource(GeneratedSourceFormat.HintNameFor(file.Path), GeneratedSourceFormat.EncodeFile(file.Path, file.Content));

        public static void AddManifest(SourceProductionContext context, Manifest manifest) =>
            context.AddSource(GeneratedSourceFormat.ManifestHintName, GeneratedSourceFormat.EncodeManifest(manifest.Paths, manifest.Errors, manifest.PolicyErrors));

        /// <summary>A host's explain record, beside nix-out but never in it: lux explain reads it, the writer skips it.</summary>
        public static void AddExplanation(SourceProductionContext context, HostExplanationSource explanation) =>
            context.AddSource(GeneratedSourceFormat.ExplanationHintNameFor(explanation.HostName), explanation.Source);

        public static void AddExplanationIndex(SourceProductionContext context, string index) =>
            context.AddSource(GeneratedSourceFormat.ExplanationIndexHintName, index);
    }
}
