using System;
using System.Collections.Generic;
using System.Linq;

namespace Lux.Generators.Diagnostics
{
    /// <summary>
    /// The names to suggest for a name that does not exist (an option path segment in LUX3001, a host or aspect
    /// given to the CLI): the known names nearest by edit distance, so "orin" is answered with "orion".
    /// Shared, as source, by the generator and the CLI, so both suggest alike.
    /// </summary>
    internal static class ClosestNames
    {
        /// <summary>At most <paramref name="limit"/> known names within a distance that grows with the name's length, nearest first, ties by name.</summary>
        public static IReadOnlyList<string> For(string unknown, IEnumerable<string> known, int limit = 3)
        {
            // A third of the length, and two slips for short names; beyond that a suggestion is noise.
            var tolerance = Math.Max(2, unknown.Length / 3);
            return known
                .Distinct(StringComparer.Ordinal)
                .Select(name => (Name: name, Distance: Distance(unknown, name)))
                .Where(candidate => candidate.Distance <= tolerance)
                .OrderBy(candidate => candidate.Distance)
                .ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
                .Take(limit)
                .Select(candidate => candidate.Name)
                .ToList();
        }

        /// <summary>
        /// Optimal string alignment distance, case-insensitive: insertions, deletions, substitutions and swaps of
        /// adjacent characters cost one each (a swap is the commonest typo; Levenshtein alone would charge two).
        /// </summary>
        public static int Distance(string a, string b)
        {
            var rows = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++)
                rows[i, 0] = i;
            for (var j = 0; j <= b.Length; j++)
                rows[0, j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                    var best = Math.Min(Math.Min(rows[i - 1, j] + 1, rows[i, j - 1] + 1), rows[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1
                        && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2])
                        && char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                        best = Math.Min(best, rows[i - 2, j - 2] + 1);
                    rows[i, j] = best;
                }
            }
            return rows[a.Length, b.Length];
        }
    }
}
