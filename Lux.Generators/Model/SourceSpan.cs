using System;
using System.Globalization;

namespace Lux.Generators.Model
{
    /// <summary>
    /// Where something came from, kept as plain data (no Location or SyntaxTree in pipeline models).
    /// Lines and columns are zero-based, as Roslyn's; <see cref="ToString"/> shows them one-based.
    /// </summary>
    internal sealed record SourceSpan(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public static readonly SourceSpan None = new("", 0, 0, 0, 0, 0, 0);

        public bool IsNone => Path.Length == 0;

        /// <summary>Canonical compiler form: <c>path(line,col)</c>.</summary>
        public string ToCanonical() => string.Format(CultureInfo.InvariantCulture, "{0}({1},{2})", Path, StartLine + 1, StartColumn + 1);

        /// <summary>The file (relative to <paramref name="baseDirectory"/> when under it) and one-based line, for Nix comments.</summary>
        public string ToProvenance(string baseDirectory) =>
            RelativePath(baseDirectory) + ":" + (StartLine + 1).ToString(CultureInfo.InvariantCulture);

        /// <summary>The file relative to <paramref name="baseDirectory"/> when under it, else its name alone; '/'-separated.</summary>
        public string RelativePath(string baseDirectory)
        {
            var path = Path.Replace('\\', '/');
            var root = baseDirectory.Replace('\\', '/');
            if (root.Length > 0 && !root.EndsWith("/", StringComparison.Ordinal))
                root += "/";
            if (root.Length > 1 && path.StartsWith(root, StringComparison.Ordinal))
                return path.Substring(root.Length);
            return System.IO.Path.GetFileName(path);
        }
    }
}
