using System;
using System.IO;
using System.Security.Cryptography;

namespace Lux.Cli.Paths
{
    /// <summary>The names Lux keeps for itself inside nix-out, and how it names its temporary files.</summary>
    internal static class NixOutLayout
    {
        /// <summary>The sorted list of the files Lux wrote: committed, so a clean clone knows what Lux owns.</summary>
        public const string RecordFileName = ".lux-manifest";

        /// <summary>Held exclusively while writing. Never deleted: deleting a lock file races with its next taker.</summary>
        public const string LockFileName = ".lux-lock";

        /// <summary>Created when missing, so the lock never shows in git status.</summary>
        public const string GitIgnoreFileName = ".gitignore";

        private const string TemporaryPrefix = ".lux-tmp-";
        private const int TemporarySuffixLength = 16;

        /// <summary>True for names at the root of nix-out that the generator may not produce.</summary>
        public static bool IsReservedRootName(string name) =>
            name is RecordFileName or LockFileName or GitIgnoreFileName;

        /// <summary>
        /// A fresh sibling of <paramref name="fullPath"/> to write before renaming over it. Its name has a fixed length,
        /// so a target whose name is near the file system's limit still gets one.
        /// </summary>
        public static string TemporaryPathFor(string fullPath)
        {
            var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(TemporarySuffixLength / 2));
            return Path.Join(Path.GetDirectoryName(fullPath), TemporaryPrefix + suffix);
        }

        /// <summary>True for names <see cref="TemporaryPathFor"/> makes: what a crash mid-write leaves behind.</summary>
        public static bool IsTemporaryName(string name) =>
            name.Length == TemporaryPrefix.Length + TemporarySuffixLength
            && name.StartsWith(TemporaryPrefix, StringComparison.Ordinal)
            && name.AsSpan(TemporaryPrefix.Length).IndexOfAnyExcept("0123456789abcdef") < 0;
    }
}
