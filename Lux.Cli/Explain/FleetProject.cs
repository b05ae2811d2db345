using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;
using System.Linq;
using Lux.Generators.Transport;

namespace Lux.Cli.Explain
{
    /// <summary>
    /// The fleet project <c>lux explain</c> answers about, and the directory of its newest build's generated sources
    /// (<c>obj/&lt;Configuration&gt;/&lt;tfm&gt;/generated/Lux.Generators/Lux.Generators.NixGenerator/</c>, where
    /// EmitCompilerGeneratedFiles leaves them).
    /// </summary>
    internal sealed record FleetProject(string Directory, string GeneratedDirectory)
    {
        private static readonly string GeneratedTail = Path.Join("generated", "Lux.Generators", "Lux.Generators.NixGenerator");

        /// <summary>Folders never searched for a project: build output, version control, nix-out, packages.</summary>
        private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "nix-out", "node_modules", "packages" };

        private const int SearchDepth = 4;

        /// <summary>
        /// The project named by <paramref name="given"/> (a directory, a .csproj, or a generated directory itself), else the
        /// project of <paramref name="currentDirectory"/> or one above it, else the one project below it that Lux has built.
        /// </summary>
        public static FleetProject Find(string? given, string currentDirectory)
        {
            if (given is not null)
                return Named(Path.GetFullPath(given, currentDirectory));

            for (var directory = new DirectoryInfo(currentDirectory); directory is not null; directory = directory.Parent)
            {
                if (Projects(directory.FullName).Any())
                    return Built(directory.FullName) ?? throw NeverBuilt(directory.FullName);
            }

            var built = Below(currentDirectory).Select(Built).OfType<FleetProject>().ToList();
            return built.Count switch
            {
                1 => built[0],
                0 => throw new ExplainException(ExplainExitCodes.NoRecords, "lux explain: no fleet project here: " + currentDirectory +
                    " holds no project Lux has built. Run it in the fleet project's folder, or name it: --project <dir|csproj>."),
                _ => throw new ExplainException(ExplainExitCodes.NoRecords, "lux explain: several fleet projects below " + currentDirectory + " (" +
                    string.Join(", ", built.Select(p => Path.GetRelativePath(currentDirectory, p.Directory))) + "); name one: --project <dir|csproj>."),
            };
        }

        private static FleetProject Named(string path)
        {
            if (File.Exists(path) && path.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
                path = Path.GetDirectoryName(path)!;
            if (!System.IO.Directory.Exists(path))
                throw new ExplainException(ExplainExitCodes.NoRecords, "lux explain: --project: " + path + " is neither a directory nor a project file.");
            if (File.Exists(Path.Join(path, GeneratedSourceFormat.FleetHintName)))
                return new FleetProject(path, path);
            return Built(path) ?? throw NeverBuilt(path);
        }

        /// <summary>The project in <paramref name="directory"/> with its newest build's explain index, or null when Lux never built it.</summary>
        private static FleetProject? Built(string directory)
        {
            var obj = Path.Join(directory, "obj");
            if (!System.IO.Directory.Exists(obj))
                return null;
            // obj/<Configuration>/<tfm>/generated/…: the newest index is the last build's, Debug or Release.
            var newest = System.IO.Directory.EnumerateDirectories(obj).SelectMany(SafeSubdirectories)
                .Select(tfm => Path.Join(tfm, GeneratedTail))
                .Select(generated => (Generated: generated, Index: new FileInfo(Path.Join(generated, GeneratedSourceFormat.FleetHintName))))
                .Where(candidate => candidate.Index.Exists)
                .OrderByDescending(candidate => candidate.Index.LastWriteTimeUtc)
                .FirstOrDefault();
            return newest.Generated is null ? null : new FleetProject(directory, newest.Generated);
        }

        /// <summary>
        /// A source of the project (C# or Nix) changed after the build that wrote the records, or null: the answers are
        /// that build's, so an edit since deserves a word before them.
        /// </summary>
        public string? ChangedSinceBuild()
        {
            var built = File.GetLastWriteTimeUtc(Path.Join(GeneratedDirectory, GeneratedSourceFormat.FleetHintName));
            // One walk that never enters obj/ or bin/ (thousands of generated files on a large fleet) and reads each
            // file's time from the directory entry.
            var sources = new FileSystemEnumerable<string>(Directory, (ref FileSystemEntry entry) => entry.ToFullPath(),
                new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            {
                ShouldRecursePredicate = (ref FileSystemEntry entry) => !Skipped.Contains(entry.FileName.ToString()) && !entry.FileName.StartsWith("."),
                ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory &&
                    (entry.FileName.EndsWith(".cs", StringComparison.Ordinal) || entry.FileName.EndsWith(".nix", StringComparison.Ordinal)) &&
                    entry.LastWriteTimeUtc > built,
            };
            try
            {
                return sources.Select(file => Path.GetRelativePath(Directory, file)).FirstOrDefault();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static ExplainException NeverBuilt(string directory) =>
            new(ExplainExitCodes.NoRecords, "lux explain: " + directory + " has no explain records: the fleet was never built with this Lux. " +
                "Run dotnet build there first; lux explain reads what the build's compiler found.");

        private static IEnumerable<string> Projects(string directory) =>
            SafeFiles(directory, "*.csproj");

        /// <summary>Project folders below <paramref name="root"/>, breadth first, a few levels deep.</summary>
        private static IEnumerable<string> Below(string root)
        {
            var level = new List<string> { root };
            for (var depth = 0; depth < SearchDepth && level.Count > 0; depth++)
            {
                var next = new List<string>();
                foreach (var directory in level)
                {
                    if (depth > 0 && Projects(directory).Any())
                        yield return directory;
                    next.AddRange(SafeSubdirectories(directory).Where(d => !Skipped.Contains(Path.GetFileName(d)) && !Path.GetFileName(d).StartsWith('.')));
                }
                level = next;
            }
        }

        private static IEnumerable<string> SafeSubdirectories(string directory)
        {
            try
            {
                return System.IO.Directory.GetDirectories(directory).OrderBy(d => d, StringComparer.Ordinal);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Array.Empty<string>();
            }
        }

        private static IEnumerable<string> SafeFiles(string directory, string pattern)
        {
            try
            {
                return System.IO.Directory.GetFiles(directory, pattern);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Array.Empty<string>();
            }
        }
    }
}
