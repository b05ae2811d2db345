using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Lux.Cli.Diagnostics;
using Lux.Cli.Explain;
using Lux.Cli.Options;

namespace Lux.Cli.CommandLine
{
    /// <summary>
    /// <c>lux</c>'s commands: <c>write</c> (run by the build), <c>explain</c>, <c>options generate</c>. Parsing, help and
    /// usage errors are System.CommandLine's; each command's action returns its exit code.
    /// </summary>
    public static class LuxCommandLine
    {
        /// <summary>A command line that does not parse: every command answers it with this code, after saying what is wrong.</summary>
        public const int UsageExitCode = 2;

        /// <summary>Runs <c>lux</c> with <paramref name="args"/>; what it prints goes to the two writers, paths are relative to <paramref name="currentDirectory"/>.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter error, string currentDirectory)
        {
            var root = Root(output, error, currentDirectory);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                // lux write runs under MSBuild, which turns only canonical error lines on stdout into build errors.
                if (parsed.CommandResult.Command.Name == "write")
                {
                    var message = string.Join(" ", parsed.Errors.Select(e => e.Message)) + " " + WriteCommandLine.Usage;
                    output.WriteLine(new WriterDiagnostic(WriterErrorCodes.InvalidInvocation, null, message).ToCanonicalLine());
                }
                else
                {
                    foreach (var parseError in parsed.Errors)
                        error.WriteLine("lux: " + parseError.Message);
                    error.WriteLine("Run '" + string.Join(" ", new[] { "lux" }.Concat(CommandPath(parsed.CommandResult.Command))) + " --help' for usage.");
                }
                return UsageExitCode;
            }
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        }

        private static RootCommand Root(TextWriter output, TextWriter error, string currentDirectory)
        {
            var root = new RootCommand("lux: Lux's command line. The build runs `lux write` to put nix-out on disk; `lux explain` says why a host's " +
                "options have their values and why an aspect applies or not; `lux options generate` writes the typed option trees.");
            root.Subcommands.Add(WriteCommandLine.Command(output));
            root.Subcommands.Add(ExplainCommand.Command(output, error, currentDirectory));
            root.Subcommands.Add(OptionsCommand.Command(output, currentDirectory));
            return root;
        }

        private static string[] CommandPath(Command command) =>
            command is RootCommand ? Array.Empty<string>() : command.Parents.OfType<Command>().SelectMany(CommandPath).Append(command.Name).ToArray();
    }
}
