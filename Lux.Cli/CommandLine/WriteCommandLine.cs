using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using Lux.Cli.Writing;

namespace Lux.Cli.CommandLine
{
    /// <summary>The arguments of <c>lux write --generated &lt;dir&gt; --out &lt;nix-out dir&gt; [--analyzers-ran]</c>, as MSBuild passes them.</summary>
    public sealed record WriteCommandLine(string GeneratedDirectory, string OutputDirectory)
    {
        public const string Usage = "usage: lux write --generated <dir> --out <nix-out dir> [--analyzers-ran]";

        /// <summary>Lux's analyzers ran in the compilation, so policy errors that reach the writer were suppressed on purpose.</summary>
        public bool AnalyzersRan { get; init; }

        /// <summary>Parses a write command line as <c>lux</c> does; the error is System.CommandLine's message.</summary>
        public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out WriteCommandLine? commandLine, [NotNullWhen(false)] out string? error)
        {
            var options = new WriteOptions();
            var command = options.Command();
            var parsed = new RootCommand { command }.Parse(args.ToArray());
            if (parsed.Errors.Count > 0 || parsed.CommandResult.Command != command)
            {
                commandLine = null;
                error = parsed.Errors.Count > 0 ? string.Join(" ", parsed.Errors.Select(e => e.Message)) : "no command given.";
                return false;
            }
            commandLine = options.Of(parsed);
            error = null;
            return true;
        }

        /// <summary>
        /// <c>lux write</c>. Everything goes to stdout: MSBuild's Exec turns the canonical error lines there into build errors.
        /// Exit codes: 0 written (or nothing to change), 1 not written (errors in the config, or a refusal), 2 a bad command line.
        /// </summary>
        internal static Command Command(TextWriter output)
        {
            var options = new WriteOptions();
            var command = options.Command();
            command.SetAction(parsed =>
            {
                var commandLine = options.Of(parsed);
                var writerOptions = new NixOutWriterOptions(commandLine.GeneratedDirectory, commandLine.OutputDirectory) { AnalyzersRan = commandLine.AnalyzersRan };
                var result = new NixOutWriter(writerOptions).Write();
                foreach (var line in result.OutputLines)
                    output.WriteLine(line);
                return result.ExitCode;
            });
            return command;
        }

        /// <summary>The options of one write command (a System.CommandLine symbol belongs to the command it is added to).</summary>
        private sealed class WriteOptions
        {
            private readonly Option<string> generated = Directory("--generated", "The directory of the generator's sources (obj/…/generated/Lux.Generators/Lux.Generators.NixGenerator).");
            private readonly Option<string> output = Directory("--out", "The nix-out directory to bring up to date.");
            private readonly Option<bool> analyzersRan = new("--analyzers-ran")
            {
                Description = "Lux's analyzers ran in the compilation, so a policy error that reaches the writer was suppressed on purpose: print it as a warning.",
            };

            public Command Command() =>
                new("write", "Puts nix-out on disk from the sources the Lux generator left in obj/ (the build runs it after CoreCompile). " +
                    "Exit codes: 0 written, 1 not written (errors in the config, or a refusal: see the LUX09nn lines), 2 bad command line.")
                {
                    generated, output, analyzersRan,
                };

            public WriteCommandLine Of(ParseResult parsed) =>
                new(parsed.GetValue(generated)!, parsed.GetValue(output)!) { AnalyzersRan = parsed.GetValue(analyzersRan) };

            private static Option<string> Directory(string name, string description)
            {
                var option = new Option<string>(name) { Description = description, Required = true, HelpName = "dir" };
                option.Validators.Add(result =>
                {
                    if (result.Tokens.Count == 1 && result.Tokens[0].Value.Length == 0)
                        result.AddError("Option '" + name + "' needs a directory.");
                });
                return option;
            }
        }
    }
}
