using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Lux.Tests.Generator;

/// <summary>An AdditionalFile held in memory. The text is created once, so reruns see the same object and stay cached.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText source = SourceText.From(text);

    public override string Path => path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => source;
}

/// <summary>The one MSBuild property Lux reads, as the SDK passes it: the project directory (for provenance comments).</summary>
internal sealed class ProjectDirectoryOptions(string projectDirectory) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(projectDirectory);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

    private sealed class Options(string projectDirectory) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            value = key == "build_property.projectdir" ? projectDirectory : "";
            return key == "build_property.projectdir";
        }
    }
}
