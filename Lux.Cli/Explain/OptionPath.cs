using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Lux.Cli.Explain
{
    /// <summary>
    /// An attribute path as Nix writes it and people type it: <c>programs.niri.settings.outputs."DP-1"</c>. Quotes keep dots
    /// in a name; the segments compare without them, so <c>outputs.DP-1</c> and <c>outputs."DP-1"</c> are one path.
    /// </summary>
    internal static class OptionPath
    {
        public static IReadOnlyList<string> Segments(string path)
        {
            var segments = new List<string>();
            var current = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < path.Length; i++)
            {
                var c = path[i];
                if (quoted && c == '\\' && i + 1 < path.Length)
                    current.Append(path[++i]);
                else if (c == '"')
                    quoted = !quoted;
                else if (c == '.' && !quoted)
                {
                    segments.Add(current.ToString());
                    current.Clear();
                }
                else
                    current.Append(c);
            }
            segments.Add(current.ToString());
            return segments;
        }

        /// <summary>Whether <paramref name="path"/> is <paramref name="prefix"/> or lies below it.</summary>
        public static bool IsUnder(IReadOnlyList<string> path, IReadOnlyList<string> prefix) =>
            prefix.Count <= path.Count && prefix.Select((segment, i) => segment == path[i]).All(same => same);

        /// <summary>Every path and every path above it: what a person may ask about.</summary>
        public static IEnumerable<string> WithPrefixes(IEnumerable<string> paths)
        {
            var all = new HashSet<string>();
            foreach (var path in paths)
            {
                all.Add(path);
                // Cut at dots outside quotes, from the right.
                var quoted = false;
                for (var i = 0; i < path.Length; i++)
                {
                    if (path[i] == '"' && (i == 0 || path[i - 1] != '\\'))
                        quoted = !quoted;
                    else if (path[i] == '.' && !quoted)
                        all.Add(path.Substring(0, i));
                }
            }
            return all;
        }
    }
}
