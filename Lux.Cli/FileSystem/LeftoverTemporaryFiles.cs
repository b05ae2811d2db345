using System;
using System.IO;
using Lux.Cli.Diagnostics;
using Lux.Cli.Paths;

namespace Lux.Cli.FileSystem
{
    /// <summary>Removes the temporary files a writer killed mid-write left behind. Only safe under the nix-out lock.</summary>
    internal static class LeftoverTemporaryFiles
    {
        public static void Remove(string outputDirectory)
        {
            var options = new EnumerationOptions
            {
                RecurseSubdirectories = true,
                // Never follow a link out of nix-out (a `result` link into /nix/store, say).
                AttributesToSkip = FileAttributes.ReparsePoint,
                IgnoreInaccessible = true,
            };
            foreach (var path in Directory.EnumerateFiles(outputDirectory, "*", options))
            {
                if (!NixOutLayout.IsTemporaryName(Path.GetFileName(path)))
                    continue;
                try
                {
                    File.Delete(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new WriterException(new WriterDiagnostic(WriterErrorCodes.IoFailure, path,
                        $"a temporary file left by an interrupted write could not be removed: {e.Message}"));
                }
            }
        }
    }
}
