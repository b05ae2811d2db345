using System;
using System.IO;
using Lux.Cli.Paths;

namespace Lux.Cli.FileSystem
{
    /// <summary>Replaces files so that a reader, or a crash, sees the old bytes or the new ones, never a mix.</summary>
    internal static class AtomicFile
    {
        /// <summary>True when the file at <paramref name="fullPath"/> holds exactly <paramref name="content"/>.</summary>
        public static bool HasContent(string fullPath, ReadOnlySpan<byte> content)
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists || info.Length != content.Length)
                return false;
            return content.SequenceEqual(File.ReadAllBytes(fullPath));
        }

        /// <summary>
        /// Writes a temporary sibling, flushes it to the disk, then renames it over the target: the rename is
        /// atomic within a directory. The directory must exist.
        /// </summary>
        public static void Write(string fullPath, ReadOnlySpan<byte> content)
        {
            var temporaryPath = NixOutLayout.TemporaryPathFor(fullPath);
            try
            {
                using (var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
                {
                    stream.Write(content);
                    // Without this, a power loss right after the rename can leave an empty file under the new name.
                    stream.Flush(flushToDisk: true);
                }
                File.Move(temporaryPath, fullPath, overwrite: true);
            }
            catch
            {
                TryDelete(temporaryPath);
                throw;
            }
        }

        /// <summary>Writes only when the bytes differ, so an unchanged file keeps its timestamp. True when it wrote.</summary>
        public static bool WriteIfChanged(string fullPath, ReadOnlySpan<byte> content)
        {
            if (HasContent(fullPath, content))
                return false;
            Write(fullPath, content);
            return true;
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The cleanup of a failed write; the next run removes what is left (see NixOutLayout.IsTemporaryName).
            }
        }
    }
}
