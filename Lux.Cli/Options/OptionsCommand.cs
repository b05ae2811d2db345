using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Lux.Cli.Options
{
    /// <summary>
    /// <c>lux options generate [--schemas dir] [--out dir] [--check]</c>: writes Lux.Dsl's option trees from the
    /// committed schemas, or with --check says whether the committed trees are what the schemas give.
    /// </summary>
    public static class OptionsCommand
    {
        public const string Usage = "usage: lux options generate [--schemas <dir>] [--root <repository>] [--check]";

        public static int Run(IReadOnlyList<string> args, TextWriter output)
        {
            var root = Directory.GetCurrentDirectory();
            string? schemas = null;
            var check = false;
            for (var i = 1; i < args.Count; i++)
            {
                switch (args[i])
                {
                    case "--check":
                        check = true;
                        break;
                    case "--schemas" when i + 1 < args.Count:
                        schemas = args[++i];
                        break;
                    case "--root" when i + 1 < args.Count:
                        root = args[++i];
                        break;
                    default:
                        output.WriteLine($"lux options: unknown argument '{args[i]}'. {Usage}");
                        return 2;
                }
            }
            if (args.Count == 0 || args[0] != "generate")
            {
                output.WriteLine(Usage);
                return 2;
            }
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
