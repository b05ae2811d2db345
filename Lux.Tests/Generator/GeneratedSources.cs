using Lux.Generators.Transport;
using Microsoft.CodeAnalysis;

namespace Lux.Tests.Generator;

/// <summary>A generator run's Lux sources read back, as the writer and lux explain read them from obj/.</summary>
internal sealed class GeneratedSources
{
    /// <summary>nix-out path → text, from the host and fleet sources.</summary>
    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>The explain records by host name, and the index under "index".</summary>
    public SortedDictionary<string, string> Records { get; } = new(StringComparer.Ordinal);

    /// <summary>The fleet source's manifest; null when the run made no fleet source.</summary>
    public DecodedManifest? Manifest { get; private set; }

    /// <summary>The manifest's text as it travelled.</summary>
    public string? ManifestText { get; private set; }

    /// <summary>The hint names of sources that did not decode, with why.</summary>
    public List<string> Problems { get; } = [];

    public static GeneratedSources Of(IEnumerable<GeneratedSourceResult> sources)
    {
        var read = new GeneratedSources();
        foreach (var generated in sources)
        {
            if (!GeneratedSourceFormat.TryDecode(generated.SourceText.ToString(), out var source, out var problem))
            {
                read.Problems.Add(generated.HintName + ": " + problem);
                continue;
            }
            foreach (var entry in source.Entries)
            {
                switch (entry.Kind)
                {
                    case GeneratedSourceFormat.FileKind:
                        if (!read.Files.TryAdd(entry.Path!, entry.Text))
                            read.Problems.Add(generated.HintName + ": carries " + entry.Path + " a second time");
                        break;
                    case GeneratedSourceFormat.ExplainKind:
                        read.Records[source.Subject == GeneratedSourceFormat.FleetSubject ? "index" : source.Name] = entry.Text;
                        break;
                    case GeneratedSourceFormat.ManifestKind:
                        read.ManifestText = entry.Text;
                        if (GeneratedSourceFormat.TryDecodeManifest(entry.Text, out var manifest))
                            read.Manifest = manifest;
                        else
                            read.Problems.Add(generated.HintName + ": the manifest does not decode");
                        break;
                }
            }
        }
        return read;
    }

    public static GeneratedSources Of(GeneratorDriverRunResult result) => Of(result.Results.SelectMany(r => r.GeneratedSources));
}
