namespace Lux.Tests.LanguageServer;

/// <summary>
/// A fact that drives a real language server (csharp-ls, installed from NuGet at test time). Opt-in: skipped
/// unless LUX_LANGUAGE_SERVER_TESTS=1, because it installs a tool, builds a copy of the repository and takes
/// minutes. Every such test also carries <c>[Trait("Category", "LanguageServer")]</c>, so that
/// <c>LUX_LANGUAGE_SERVER_TESTS=1 dotnet test Lux.Tests --filter Category=LanguageServer</c> runs exactly them
/// (.ci/run does, after the main test step).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class LanguageServerFactAttribute : FactAttribute
{
    public LanguageServerFactAttribute()
    {
        if (!LanguageServerRequirement.Enabled)
            Skip = LanguageServerRequirement.SkipReason;
    }
}

internal static class LanguageServerRequirement
{
    public const string Variable = "LUX_LANGUAGE_SERVER_TESTS";

    /// <summary>Where the measured latencies are written as well, if set.</summary>
    public const string TimingsVariable = "LUX_LSP_TIMINGS";

    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";

    public const string SkipReason = "language-server test: set " + Variable + "=1 to run it (it installs csharp-ls from NuGet)";
}
