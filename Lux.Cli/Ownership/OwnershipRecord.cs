using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Lux.Cli.Diagnostics;
using Lux.Cli.FileSystem;
using Lux.Cli.Paths;

namespace Lux.Cli.Ownership
{
    /// <summary>
    /// nix-out/.lux-manifest: the sorted paths of the files Lux wrote, one a line. It is committed, so a clean clone
    /// knows which files Lux may replace or delete; everything else in nix-out belongs to the user.
    /// </summary>
    internal static class OwnershipRecord
    {
        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static string FullPath(string outputDirectory) => Path.Join(outputDirectory, NixOutLayout.RecordFileName);

        /// <summary>The paths Lux wrote last time; empty when nix-out has no record yet.</summary>
        public static IReadOnlySet<string> Read(string outputDirectory)
        {
            var recordPath = FullPath(outputDirectory);
            switch (PathProbe.Of(recordPath).Kind)
            {
                case EntryKind.Missing:
                    return new HashSet<string>(StringComparer.Ordinal);
                case EntryKind.Link:
                    throw Invalid(WriterErrorCodes.SymbolicLink, recordPath, "Lux's record of the files it wrote is a symbolic link; Lux only writes through real files.");
                case EntryKind.Directory:
                    throw Invalid(WriterErrorCodes.OwnershipRecordInvalid, recordPath, "Lux's record of the files it wrote is a directory.");
            }

            string text;
            try
            {
                text = StrictUtf8.GetString(File.ReadAllBytes(recordPath));
            }
            catch (DecoderFallbackException)
            {
                throw Invalid(WriterErrorCodes.OwnershipRecordInvalid, recordPath, "Lux's record of the files it wrote is not valid UTF-8.");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Invalid(WriterErrorCodes.OwnershipRecordInvalid, recordPath, $"Lux's record of the files it wrote could not be read: {e.Message}");
            }

            var paths = new HashSet<string>(StringComparer.Ordinal);
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                // A checkout with core.autocrlf turns the record's line endings into CRLF.
                var path = lines[i].TrimEnd('\r');
                if (path.Length == 0)
                    continue;
                // The record decides what gets deleted: a path in it must obey the same rules as a generated one.
                if (NixOutPath.Validate(path) is { } reason)
                    throw Invalid(WriterErrorCodes.OwnershipRecordInvalid, recordPath, $"line {i + 1}, '{path}': {reason}. Restore the file from version control.");
                paths.Add(path);
            }
            return paths;
        }

        /// <summary>The bytes of a record listing <paramref name="paths"/>: sorted ordinally, '\n' after each, so it is deterministic.</summary>
        public static byte[] Format(IEnumerable<string> paths)
        {
            var text = new StringBuilder();
            foreach (var path in paths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                text.Append(path).Append('\n');
            return StrictUtf8.GetBytes(text.ToString());
        }

        /// <summary>Atomically replaces the record, unless it already lists exactly <paramref name="paths"/>.</summary>
        public static void Write(string outputDirectory, IEnumerable<string> paths) =>
            AtomicFile.WriteIfChanged(FullPath(outputDirectory), Format(paths));

        private static WriterException Invalid(string code, string recordPath, string message) =>
            new(new WriterDiagnostic(code, recordPath, message));
    }
}
