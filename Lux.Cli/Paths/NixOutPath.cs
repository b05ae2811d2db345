using System;
using System.IO;
using System.Text;

namespace Lux.Cli.Paths
{
    /// <summary>
    /// The rules for the relative paths of nix-out files. They are checked as strings, before anything
    /// touches the disk, so no path the generator (or a tampered manifest) names can leave nix-out.
    /// </summary>
    internal static class NixOutPath
    {
        private const int MaxSegmentBytes = 255;

        /// <summary>Returns why <paramref name="path"/> is not a valid nix-out path, or null when it is.</summary>
        public static string? Validate(string path)
        {
            if (path.Length == 0)
                return "the path is empty";
            foreach (var c in path)
            {
                if (char.IsControl(c))
                    return c == '\0' ? "the path contains NUL" : $"the path contains the control character U+{(int)c:X4}";
                if (c == '\\')
                    return "the path contains a backslash; nix-out paths are '/'-separated";
            }
            if (path[0] == '/' || Path.IsPathRooted(path))
                return "the path is absolute; nix-out paths are relative to nix-out/";
            // ':' makes drive-relative paths and alternate data streams on Windows.
            if (path.Contains(':', StringComparison.Ordinal))
                return "the path contains ':'";

            var segments = path.Split('/');
            foreach (var segment in segments)
            {
                switch (segment)
                {
                    case "":
                        return "the path has an empty segment ('//' or a trailing '/')";
                    case "..":
                        return "the path contains '..'";
                    case ".":
                        return "the path contains a '.' segment";
                }
                // The common limit of ext4, btrfs, APFS and NTFS; checked here so the error names the path.
                if (Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
                    return $"the segment '{segment}' is longer than {MaxSegmentBytes} bytes";
                if (NixOutLayout.IsTemporaryName(segment))
                    return $"'{segment}' looks like a Lux temporary file";
            }
            if (NixOutLayout.IsReservedRootName(segments[0]))
                return $"'{segments[0]}' at the root of nix-out is reserved for Lux's bookkeeping";
            return null;
        }

        /// <summary>The absolute path of a valid nix-out path under <paramref name="outputDirectory"/>.</summary>
        public static string ToFullPath(string outputDirectory, string path) =>
            Path.Join(outputDirectory, path.Replace('/', Path.DirectorySeparatorChar));

        /// <summary>The nix-out path of each directory above <paramref name="path"/>, outermost first: "a", "a/b" for "a/b/c".</summary>
        public static string[] Ancestors(string path)
        {
            var ancestors = new string[path.AsSpan().Count('/')];
            var index = 0;
            for (var i = 0; i < path.Length; i++)
            {
                if (path[i] == '/')
                    ancestors[index++] = path.Substring(0, i);
            }
            return ancestors;
        }
    }
}
