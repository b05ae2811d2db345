namespace Lux.Tests.Nix;

/// <summary>
/// A fact that runs nix-instantiate. Where it is missing the fact is skipped, except in CI (CI=true), where it
/// runs and fails: CI installs nix-bin, and a CI without it must not pass by skipping.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NixFactAttribute : FactAttribute
{
    public NixFactAttribute()
    {
        if (NixRequirement.SkipReason is { } reason)
            Skip = reason;
    }
}

/// <summary>A theory that runs nix-instantiate; skipped as <see cref="NixFactAttribute"/> is.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NixTheoryAttribute : TheoryAttribute
{
    public NixTheoryAttribute()
    {
        if (NixRequirement.SkipReason is { } reason)
            Skip = reason;
    }
}

internal static class NixRequirement
{
    public static bool IsContinuousIntegration =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a Nix test is skipped here, or null when it runs.</summary>
    public static string? SkipReason =>
        NixInstantiate.IsAvailable || IsContinuousIntegration ? null : NixInstantiate.NotFoundMessage;
}
