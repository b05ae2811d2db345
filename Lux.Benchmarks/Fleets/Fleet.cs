namespace Lux.Benchmarks.Fleets;

/// <summary>
/// A fleet as a config project holds it: C# sources and hand-written Nix files (paths absolute, under
/// <see cref="ProjectDirectory"/>), and the one-literal edit the warm benchmarks make in one host.
/// </summary>
public sealed record Fleet(
    string Name,
    string ProjectDirectory,
    IReadOnlyList<SourceFile> Sources,
    IReadOnlyList<SourceFile> NixFiles,
    SourceEdit Edit,
    int Hosts,
    int Users,
    int Features,
    int Profiles)
{
    /// <summary>
    /// The sizes the benchmarks measure, by name: S is the example fleet, M, L and XL are synthetic. XL is L with three
    /// times the hosts (and so the users), the same features and profiles: its cost over L's shows whether cost is linear in hosts.
    /// </summary>
    public static Fleet Named(string name) => name switch
    {
        "S" => ExampleFleet.Read(),
        "M" => SyntheticFleet.Create("M", hosts: 100, usersPerHost: 4, features: 40, profiles: 10),
        "L" => SyntheticFleet.Create("L", hosts: 1000, usersPerHost: 4, features: 60, profiles: 15),
        "XL" => SyntheticFleet.Create("XL", hosts: 3000, usersPerHost: 4, features: 60, profiles: 15),
        _ => throw new ArgumentException("Unknown fleet size '" + name + "': use S, M, L or XL", nameof(name)),
    };

    public SourceFile EditedSource => Sources.Single(s => s.Path == Edit.Path);

    public string Describe() =>
        $"{Name}: {Hosts} hosts, {Users} users, {Features} features, {Profiles} profiles; " +
        $"{Sources.Count} C# files ({Sources.Sum(s => s.Text.Length) / 1024} KiB), {NixFiles.Count} Nix files";
}

public sealed record SourceFile(string Path, string Text);

/// <summary>Replace <see cref="Before"/> by <see cref="After"/> (one literal, same line) in the file at <see cref="Path"/>.</summary>
public sealed record SourceEdit(string Path, string Before, string After)
{
    public string Apply(string text)
    {
        var at = text.IndexOf(Before, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(Before, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException("The edit '" + Before + "' must occur exactly once in " + Path);
        return string.Concat(text.AsSpan(0, at), After, text.AsSpan(at + Before.Length));
    }
}

/// <summary>Size S: the example fleet of Lux.Config, read from the repository.</summary>
internal static class ExampleFleet
{
    public static Fleet Read()
    {
        var project = Path.Combine(RepositoryRoot(), "Lux.Config") + Path.DirectorySeparatorChar;
        var sources = Files(project, "*.cs");
        var nixFiles = Files(project, "*.nix");
        var kinds = sources.SelectMany(s => s.Text.Split('\n')).Select(l => l.Trim()).ToList();
        // Polaris's first display: 165 Hz becomes 144 Hz, one literal in one host.
        var edit = new SourceEdit(Path.Combine(project, "Hosts", "Polaris.cs"), "165.0", "144.0");
        return new Fleet("S", project, sources, nixFiles, edit,
            Hosts: kinds.Count(l => l == "[Host]"), Users: kinds.Count(l => l == "[User]"),
            Features: kinds.Count(l => l == "[Feature]"), Profiles: kinds.Count(l => l == "[Profile]"));
    }

    private static List<SourceFile> Files(string directory, string pattern) =>
        Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new SourceFile(p, File.ReadAllText(p)))
            .ToList();

    /// <summary>BenchmarkDotNet runs a copy of this assembly from below the project's bin directory: Lux.sln is above both.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lux.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Lux.sln not found above " + AppContext.BaseDirectory);
    }
}
