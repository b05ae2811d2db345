using System.Globalization;
using System.Text.RegularExpressions;
using Basic.Reference.Assemblies;
using Lux.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lux.Tests.Structure;

/// <summary>
/// The compiler's shape, as README's layout table states it: each stage of Lux.Generators uses only the stages before
/// it; every diagnostic is made from a descriptor in LuxDiagnostics.
/// </summary>
public sealed class StructureTests
{
    /// <summary>The stages in pipeline order; a stage may use those before it, and the shared parts below.</summary>
    private static readonly string[] Stages = ["Parse", "Evaluate", "Resolve", "Check", "Emit", "Steps", "Generator"];

    /// <summary>What every stage may use: the models, the diagnostics' catalogue, the option names, the DSL's facts.</summary>
    private static readonly string[] Shared = ["Model", "Catalogue", "Options"];

    /// <summary>
    /// Known edges outside the order, each with its reason. Parse leaves the generator's own outputs out of what it reads,
    /// and only the transport knows their names. A host's summary carries the fleet map's view of the host, a type the
    /// fleet map declares (Emit/HostMap.cs, which adds it to the summary). Only the generator hands outputs to the transport:
    /// Emit writes explain records as plain text, and one host's source carries them.
    /// </summary>
    private static readonly (string From, string To, string Type)[] Allowed =
        [("Parse", "Transport", "GeneratedSourceFormat"), ("Generator", "Transport", "*"), ("Model", "Emit", "HostMap")];

    [Fact]
    public void Each_stage_uses_only_the_stages_before_it()
    {
        var files = Repository.Read(Repository.Path("Lux.Generators"), "*.cs").Select(f => (f.Path, Tree: CSharpSyntaxTree.ParseText(f.Text, path: f.Path))).ToList();
        files.Add((Repository.Path("Lux.Dsl", "DslFacts.cs"), CSharpSyntaxTree.ParseText(File.ReadAllText(Repository.Path("Lux.Dsl", "DslFacts.cs")), path: "Model/DslFacts.cs")));
        var compilation = CSharpCompilation.Create("Lux.Generators", files.Select(f => f.Tree),
            Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(Compilation).Assembly.Location))
                .Append(MetadataReference.CreateFromFile(typeof(CSharpCompilation).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        // Bound as the compiler binds it, or a name that does not bind would hide its edge.
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Should().BeEmpty();
        var layerOfType = new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default);
        foreach (var (path, tree) in files)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(type) is { } symbol && !layerOfType.ContainsKey(symbol))
                    layerOfType[symbol] = LayerOf(path, symbol);
            }
        }

        var backEdges = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, tree) in files)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(type) is not { } declared || !layerOfType.TryGetValue(declared, out var from))
                    continue;
                foreach (var name in type.DescendantNodes().OfType<SimpleNameSyntax>())
                {
                    var used = model.GetSymbolInfo(name).Symbol;
                    var usedType = used as INamedTypeSymbol ?? used?.ContainingType;
                    if (usedType is null || !layerOfType.TryGetValue(usedType.OriginalDefinition, out var to) || May(from, to, usedType.Name))
                        continue;
                    backEdges.Add($"{Path.GetRelativePath(Repository.Root, path)}: {from} uses {to} ({usedType.Name})");
                }
            }
        }
        backEdges.Should().BeEmpty();
    }

    [Fact]
    public void Diagnostics_are_made_in_LuxDiagnostics_only()
    {
        // The fix contract names the IDs that carry fixes for Lux.CodeFixes, which has no descriptors; the fleet map's prose names the policy's range.
        var outside = Repository.Read(Repository.Path("Lux.Generators"), "*.cs")
            .Where(f => !f.Path.EndsWith("LuxDiagnostics.cs", StringComparison.Ordinal) && !f.Path.EndsWith("LuxFixes.cs", StringComparison.Ordinal))
            .SelectMany(f => Regex.Matches(f.Text, "\"LUX\\d{4}\"").Select(m => Path.GetFileName(f.Path) + ": " + m.Value));
        outside.Should().BeEmpty();
        // LuxFixes is compiled into the code-fix assembly too: read the generator's.
        var fixable = (string[])typeof(LuxDiagnostics).Assembly.GetType("Lux.Generators.Diagnostics.LuxFixes")!.GetField("FixableIds")!.GetValue(null)!;
        fixable.Should().BeSubsetOf(LuxDiagnostics.All.Select(d => d.Id));
    }

    [Fact]
    public void Every_message_format_takes_its_arguments_and_what_has_no_place_is_reported_at_compilation_end()
    {
        foreach (var descriptor in LuxDiagnostics.All)
        {
            var format = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
            var placeholders = Regex.Matches(format, @"(?<!\{)\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            if (placeholders.Count == 0)
            {
                // Roslyn does not format a message without arguments: its braces would be written doubled.
                format.Should().NotContain("{").And.NotContain("}", descriptor.Id + ": " + format);
                continue;
            }
            // Every argument from {0} up is used, and the format is one string.Format reads (literal braces doubled).
            placeholders.Distinct().Should().HaveCount(placeholders.Max() + 1, descriptor.Id + ": " + format);
            var arguments = Enumerable.Range(0, placeholders.Max() + 1).Select(i => (object)("a" + i)).ToArray();
            FluentActions.Invoking(() => string.Format(CultureInfo.InvariantCulture, format, arguments)).Should().NotThrow(descriptor.Id + ": " + format);
        }
        LuxDiagnostics.InternalErrorUnplaced.CustomTags.Should().Contain(WellKnownDiagnosticTags.CompilationEnd);
        LuxDiagnostics.PrivateKeyWithheld.CustomTags.Should().Contain(WellKnownDiagnosticTags.CompilationEnd);
        LuxDiagnostics.InternalError.CustomTags.Should().NotContain(WellKnownDiagnosticTags.CompilationEnd);
    }

    private static bool May(string from, string to, string type)
    {
        if (from == to || Shared.Contains(to) || Allowed.Contains((from, to, type)) || Allowed.Contains((from, to, "*")))
            return true;
        if (from is "Model" or "Catalogue" or "Options" or "Transport")
            return false;
        var f = Array.IndexOf(Stages, from);
        var t = Array.IndexOf(Stages, to);
        return f >= 0 && t >= 0 && t <= f;
    }

    /// <summary>
    /// A type's layer: its namespace (a stage's folder), but for Diagnostics, where the catalogue (descriptors, fixes,
    /// suggestions) is shared and the analyzer comes last.
    /// </summary>
    private static string LayerOf(string path, ISymbol type)
    {
        while (type.ContainingType is { } outer)
            type = outer;
        var ns = type.ContainingNamespace.ToDisplayString();
        return ns switch
        {
            "Lux" or "System.Runtime.CompilerServices" => "Model", // DslFacts, shared with Lux.Dsl; the polyfill.
            "Lux.Generators" => "Generator",
            "Lux.Generators.Diagnostics" when type.Name is "LuxAnalyzer" or "FleetAnalysis" or "PrivateKeyLiterals" => "Generator",
            "Lux.Generators.Diagnostics" => "Catalogue",
            _ when ns.StartsWith("Lux.Generators.", StringComparison.Ordinal) => ns["Lux.Generators.".Length..].Split('.')[0],
            _ => throw new InvalidOperationException(path + " declares " + type + " outside Lux.Generators"),
        };
    }
}
