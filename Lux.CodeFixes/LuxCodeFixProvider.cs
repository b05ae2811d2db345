using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Lux.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Lux.CodeFixes
{
    /// <summary>
    /// The mechanical fixes for Lux diagnostics. The checks decide what would fix a diagnostic and say so in
    /// its properties (<see cref="LuxFixes"/>); this provider only edits the source:
    /// <list type="bullet">
    /// <item><c>ReplaceValue</c>: the offending definition's value becomes the wanted one, inside any Mk.* wrapper
    /// (<c>= true</c> → <c>= false</c>). It edits the definition where it is, so every host that reaches it changes.</item>
    /// <item><c>AddHostStatement</c>: when nothing defines the option, the wanted value goes into the host as an
    /// explicit exception, in a <c>[PerHost] void SshRecoveryPolicy(NixOS os)</c> method made for it.</item>
    /// <item><c>AddUserToHost</c>: the user a fact names is added to the host's <c>Users</c>.</item>
    /// </list>
    /// Text edits, not a formatter: the result reads as the surrounding code is indented.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LuxCodeFixProvider)), Shared]
    public sealed class LuxCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = LuxFixes.FixableIds.ToImmutableArray();

        /// <summary>
        /// No fix-all: several host exceptions for one host go into one method, which a batch of independent
        /// text edits would write several times. Each fix leaves code that builds; apply them one by one.
        /// </summary>
        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
                return;
            foreach (var diagnostic in context.Diagnostics)
            {
                var properties = diagnostic.Properties;
                properties.TryGetValue(LuxFixes.HostTypeKey, out var hostType);
                foreach (var (kind, argument) in LuxFixes.Read(properties))
                {
                    var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                    var document = context.Document;
                    switch (kind)
                    {
                        case LuxFixes.ReplaceValue when ValueOf(node) is { } value:
                            context.RegisterCodeFix(CodeAction.Create("Set it to " + argument,
                                ct => ReplaceAsync(document, value, argument, ct), diagnostic.Id + "." + kind + "." + argument), diagnostic);
                            break;
                        case LuxFixes.ReplaceString when node is LiteralExpressionSyntax literal:
                            context.RegisterCodeFix(CodeAction.Create("Use \"" + argument + "\"",
                                ct => ReplaceAsync(document, literal, Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(argument, quote: true), ct), diagnostic.Id + "." + kind + "." + argument), diagnostic);
                            break;
                        case LuxFixes.AddHostStatement when hostType is not null:
                            context.RegisterCodeFix(CodeAction.Create("Add '" + argument + "' to the host as a [PerHost] exception",
                                ct => AddHostStatementAsync(document, hostType, argument, ct), diagnostic.Id + "." + kind + "." + argument), diagnostic);
                            break;
                        case LuxFixes.AddUserToHost when hostType is not null && node is ObjectCreationExpressionSyntax creation:
                            context.RegisterCodeFix(CodeAction.Create("Add " + argument + " to the host's Users",
                                ct => AddUserAsync(document, hostType, creation.ToString(), ct), diagnostic.Id + "." + kind + "." + argument), diagnostic);
                            break;
                    }
                }
            }
        }

        /// <summary>The value a definition assigns: <c>x = value</c>, <c>os.Set(path, value)</c>, or an initializer's value itself; inside Mk.* wrappers.</summary>
        private static ExpressionSyntax? ValueOf(SyntaxNode node)
        {
            var value = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Right,
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Set" }, ArgumentList.Arguments.Count: 2 } set => set.ArgumentList.Arguments[1].Expression,
                ExpressionSyntax expression => expression,
                _ => null,
            };
            while (value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Mk" } } } priority &&
                   priority.ArgumentList.Arguments.Count > 0)
                value = priority.ArgumentList.Arguments.Last().Expression;
            return value;
        }

        private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax value, string replacement, CancellationToken ct)
        {
            var text = await document.GetTextAsync(ct).ConfigureAwait(false);
            return document.WithText(text.WithChanges(new TextChange(value.Span, replacement)));
        }

        private static async Task<Solution> AddHostStatementAsync(Document document, string hostType, string statement, CancellationToken ct)
        {
            var solution = document.Project.Solution;
            if (await FindHostAsync(document, hostType, ct).ConfigureAwait(false) is not var (hostDocument, host))
                return solution;
            var text = await hostDocument.GetTextAsync(ct).ConfigureAwait(false);
            var newline = NewLine(text);
            var method = host.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.ValueText == LuxFixes.HostExceptionMethod && m.Body is not null);
            TextChange change;
            if (method is not null)
            {
                // Into the existing exception method, through its own NixOS parameter.
                var parameter = method.ParameterList.Parameters.FirstOrDefault(p => p.Type?.ToString() is "NixOS" or "Lux.NixOS")?.Identifier.ValueText ?? LuxFixes.NixOSParameter;
                var body = method.Body!;
                var indent = Indentation(text, body.CloseBraceToken.SpanStart);
                change = new TextChange(new TextSpan(LineStart(text, body.CloseBraceToken.SpanStart), 0),
                    indent + "    " + parameter + statement.Substring(statement.IndexOf('.')) + newline);
            }
            else
            {
                var indent = host.Members.Count > 0 ? Indentation(text, host.Members[0].SpanStart) : Indentation(text, host.SpanStart) + "    ";
                change = new TextChange(new TextSpan(LineStart(text, host.CloseBraceToken.SpanStart), 0),
                    newline +
                    indent + "[PerHost]" + newline +
                    indent + "void " + LuxFixes.HostExceptionMethod + "(NixOS " + LuxFixes.NixOSParameter + ")" + newline +
                    indent + "{" + newline +
                    indent + "    " + statement + newline +
                    indent + "}" + newline);
            }
            return solution.WithDocumentText(hostDocument.Id, text.WithChanges(change));
        }

        private static async Task<Solution> AddUserAsync(Document document, string hostType, string user, CancellationToken ct)
        {
            var solution = document.Project.Solution;
            if (await FindHostAsync(document, hostType, ct).ConfigureAwait(false) is not var (hostDocument, host))
                return solution;
            var text = await hostDocument.GetTextAsync(ct).ConfigureAwait(false);
            var users = host.Members.OfType<PropertyDeclarationSyntax>().FirstOrDefault(p => p.Identifier.ValueText == "Users");
            TextChange change;
            if (users?.ExpressionBody?.Expression is CollectionExpressionSyntax list)
            {
                change = new TextChange(new TextSpan(list.CloseBracketToken.SpanStart, 0), (list.Elements.Count > 0 ? ", " : "") + user);
            }
            else if (users is null && host.Members.Count > 0)
            {
                var indent = Indentation(text, host.Members[0].SpanStart);
                change = new TextChange(new TextSpan(LineStart(text, host.Members[0].SpanStart), 0),
                    indent + "public override Users Users => [" + user + "];" + NewLine(text) + NewLine(text));
            }
            else
            {
                return solution; // Users is computed: adding to it is the author's call.
            }
            return solution.WithDocumentText(hostDocument.Id, text.WithChanges(change));
        }

        private static async Task<(Document Document, TypeDeclarationSyntax Host)?> FindHostAsync(Document document, string hostType, CancellationToken ct)
        {
            var compilation = await document.Project.GetCompilationAsync(ct).ConfigureAwait(false);
            var reference = compilation?.GetTypeByMetadataName(hostType)?.DeclaringSyntaxReferences.FirstOrDefault();
            if (reference is null || document.Project.Solution.GetDocument(reference.SyntaxTree) is not { } hostDocument)
                return null;
            return await reference.GetSyntaxAsync(ct).ConfigureAwait(false) is TypeDeclarationSyntax host ? (hostDocument, host) : null;
        }

        private static int LineStart(SourceText text, int position) => text.Lines.GetLineFromPosition(position).Start;

        private static string Indentation(SourceText text, int position)
        {
            var line = text.Lines.GetLineFromPosition(position);
            var content = text.ToString(line.Span);
            return content.Substring(0, content.Length - content.TrimStart().Length);
        }

        private static string NewLine(SourceText text) => text.ToString().Contains("\r\n") ? "\r\n" : "\n";
    }
}
