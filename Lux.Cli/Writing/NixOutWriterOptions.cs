using System;

namespace Lux.Cli.Writing
{
    /// <summary>Where <see cref="NixOutWriter"/> reads generated sources from and writes nix-out to.</summary>
    /// <param name="GeneratedDirectory">
    /// The generator's folder under CompilerGeneratedFilesOutputPath:
    /// <c>generated/Lux.Generators/Lux.Generators.NixGenerator</c>.
    /// </param>
    /// <param name="OutputDirectory">The nix-out directory; created when missing.</param>
    public sealed record NixOutWriterOptions(string GeneratedDirectory, string OutputDirectory)
    {
        /// <summary>How long to wait for another writer of the same nix-out before giving up.</summary>
        public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(60);
    }
}
