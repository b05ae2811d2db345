namespace Lux.Tests.Writing;

/// <summary>A fact that needs symbolic links: skipped where this process may not create them (Windows without Developer Mode).</summary>
public sealed class SymlinkFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(CanCreateSymlinks);

    public SymlinkFactAttribute()
    {
        if (!Available.Value)
            Skip = "this process cannot create symbolic links";
    }

    private static bool CanCreateSymlinks()
    {
        var probe = Path.Join(Path.GetTempPath(), "lux-symlink-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateSymbolicLink(probe, Path.GetTempPath());
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            if (Path.Exists(probe))
                Directory.Delete(probe);
        }
    }
}
