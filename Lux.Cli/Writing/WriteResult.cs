using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Cli.Diagnostics;

namespace Lux.Cli.Writing
{
    /// <summary>What one <c>lux write</c> did, and the lines it prints on stdout.</summary>
    public sealed class WriteResult
    {
        private WriteResult(int exitCode, IReadOnlyList<string> outputLines)
        {
            ExitCode = exitCode;
            OutputLines = outputLines;
        }

        /// <summary>0 when nix-out is up to date, 1 otherwise.</summary>
        public int ExitCode { get; }

        public bool Succeeded => ExitCode == 0;

        /// <summary>The lines for stdout: one summary line on success; canonical MSBuild error lines otherwise.</summary>
        public IReadOnlyList<string> OutputLines { get; }

        /// <summary>The writer's own errors (LUX0900–LUX0909).</summary>
        public IReadOnlyList<WriterDiagnostic> Errors { get; private init; } = Array.Empty<WriterDiagnostic>();

        /// <summary>The generator's error lines that blocked writing, verbatim.</summary>
        public IReadOnlyList<string> ConfigErrors { get; private init; } = Array.Empty<string>();

        public int Written { get; private init; }

        public int Deleted { get; private init; }

        public int Unchanged { get; private init; }

        internal static WriteResult Success(string outputDirectory, int written, int deleted, int unchanged, IReadOnlyList<string>? suppressed = null, string? note = null)
        {
            var summary = $"lux: {DisplayName(outputDirectory)}/ → {written} written, {deleted} deleted, {unchanged} unchanged ({outputDirectory})";
            // A suppressed policy error stays visible as a warning: nix-out was written knowing it.
            var warnings = (suppressed ?? Array.Empty<string>())
                .Select(line => line.Replace(": error LUX", ": warning LUX") + " (suppressed in the config; nix-out written anyway)");
            // A note (fleet.svg not drawn) comes before the summary, which stays the last line.
            return new WriteResult(0, warnings.Concat(note is null ? Array.Empty<string>() : new[] { note }).Append(summary).ToArray()) { Written = written, Deleted = deleted, Unchanged = unchanged };
        }

        internal static WriteResult BlockedByConfigErrors(string outputDirectory, IReadOnlyList<string> configErrors)
        {
            // The generator's lines are canonical MSBuild errors already: print them as they are.
            var lines = configErrors.Append($"lux: {DisplayName(outputDirectory)} not written: {configErrors.Count} error(s) in the config").ToArray();
            return new WriteResult(1, lines) { ConfigErrors = configErrors };
        }

        internal static WriteResult Failure(IReadOnlyList<WriterDiagnostic> errors) =>
            new(1, errors.Select(error => error.ToCanonicalLine()).ToArray()) { Errors = errors };

        private static string DisplayName(string outputDirectory) => System.IO.Path.GetFileName(outputDirectory) is { Length: > 0 } name ? name : outputDirectory;
    }
}
