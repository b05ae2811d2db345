using System.Linq;
using Lux.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Lux.Generators.Transport
{
    /// <summary>
    /// The one place nix-out is handed to the compiler: one source per emitted host and one for the fleet, in
    /// <see cref="GeneratedSourceFormat"/>, which the writer and lux explain (Lux.Cli) read back after compilation. Few
    /// sources, because Roslyn re-adds every cached source on every run and parses each; comments only, so nothing of them
    /// is compiled into the user's assembly.
    /// </summary>
    internal static class NixOutSources
    {
        public static void AddHost(SourceProductionContext context, HostSource host) =>
            context.AddSource(GeneratedSourceFormat.HostHintNameFor(host.HostName),
                GeneratedSourceFormat.EncodeHost(host.HostName, host.Files.Select(f => (f.Path, f.Content)).ToList(), host.Explanation));

        public static void AddFleet(SourceProductionContext context, FleetSource fleet)
        {
            var manifest = fleet.Manifest;
            context.AddSource(GeneratedSourceFormat.FleetHintName,
                GeneratedSourceFormat.EncodeFleet(fleet.Files.Select(f => (f.Path, f.Content)).ToList(), fleet.ExplanationIndex,
                    GeneratedSourceFormat.EncodeManifest(manifest.Hosts, manifest.Paths, manifest.Errors, manifest.PolicyErrors)));
        }
    }
}
