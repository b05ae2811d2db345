using System.Collections.Generic;
using System.Threading;
using Lux.Generators.Model;
using Lux.Generators.Transport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lux.Generators.Parse
{
    /// <summary>
    /// How the fleet's declarations are found: every type declaration that carries attributes (nested ones too) is
    /// parsed by <see cref="DeclarationParser.ParseAll"/>, which keeps those with a Lux attribute. The generator's syntax
    /// provider and the analyzer (<see cref="In"/>) find them alike, so both see the same fleet.
    /// </summary>
    internal static class FleetDeclarations
    {
        /// <summary>The syntax provider's predicate: syntax alone, no binding.</summary>
        public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) => node is TypeDeclarationSyntax { AttributeLists.Count: > 0 };

        /// <summary>The syntax provider's transform: unchanged declarations come from <see cref="ParseCache"/> without binding.</summary>
        public static EquatableArray<DeclarationSpec> Parse(GeneratorSyntaxContext syntax, CancellationToken cancellationToken) =>
            DeclarationParser.ParseAll((TypeDeclarationSyntax)syntax.Node, syntax.SemanticModel, cancellationToken);

        /// <summary>Every declaration of a compilation, in the order the syntax provider finds them (trees, then document order).</summary>
        public static List<DeclarationSpec> In(Compilation compilation, CancellationToken cancellationToken)
        {
            var declarations = new List<DeclarationSpec>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                // The analyzer sees the generator's own outputs, which the generator's syntax provider never does.
                if (GeneratedSourceFormat.IsLuxOutput(tree.FilePath))
                    continue;
                SemanticModel? model = null;
                foreach (var type in Candidates(tree.GetRoot(cancellationToken)))
                {
#pragma warning disable RS1030 // The analyzer reads the whole fleet once per compilation: a host is judged with every declaration it reaches.
                    model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    declarations.AddRange(DeclarationParser.ParseAll(type, model, cancellationToken));
                }
            }
            return declarations;
        }

        /// <summary>The candidates of a tree in document order, without looking into member bodies.</summary>
        private static IEnumerable<TypeDeclarationSyntax> Candidates(SyntaxNode root)
        {
            var pending = new Stack<SyntaxNode>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                var members = node switch
                {
                    CompilationUnitSyntax unit => unit.Members,
                    BaseNamespaceDeclarationSyntax ns => ns.Members,
                    TypeDeclarationSyntax type => type.Members,
                    _ => default,
                };
                if (node is TypeDeclarationSyntax candidate && IsCandidate(candidate, CancellationToken.None))
                    yield return candidate;
                for (var i = members.Count - 1; i >= 0; i--)
                {
                    if (members[i] is BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                        pending.Push(members[i]);
                }
            }
        }
    }
}
