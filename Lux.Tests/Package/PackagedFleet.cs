using Lux.Tests.EndToEnd;

namespace Lux.Tests.Package;

/// <summary>
/// A new user's first ten minutes, outside this repository: the three packages (Lux, Lux.Templates and the tool
/// Lux.Tool) packed into a folder feed, the template installed from it, two fleets made with <c>dotnet new lux-fleet</c>
/// (the defaults, and a VPS with the SSH recovery policy) and built once. The template registry and NuGet's package
/// folder are the fixture's own, so nothing from this machine's caches (an older Lux of the same version, say) stands
/// in for what was just packed.
/// </summary>
public sealed class PackagedFleet : IDisposable
{
    /// <summary>A real ed25519 public key (its private half was never kept): the recovery user's login key.</summary>
    public const string RecoveryKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINGTVcRYYry008jSmfvU/VwPcadm9bZDu2aRxebmwWMl kim@laptop";

    public PackagedFleet()
    {
        Root = Directory.CreateTempSubdirectory("lux-package-").FullName;
        Feed = Path.Combine(Root, "feed");
        foreach (var project in new[] { "pack/Lux/Lux.Package.csproj", "pack/Lux.Templates/Lux.Templates.csproj", "Lux.Cli/Lux.Cli.csproj" })
            Succeed(Repository.Root, ["pack", Repository.Path(project), "-o", Feed, "--nologo", "--disable-build-servers"], timeout: TimeSpan.FromMinutes(10));

        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="lux" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="lux"><package pattern="Lux" /><package pattern="Lux.Tool" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        UserEnvironment = new Dictionary<string, string>
        {
            ["DOTNET_CLI_HOME"] = Directory.CreateDirectory(Path.Combine(Root, "home")).FullName,
            ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        Succeed(Root, ["new", "install", Directory.GetFiles(Feed, "Lux.Templates.*.nupkg").Single()], UserEnvironment);

        Succeed(Root, ["new", "lux-fleet", "-n", "MyFleet"], UserEnvironment);
        Succeed(Root, ["new", "lux-fleet", "-n", "Vps", "--host", "vps", "--user", "kim", "--ssh-key", RecoveryKey, "--recovery"], UserEnvironment);
        DefaultBuild = Build("MyFleet");
        RecoveryBuild = Build("Vps");
    }

    /// <summary>A temporary directory outside the repository, holding the feed, the fleets and their caches.</summary>
    public string Root { get; }

    public string Feed { get; }

    public IReadOnlyDictionary<string, string> UserEnvironment { get; }

    /// <summary>The first build of <c>dotnet new lux-fleet -n MyFleet</c>.</summary>
    public (int ExitCode, string Output) DefaultBuild { get; }

    /// <summary>The first build of the VPS fleet made with <c>--recovery</c>.</summary>
    public (int ExitCode, string Output) RecoveryBuild { get; }

    public string Fleet(string name) => Path.Combine(Root, name);

    public (int ExitCode, string Output) Build(string fleet) =>
        DotnetCommand.Run(Fleet(fleet), ["build", "--nologo", "--disable-build-servers"], UserEnvironment);

    /// <summary>Runs <c>dotnet &lt;arguments&gt;</c> in a fleet, as its user would (the fixture's caches and registry).</summary>
    public (int ExitCode, string Output) Dotnet(string fleet, params string[] arguments) =>
        DotnetCommand.Run(Fleet(fleet), arguments, UserEnvironment);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build node may still hold a file; the OS cleans the temporary directory eventually.
        }
    }

    private static void Succeed(string directory, string[] arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var (exitCode, output) = DotnetCommand.Run(directory, arguments, environment, timeout);
        exitCode.Should().Be(0, $"dotnet {string.Join(' ', arguments)} should succeed:\n{output}");
    }
}
