using System;
using System.IO;
using System.Linq;
using Lux.Cli.Diagnostics;
using Lux.Cli.FileSystem;
using Lux.Cli.Ownership;
using Lux.Cli.Paths;

namespace Lux.Cli.Writing
{
    /// <summary>Carries out a checked <see cref="WritePlan"/>: stale files go, changed files are replaced atomically, the record comes last.</summary>
    internal static class PlanExecutor
    {
        public static void Execute(string outputDirectory, WritePlan plan)
        {
            var recordPath = OwnershipRecord.FullPath(outputDirectory);

            // Should a write fail or the process die midway, the files written so far must already be on record as
            // Lux's, or the next run would take them for the user's and refuse to replace them.
            if (plan.ClaimsNewFiles)
                Change(recordPath, () => OwnershipRecord.Write(outputDirectory, plan.PreviousRecord.Concat(plan.ProducedPaths)));

            foreach (var path in plan.Deletions)
            {
                var fullPath = NixOutPath.ToFullPath(outputDirectory, path);
                Change(fullPath, () => File.Delete(fullPath));
                RemoveEmptyDirectories(Path.GetDirectoryName(fullPath)!, outputDirectory);
            }

            foreach (var write in plan.Writes)
            {
                Change(write.FullPath, () =>
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(write.FullPath)!);
                    AtomicFile.Write(write.FullPath, write.Content);
                });
            }

            Change(recordPath, () => OwnershipRecord.Write(outputDirectory, plan.ProducedPaths));
        }

        /// <summary>Removes the directories that deleting a file emptied, up to nix-out itself.</summary>
        private static void RemoveEmptyDirectories(string directory, string outputDirectory)
        {
            while (directory.Length > outputDirectory.Length && directory.StartsWith(outputDirectory, StringComparison.Ordinal))
            {
                try
                {
                    if (Directory.EnumerateFileSystemEntries(directory).Any())
                        return;
                    Directory.Delete(directory);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return; // Best effort: an empty directory left behind does no harm and git does not see it.
                }
                directory = Path.GetDirectoryName(directory)!;
            }
        }

        private static void Change(string fullPath, Action change)
        {
            try
            {
                change();
            }
            catch (UnauthorizedAccessException e)
            {
                throw new WriterException(new WriterDiagnostic(WriterErrorCodes.NotWritable, fullPath,
                    $"access denied, so nix-out is only partly updated (every file in it is whole, old or new). Fix the permissions and build again. ({e.Message})"));
            }
            catch (IOException e)
            {
                throw new WriterException(new WriterDiagnostic(WriterErrorCodes.IoFailure, fullPath,
                    $"could not be changed, so nix-out is only partly updated (every file in it is whole, old or new). Build again once fixed. ({e.Message})"));
            }
        }
    }
}
