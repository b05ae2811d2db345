using System.Collections.Generic;

namespace Lux.Cli.Transport
{
    /// <summary>One nix-out file as the generator produced it, already encoded as the bytes to put on disk.</summary>
    /// <param name="Path">The relative, '/'-separated path under nix-out, not yet validated.</param>
    /// <param name="Content">UTF-8 without BOM, line endings exactly as generated.</param>
    internal sealed record GeneratedFile(string Path, byte[] Content);

    /// <summary>
    /// What one compilation produced: the files, or the errors that block writing them; and the policy
    /// errors a user may suppress in the config, which block only when analyzers did not run.
    /// </summary>
    internal sealed record GeneratedOutput(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<string> ConfigErrors, IReadOnlyList<string> PolicyErrors);
}
