using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lux.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Lux.Generators.Diagnostics
{
    /// <summary>
    /// Reports every Lux diagnostic while you type. It runs the same stages as the generator, as far as the
    /// analyzed document needs (a host's document resolves that host: see <see cref="FleetAnalysis"/>), and
    /// reports each diagnostic in the document it points at, so the squiggle sits on the cause (the
    /// assignment in a feature, not the host that includes it).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LuxAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => LuxDiagnostics.Supported;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = start.Compilation;
                var fleet = new FleetAnalysis(compilation, start.Options.AdditionalFiles, start.CancellationToken);
                start.RegisterSemanticModelAction(model =>
                {
                    var tree = model.SemanticModel.SyntaxTree;
                    // LUX2006 in any string literal of the compilation, used by the fleet or not: the squiggle sits on the key itself.
                    var literals = PrivateKeyLiterals.Find(tree, model.CancellationToken);
                    foreach (var literal in literals)
                        model.ReportDiagnostic(literal);
                    foreach (var info in fleet.In(tree))
                    {
                        // A definition whose own literal was just reported would only repeat it.
                        if (info.Id == LuxDiagnostics.PrivateKeyInLiteral.Id && literals.Any(l => new TextSpan(info.Span.Start, info.Span.Length).Contains(l.Location.SourceSpan)))
                            continue;
                        model.ReportDiagnostic(ToDiagnostic(info, compilation));
                    }
                });
                // What has no place in a document (LUX0000 without a cause to point at, a withheld file) is reported here, with
                // descriptors tagged CompilationEnd.
                start.RegisterCompilationEndAction(end =>
                {
                    var paths = new HashSet<string>(compilation.SyntaxTrees.Select(t => t.FilePath), StringComparer.Ordinal);
                    foreach (var info in fleet.All)
                    {
                        if (info.Span.IsNone || !paths.Contains(info.Span.Path))
                            end.ReportDiagnostic(ToDiagnostic(info, compilation));
                    }
                });
            });
        }

        internal static Diagnostic ToDiagnostic(DiagnosticInfo info, Compilation compilation)
        {
            var properties = info.Properties.ToImmutableDictionary(p => p.Key, p => (string?)p.Value);
            return Diagnostic.Create(info.Descriptor, ToLocation(info.Span, compilation), info.AdditionalSpans.Select(s => ToLocation(s, compilation)), properties,
                info.Arguments.Cast<object?>().ToArray());
        }

        private static Location ToLocation(SourceSpan span, Compilation compilation)
        {
            if (span.IsNone)
                return Location.None;
            var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == span.Path);
            return tree is null
                ? Location.Create(span.Path, new TextSpan(span.Start, span.Length), new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)))
                : Location.Create(tree, new TextSpan(span.Start, span.Length));
        }
    }
}
