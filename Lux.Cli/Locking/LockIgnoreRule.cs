using System.IO;
using System.Text;
using Lux.Cli.FileSystem;
using Lux.Cli.Paths;

namespace Lux.Cli.Locking
{
    /// <summary>
    /// nix-out is committed and .lux-lock stays behind after every write, so nix-out/.gitignore must ignore it or
    /// every build would leave git status dirty. Lux creates that .gitignore when there is none (commit it with the
    /// rest of nix-out) and never touches one that exists: a user's own must list /.lux-lock itself.
    /// </summary>
    internal static class LockIgnoreRule
    {
        private const string Content =
            "# The lock Lux holds while it writes nix-out/; it stays empty and is never committed.\n" +
            "/" + NixOutLayout.LockFileName + "\n";

        /// <summary>Creates nix-out/.gitignore when nothing is at that path. True when it did.</summary>
        public static bool EnsureExists(string outputDirectory)
        {
            var path = Path.Join(outputDirectory, NixOutLayout.GitIgnoreFileName);
            if (PathProbe.Of(path).Kind != EntryKind.Missing)
                return false;
            AtomicFile.Write(path, Encoding.UTF8.GetBytes(Content));
            return true;
        }
    }
}
