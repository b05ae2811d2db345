namespace Lux.Tests.Writing;

/// <summary>
/// A fact that runs Graphviz's dot. Where it is missing the fact is skipped, except in CI (CI=true), where it runs
/// and fails: CI installs graphviz, and a CI without it must not pass by skipping.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class GraphvizFactAttribute : FactAttribute
{
    public GraphvizFactAttribute()
    {
        if (!Graphviz.IsAvailable && !Nix.NixRequirement.IsContinuousIntegration)
            Skip = "Graphviz's dot is not on PATH (apt-get install graphviz)";
    }
}

internal static class Graphviz
{
    public static bool IsAvailable =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Join(dir, OperatingSystem.IsWindows() ? "dot.exe" : "dot")));
}
