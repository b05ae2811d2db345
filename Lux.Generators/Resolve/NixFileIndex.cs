using System;
using System.Collections.Generic;
using Lux.Generators.Model;

namespace Lux.Generators.Resolve
{
    /// <summary>
    /// The project's Nix files, found by the path a host's <c>NixFile</c> gives. Indexed by file name so
    /// each host looks at the few files that can match instead of all of them (a fleet of n hosts with a
    /// hardware module each would otherwise cost n² path comparisons).
    /// </summary>
    internal sealed class NixFileIndex
    {
        private readonly Dictionary<string, List<(int Order, string Path, AdditionalNixFile File)>> byFileName = new(StringComparer.Ordinal);

        /// <summary>Files in the given order: of several that match, the first wins.</summary>
        public NixFileIndex(IEnumerable<AdditionalNixFile> files)
        {
            var order = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var path = file.Path.Replace('\\', '/');
                var bucket = Bucket(FileName(path), create: true)!;
                // A later file with the same path replaces the earlier one and keeps its place, as a dictionary would.
                if (order.TryGetValue(path, out var existing))
                    bucket[bucket.FindIndex(f => f.Order == existing)] = (existing, path, file);
                else
                    bucket.Add((order[path] = order.Count, path, file));
            }
        }

        /// <summary>
        /// The file at <paramref name="path"/> ('/'-separated), matched as the end of a file's path
        /// (<c>Hosts/hardware/orion.nix</c>, <c>./hardware/orion.nix</c>) or exactly.
        /// </summary>
        public AdditionalNixFile? Find(string path)
        {
            var trimmed = path.TrimStart('.', '/');
            var suffix = "/" + trimmed;
            // A match ends with the suffix or is the path: its file name is the last segment of one of them.
            var bySuffix = Bucket(FileName(trimmed), create: false);
            var byPath = FileName(trimmed) == FileName(path) ? null : Bucket(FileName(path), create: false);
            (int Order, string Path, AdditionalNixFile File)? first = null;
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
            return first?.File;
        }

        private List<(int Order, string Path, AdditionalNixFile File)>? Bucket(string fileName, bool create)
        {
            if (!byFileName.TryGetValue(fileName, out var bucket) && create)
                byFileName[fileName] = bucket = new();
            return bucket;
        }

        private static string FileName(string path) => path.Substring(path.LastIndexOf('/') + 1);
    }
}
