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

        /// <summary>
        /// Whether Lux's analyzers ran in the compilation that produced the sources. Then a policy error that
        /// did not fail the compilation was suppressed in the config on purpose, and nix-out is written with a
        /// warning; without analyzers no suppression was seen, and policy errors block like any other.
        /// </summary>
        public bool AnalyzersRan { get; init; }

        /// <summary>Graphviz's dot, which draws fleet.svg from fleet.dot (<see cref="FleetPicture"/>); found on PATH by default.</summary>
        public string GraphvizDot { get; init; } = "dot";
    }
}
