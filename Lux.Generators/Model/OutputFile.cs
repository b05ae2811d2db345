namespace Lux.Generators.Model
{
    /// <summary>One file of nix-out: a path relative to nix-out, '/'-separated, and its text.</summary>
    internal sealed record OutputFile(string Path, string Content);
}
