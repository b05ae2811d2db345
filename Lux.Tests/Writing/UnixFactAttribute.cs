namespace Lux.Tests.Writing;

/// <summary>A fact about Unix file-system behaviour: skipped on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
            Skip = "Unix only";
    }
}
