using System;
using System.IO;
using System.Text;
using Lux.Generators.Emit;
using Lux.Generators.Transport;

namespace Lux.Cli.Explain
{
    /// <summary>
    /// The explain records of one build, read lazily: the index of names first (from the fleet's source), then only the
    /// source of the host asked about, so an answer on a fleet of a thousand hosts reads two files.
    /// </summary>
    internal sealed class ExplanationStore
    {
        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

        private ExplanationStore(FleetProject project, FleetIndex index)
        {
            Project = project;
            Index = index;
        }

        public FleetProject Project { get; }

        public FleetIndex Index { get; }

        public static ExplanationStore Open(FleetProject project)
        {
            var text = Decode(Path.Join(project.GeneratedDirectory, GeneratedSourceFormat.FleetHintName), GeneratedSourceFormat.FleetSubject, "");
            var index = text is null ? null : ExplainRecordFormat.ReadIndex(text);
            return new ExplanationStore(project, index ?? throw Unreadable(project, GeneratedSourceFormat.FleetHintName));
        }

        /// <summary>The record of a host the index lists.</summary>
        public HostExplanation Host(string name)
        {
            var hintName = GeneratedSourceFormat.HostHintNameFor(name);
            var text = Decode(Path.Join(Project.GeneratedDirectory, hintName), GeneratedSourceFormat.HostSubject, name);
            return (text is null ? null : ExplainRecordFormat.ReadHost(text)) ?? throw Unreadable(Project, hintName);
        }

        /// <summary>The record's text, or null when the file is missing, unreadable, broken or carries another subject.</summary>
        private static string? Decode(string path, string subject, string name)
        {
            string source;
            try
            {
                source = File.ReadAllText(path, Utf8);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
            return GeneratedSourceFormat.TryDecode(source, out var decoded, out _) && decoded.Subject == subject && decoded.Name == name
                ? decoded.Single(GeneratedSourceFormat.ExplainKind)
                : null;
        }

        private static ExplainException Unreadable(FleetProject project, string hintName) =>
            new(ExplainExitCodes.NoRecords, "lux explain: the explain record " + Path.Join(project.GeneratedDirectory, hintName) +
                " is missing or unreadable; rebuild the fleet (dotnet build) and ask again.");
    }
}
