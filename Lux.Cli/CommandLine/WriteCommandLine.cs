using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Lux.Cli.CommandLine
{
    /// <summary>The arguments of <c>lux write --generated &lt;dir&gt; --out &lt;nix-out dir&gt; [--analyzers-ran]</c>.</summary>
    public sealed record WriteCommandLine(string GeneratedDirectory, string OutputDirectory)
    {
        public const string Usage = "usage: lux write --generated <dir> --out <nix-out dir> [--analyzers-ran]";

        /// <summary>Lux's analyzers ran in the compilation, so policy errors that reach the writer were suppressed on purpose.</summary>
        public bool AnalyzersRan { get; init; }

        public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out WriteCommandLine? commandLine, [NotNullWhen(false)] out string? error)
        {
            commandLine = null;
            if (args.Count == 0 || args[0] != "write")
            {
                error = args.Count == 0 ? "no command given." : $"unknown command '{args[0]}'.";
                return false;
            }

            string? generated = null;
            string? output = null;
            var analyzersRan = false;
            for (var i = 1; i < args.Count; i++)
            {
                var option = args[i];
                if (option == "--analyzers-ran")
                {
                    analyzersRan = true;
                    continue;
                }
                if (option is not ("--generated" or "--out"))
                {
                    error = $"unknown option '{option}'.";
                    return false;
                }
                if (i + 1 >= args.Count || args[i + 1].Length == 0)
                {
                    error = $"option '{option}' needs a directory.";
                    return false;
                }
                if ((option == "--generated" ? generated : output) is not null)
                {
                    error = $"option '{option}' is given twice.";
                    return false;
                }
                if (option == "--generated")
                    generated = args[++i];
                else
                    output = args[++i];
            }

            if (generated is null || output is null)
            {
                error = $"option '{(generated is null ? "--generated" : "--out")}' is required.";
                return false;
            }
            commandLine = new WriteCommandLine(generated, output) { AnalyzersRan = analyzersRan };
            error = null;
            return true;
        }
    }
}
