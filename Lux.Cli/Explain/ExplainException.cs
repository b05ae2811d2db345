using System;
using System.Collections.Generic;
using System.Linq;

namespace Lux.Cli.Explain
{
    /// <summary><c>lux explain</c>'s exit codes (documented in Lux.Cli/README.md and docs/explain.md).</summary>
    internal static class ExplainExitCodes
    {
        /// <summary>The question was answered (also "no, it does not apply").</summary>
        public const int Answered = 0;

        /// <summary>A host, user, aspect or option the fleet does not have; the closest names are suggested.</summary>
        public const int NotFound = 1;

        /// <summary>The command line is wrong (System.CommandLine's parse errors).</summary>
        public const int Usage = 2;

        /// <summary>No explain records: no fleet project found, or it was never built.</summary>
        public const int NoRecords = 3;
    }

    /// <summary>Why <c>lux explain</c> cannot answer: the message a person reads, and for --json what kind of failure and which names come close.</summary>
    internal sealed class ExplainException : Exception
    {
        public ExplainException(int exitCode, string message, string kind = "no-records", string? name = null, IReadOnlyList<string>? suggestions = null)
            : base(message)
        {
            ExitCode = exitCode;
            Kind = kind;
            Name = name;
            Suggestions = suggestions ?? Array.Empty<string>();
        }

        public int ExitCode { get; }

        /// <summary>no-records, unknown-host, unknown-user, unknown-aspect, unknown-option.</summary>
        public string Kind { get; }

        public string? Name { get; }

        public IReadOnlyList<string> Suggestions { get; }

        /// <param name="note">Said after the suggestions: what else the person should know.</param>
        public static ExplainException Unknown(string kind, string name, string message, IReadOnlyList<string> suggestions, string note = "") =>
            new(ExplainExitCodes.NotFound, message + (suggestions.Count == 0 ? "" : " Did you mean " + OneOf(suggestions) + "?") + note,
                "unknown-" + kind, name, suggestions);

        private static string OneOf(IReadOnlyList<string> names) =>
            names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }
}
