using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace Lux.Cli.Options
{
    /// <summary>
    /// <c>lux options generate [--schemas dir] [--root dir] [--check]</c>: writes Lux.Dsl's option trees from the
    /// committed schemas, or with --check says whether the committed trees are what the schemas give.
    /// </summary>
    public static class OptionsCommand
    {
        /// <summary>
        /// <c>lux options generate</c>. Exit codes: 0 written (or, with --check, current), 1 --check found files that differ
        /// from what the schemas give, 2 bad command line.
        /// </summary>
        internal static Command Command(TextWriter output, string currentDirectory)
        {
            var schemas = new Option<string>("--schemas") { Description = "The option schemas to read. Default: <root>/options/schemas.", HelpName = "dir" };
            var root = new Option<string>("--root") { Description = "The Lux repository. Default: the current directory.", HelpName = "dir" };
            var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when the committed trees are not what the schemas give." };
            var generate = new Command("generate", "Writes Lux.Dsl's typed option trees and the generator's enum table from the option schemas. " +
                "Exit codes: 0 written (with --check: current), 1 with --check: files differ, 2 bad command line.")
            {
                schemas, root, check,
            };
            generate.SetAction(parsed =>
            {
                var repository = Path.GetFullPath(parsed.GetValue(root) ?? ".", currentDirectory);
                return Run(repository, parsed.GetValue(schemas) is { } given ? Path.GetFullPath(given, currentDirectory) : null, parsed.GetValue(check), output);
            });
            return new Command("options", "The typed option trees Lux.Dsl is generated with.") { generate };
        }

        public static int Run(string root, string? schemas, bool check, TextWriter output)
        {
            schemas ??= Path.Combine(root, "options", "schemas");
            var result = Generate(schemas);
            var target = Path.Combine(root, "Lux.Dsl", "Options", "Generated");
            var stale = Compare(result, root, target);
            if (check)
            {
                foreach (var file in stale)
                    output.WriteLine("lux options: " + file + " is not what the schemas give: run lux options generate");
                return stale.Count == 0 ? 0 : 1;
            }
            foreach (var existing in Directory.Exists(target) ? Directory.GetFiles(target, "*.cs", SearchOption.AllDirectories) : Array.Empty<string>())
            {
                if (!result.Files.ContainsKey(Relative(root, existing)))
                    File.Delete(existing);
            }
            foreach (var file in result.Files)
            {
                var path = Path.Combine(root, file.Key);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                if (!File.Exists(path) || File.ReadAllText(path) != file.Value)
                    File.WriteAllText(path, file.Value);
            }
            output.WriteLine($"lux options: {result.Reached} of {result.Options} options typed, {result.Files.Count} files in {Relative(root, target)}");
            foreach (var missing in result.Unreached.Take(20))
                output.WriteLine("lux options: not reachable: " + missing);
            return 0;
        }

        public static OptionTreeWriter.Result Generate(string schemaDirectory) =>
            OptionTreeWriter.Write(Directory.GetFiles(schemaDirectory, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(OptionSchema.Load).ToArray());

        /// <summary>Files that differ from, are missing from or are extra to what the schemas give.</summary>
        public static IReadOnlyList<string> Compare(OptionTreeWriter.Result result, string root, string target)
        {
            var stale = new List<string>();
            foreach (var file in result.Files)
            {
                var path = Path.Combine(root, file.Key);
                if (!File.Exists(path) || File.ReadAllText(path) != file.Value)
                    stale.Add(file.Key);
            }
            if (Directory.Exists(target))
                stale.AddRange(Directory.GetFiles(target, "*.cs", SearchOption.AllDirectories).Select(f => Relative(root, f)).Where(f => !result.Files.ContainsKey(f)));
            return stale.OrderBy(s => s, StringComparer.Ordinal).ToArray();
        }

        private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
    }
}
