using System;
using System.IO;
using Lux.Cli.CommandLine;

namespace Lux.Cli
{
    internal static class Program
    {
        private static int Main(string[] args) =>
            LuxCommandLine.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());
    }
}
