using System;
using System.Collections.Generic;
using Lux.Cli.Diagnostics;

namespace Lux.Cli.Paths
{
    /// <summary>The rules a set of generated paths must obey together, on top of each path's own (<see cref="NixOutPath"/>).</summary>
    internal static class ProducedPathRules
    {
        /// <summary>Every problem with <paramref name="paths"/>, reported against <paramref name="origin"/> (the manifest that lists them).</summary>
        public static List<WriterDiagnostic> Check(IEnumerable<string> paths, string origin)
        {
            var problems = new List<WriterDiagnostic>();
            var exact = new HashSet<string>(StringComparer.Ordinal);
            // macOS and Windows fold case, and nix-out is committed: paths must stay distinct there too.
            var folded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

            foreach (var path in paths)
            {
                if (NixOutPath.Validate(path) is { } reason)
                    problems.Add(Problem(origin, $"nix-out path '{path}' is refused: {reason}."));
                else if (!exact.Add(path))
                    problems.Add(Problem(origin, $"nix-out path '{path}' is produced twice."));
                else if (folded.TryGetValue(path, out var other))
                    problems.Add(Problem(origin, $"nix-out paths '{other}' and '{path}' differ only in case; they would be one file on macOS and Windows."));
                else
                    folded.Add(path, path);
            }

            foreach (var path in folded.Keys)
            {
                foreach (var ancestor in NixOutPath.Ancestors(path))
                {
                    if (folded.TryGetValue(ancestor, out var file))
                        problems.Add(Problem(origin, $"nix-out path '{file}' is a file, but '{path}' needs it to be a directory."));
                }
            }
            return problems;
        }

        private static WriterDiagnostic Problem(string origin, string message) => new(WriterErrorCodes.InvalidPath, origin, message);
    }
}
