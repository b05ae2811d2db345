using System;
using Lux.Cli.CommandLine;
using Lux.Cli.Diagnostics;
using Lux.Cli.Writing;

namespace Lux.Cli
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args is ["--help"] or ["-h"] or ["help"])
            {
                Console.WriteLine(WriteCommandLine.Usage);
                return 0;
            }
            if (args is ["options", ..])
                return Options.OptionsCommand.Run(args[1..], Console.Out);
            if (!WriteCommandLine.TryParse(args, out var commandLine, out var error))
            {
                Console.WriteLine(new WriterDiagnostic(WriterErrorCodes.InvalidInvocation, null, $"{error} {WriteCommandLine.Usage}").ToCanonicalLine());
                return 1;
            }

            var options = new NixOutWriterOptions(commandLine.GeneratedDirectory, commandLine.OutputDirectory) { AnalyzersRan = commandLine.AnalyzersRan };
            var result = new NixOutWriter(options).Write();
            // Everything goes to stdout: MSBuild's Exec turns the canonical error lines there into build errors.
            foreach (var line in result.OutputLines)
                Console.WriteLine(line);
            return result.ExitCode;
        }
    }
}
