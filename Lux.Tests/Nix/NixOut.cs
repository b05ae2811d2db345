namespace Lux.Tests.Nix;

/// <summary>nix-out/ at the repository root: the Nix files <c>dotnet build</c> writes from the fleet.</summary>
internal static class NixOut
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Directory { get; } = Path.Combine(RepositoryRoot, "nix-out");

    public static string Flake { get; } = Path.Combine(Directory, "flake.nix");

    /// <summary>Fails the test unless nix-out/flake.nix exists.</summary>
    public static void RequireFlake() =>
        File.Exists(Flake).Should().BeTrue(
            $"`dotnet build Lux.sln` writes {Flake} from the fleet (if it is missing, the Lux generator has not written nix-out/ yet)");

    // The test assembly runs from Lux.Tests/bin/<configuration>/<framework>/ inside the repository.
    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Lux.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} holds Lux.sln.");
    }
}
