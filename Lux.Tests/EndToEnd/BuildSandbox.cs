using System.Security.Cryptography;

namespace Lux.Tests.EndToEnd;

/// <summary>
/// A copy of the repository's build inputs in a temporary directory, where tests run the real
/// `dotnet build` on edited config and look at nix-out afterwards. Built once per test class.
/// </summary>
public sealed class BuildSandbox : IDisposable
{
    private static readonly string[] Copied = ["Directory.Build.props", "Directory.Packages.props", "global.json", "Lux.Dsl", "Lux.Generators", "Lux.Cli", "Lux.Config", "nix-out",
        "pack/Package.props"];

    public BuildSandbox()
    {
        Root = Directory.CreateTempSubdirectory("lux-build-").FullName;
        foreach (var entry in Copied)
            Copy(Repository.Path(entry), Path.Combine(Root, entry));
        var first = Build();
        first.ExitCode.Should().Be(0, "the unedited example fleet builds:\n" + first.Output);
        PristineNixOut = Snapshot();
    }

    public string Root { get; }

    public string NixOut => Path.Combine(Root, "nix-out");

    /// <summary>nix-out as the first, clean build left it: path → SHA-256 and modification time.</summary>
    public IReadOnlyDictionary<string, (string Hash, DateTime Modified)> PristineNixOut { get; }

    public (int ExitCode, string Output) Build(params string[] properties) =>
        DotnetCommand.Run(Root, new[] { "build", "Lux.Config/Lux.Config.csproj", "--nologo", "--disable-build-servers", "-clp:NoSummary" }.Concat(properties));

    /// <summary>Replaces text in a config file, runs <paramref name="action"/>, and puts the file back.</summary>
    public void WithEdit(string configFile, string find, string replace, Action action)
    {
        var path = Path.Combine(Root, "Lux.Config", configFile);
        var original = File.ReadAllText(path);
        original.Should().Contain(find);
        File.WriteAllText(path, original.Replace(find, replace));
        try
        {
            action();
        }
        finally
        {
            File.WriteAllText(path, original);
        }
    }

    public Dictionary<string, (string Hash, DateTime Modified)> Snapshot() =>
        Directory.EnumerateFiles(NixOut, "*", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith(".lux-lock", StringComparison.Ordinal))
            .ToDictionary(
                p => Path.GetRelativePath(NixOut, p),
                p => (Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))), File.GetLastWriteTimeUtc(p)));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp directory is cleaned by the OS eventually.
        }
    }

    private static void Copy(string source, string target)
    {
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
                continue;
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
