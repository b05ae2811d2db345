using System.Text;
using Lux.Cli.CommandLine;
using Lux.Tests.Generator;
using Lux.Tests.Nix;

namespace Lux.Tests.Explain;

/// <summary>
/// A fleet project as `dotnet build` leaves it for lux explain: a .csproj, and the generator's sources in
/// obj/Debug/net10.0/generated/Lux.Generators/Lux.Generators.NixGenerator/, here from an in-process generator run.
/// </summary>
public sealed class BuiltFleet : IDisposable
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private readonly TemporaryDirectory root = new();

    public BuiltFleet(LuxRun run, string name = "Fleet")
    {
        Directory = Path.Combine(root.Path, name);
        Generated = Path.Combine(Directory, "obj", "Debug", "net10.0", "generated", "Lux.Generators", "Lux.Generators.NixGenerator");
        System.IO.Directory.CreateDirectory(Generated);
        File.WriteAllText(Path.Combine(Directory, name + ".csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        // As the compiler writes them: one file per hint name, UTF-8 with a byte order mark.
        foreach (var source in run.Result.Results.SelectMany(r => r.GeneratedSources))
            File.WriteAllText(Path.Combine(Generated, source.HintName), source.SourceText.ToString(), Utf8WithBom);
    }

    /// <summary>The example fleet, Lux.Config, built once per test class.</summary>
    public static BuiltFleet Example() => new(ExampleFleet.Run(), "Lux.Config");

    public string Root => root.Path;

    public string Directory { get; }

    public string Generated { get; }

    /// <summary>Runs lux in-process, in <paramref name="currentDirectory"/> (the project by default).</summary>
    public (int ExitCode, string Output, string Error) Lux(string[] args, string? currentDirectory = null) => Run(args, currentDirectory ?? Directory);

    public static (int ExitCode, string Output, string Error) Run(string[] args, string currentDirectory)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = LuxCommandLine.Run(args, output, error, currentDirectory);
        return (exitCode, output.ToString(), error.ToString());
    }

    public void Dispose() => root.Dispose();
}
