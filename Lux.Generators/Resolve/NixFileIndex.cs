using System;
using System.Collections.Generic;

namespace Lux.Generators.Resolve
{
    /// <summary>
    /// The paths of the project's Nix files, found by the path a host's <c>NixFile</c> gives. Indexed by file name so
    /// each host looks at the few files that can match instead of all of them (a fleet of n hosts with a
    /// hardware module each would otherwise cost n² path comparisons).
    /// </summary>
    internal sealed class NixFileIndex
    {
        private readonly Dictionary<string, List<(int Order, string Path)>> byFileName = new(StringComparer.Ordinal);

        /// <summary>Files in the given order: of several that match, the first wins; a path given twice counts once.</summary>
        public NixFileIndex(IEnumerable<string> paths)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var given in paths)
            {
                var path = given.Replace('\\', '/');
                if (seen.Add(path))
                    Bucket(FileName(path), create: true)!.Add((seen.Count - 1, path));
            }
        }

        /// <summary>
        /// The file at <paramref name="path"/> ('/'-separated), matched as the end of a file's path
        /// (<c>Hosts/hardware/orion.nix</c>, <c>./hardware/orion.nix</c>) or exactly.
        /// </summary>
        public string? Find(string path)
        {
            var trimmed = path.TrimStart('.', '/');
            var suffix = "/" + trimmed;
            // A match ends with the suffix or is the path: its file name is the last segment of one of them.
            var bySuffix = Bucket(FileName(trimmed), create: false);
            var byPath = FileName(trimmed) == FileName(path) ? null : Bucket(FileName(path), create: false);
            (int Order, string Path)? first = null;
            foreach (var bucket in new[] { bySuffix, byPath })
            {
                foreach (var candidate in bucket ?? [])
                {
                    if ((candidate.Path.EndsWith(suffix, StringComparison.Ordinal) || candidate.Path == path) && (first is null || candidate.Order < first.Value.Order))
                    {
                        first = candidate;
                        break;
                    }
                }
            }
            return first?.Path;
        }

        private List<(int Order, string Path)>? Bucket(string fileName, bool create)
        {
            if (!byFileName.TryGetValue(fileName, out var bucket) && create)
                byFileName[fileName] = bucket = new();
            return bucket;
        }

        private static string FileName(string path) => path.Substring(path.LastIndexOf('/') + 1);
    }
}
