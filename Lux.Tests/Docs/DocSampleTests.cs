using System.Text.RegularExpressions;

using Lux.Tests.Generator;

namespace Lux.Tests.Docs;

/// <summary>
/// Every ```csharp block of README.md and docs/*.md compiles with Lux, by the convention in docs/README.md:
/// a plain block is a whole file; `csharp fleet` is a whole file compiled into the example fleet in place of the
/// files named like its records; `csharp refused LUXnnnn` must produce exactly that diagnostic.
/// </summary>
public sealed class DocSampleTests
{
    private static readonly Regex Fence = new(@"^```csharp(?<info>[^\n]*)\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);

    public static TheoryData<string, int, string, string> Samples()
    {
        var data = new TheoryData<string, int, string, string>();
        var pages = Directory.EnumerateFiles(Repository.Path("docs"), "*.md").Append(Repository.Path("README.md")).Order(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var text = File.ReadAllText(page).Replace("\r\n", "\n");
            foreach (Match block in Fence.Matches(text))
            {
                var line = text[..block.Index].Count(c => c == '\n') + 1;
                data.Add(Path.GetRelativePath(Repository.Root, page), line, block.Groups["info"].Value.Trim(), block.Groups["code"].Value);
            }
        }
        return data;
    }

    [Fact]
    public void The_pages_have_samples_to_check() =>
        Samples().Count.Should().BeGreaterThanOrEqualTo(4);

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_documented_sample_compiles_as_documented(string page, int line, string info, string code)
    {
        var words = info.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var run = words.FirstOrDefault() == "fleet" ? InExampleFleet(code) : LuxRun.Of(code);
        var because = $"{page}:{line} is ```csharp {info}";

        run.CompilerDiagnostics.Should().BeEmpty(because);
        var luxErrors = run.AnalyzerDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.Id).ToList();
        if (words.FirstOrDefault() == "refused")
        {
            words.Should().HaveCount(2, because);
            luxErrors.Should().Contain(words[1], because).And.OnlyContain(id => id == words[1], because);
            run.ManifestErrors.Should().NotBeEmpty(because + ": a refusal blocks nix-out");
        }
        else
        {
            words.Where(w => w != "fleet").Should().BeEmpty(because + ": unknown fence word");
            luxErrors.Should().BeEmpty(because);
            run.ManifestErrors.Should().BeEmpty(because);
            run.Files.Should().NotBeEmpty(because);
        }
    }

    /// <summary>The example fleet with the sample's records in place of the files named like them.</summary>
    private static LuxRun InExampleFleet(string code)
    {
        var replaced = Regex.Matches(code, @"record (\w+)").Select(m => m.Groups[1].Value + ".cs").ToHashSet();
        var sources = ExampleFleet.Sources().Where(s => !replaced.Contains(Path.GetFileName(s.Path)))
            .Append((ExampleFleet.ProjectDirectory + "DocSample.cs", "namespace Lux.Config;\n" + code));
        return LuxRun.Of(sources, ExampleFleet.NixFiles(), ExampleFleet.ProjectDirectory);
    }
}
