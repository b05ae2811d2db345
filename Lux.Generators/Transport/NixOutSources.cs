using System.Linq;
using System.Text;
using Lux.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

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
                TextOf(GeneratedSourceFormat.EncodeHost(host.HostName, host.Files.Select(f => (f.Path, f.Content)), host.Explanation)));

        public static void AddFleet(SourceProductionContext context, FleetSource fleet)
        {
            var manifest = fleet.Manifest;
            context.AddSource(GeneratedSourceFormat.FleetHintName,
                TextOf(GeneratedSourceFormat.EncodeFleet(fleet.Files.Select(f => (f.Path, f.Content)), fleet.ExplanationIndex,
                    GeneratedSourceFormat.EncodeManifest(manifest.Hosts, manifest.Paths, manifest.Errors, manifest.PolicyErrors))));
        }

        /// <summary>The source as the compiler's text: its one copy, UTF-8 as AddSource(string) would make it.</summary>
        internal static SourceText TextOf(EncodedSource source)
        {
            var text = new char[source.Length];
            source.CopyTo(text);
            return new CharArrayText(text, Encoding.UTF8);
        }
    }
}
