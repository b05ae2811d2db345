using System.Collections.Generic;
using Lux.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lux.Generators.Parse
{
    /// <summary>
    /// Turns the body of a <c>[PerHost]</c>/<c>[PerUser]</c> method into statements: option definitions,
    /// locals, <c>foreach</c> over known collections, and <c>if</c>.
    /// </summary>
    internal sealed class StatementParser
    {
        private readonly SemanticModel model;
        private readonly LuxSymbols symbols;
        private readonly ExpressionParser expressions;
        private readonly List<DiagnosticInfo> diagnostics;
        private readonly OptionChecks options;

        public StatementParser(SemanticModel model, LuxSymbols symbols, ExpressionParser expressions, List<DiagnosticInfo> diagnostics)
        {
            this.model = model;
            this.symbols = symbols;
            this.expressions = expressions;
            this.diagnostics = diagnostics;
            options = new OptionChecks(model, symbols, diagnostics);
        }

        public EquatableArray<Stmt> ParseBody(BaseMethodDeclarationSyntax method)
        {
            if (method.ExpressionBody is { } arrow)
                return new[] { ParseExpressionStatement(arrow.Expression) }.ToEquatableArray();
            if (method.Body is { } block)
                return ParseBlock(block.Statements);
            return EquatableArray<Stmt>.Empty;
        }

        private EquatableArray<Stmt> ParseBlock(IEnumerable<StatementSyntax> statements)
        {
            var result = new List<Stmt>();
            foreach (var statement in statements)
                ParseInto(statement, result);
            return result.ToEquatableArray();
        }

        private int depth;

        private void ParseInto(StatementSyntax statement, List<Stmt> into)
        {
            // Blocks and ifs nest recursively here, as expressions do in ExpressionParser: bounded the same way.
            if (depth >= ExpressionParser.MaxDepth)
            {
                into.Add(Unsupported(statement, "Statements nested deeper than " + ExpressionParser.MaxDepth + " levels", "flatten them with guard clauses (return;)"));
                return;
            }
            depth++;
            try
            {
                ParseIntoCore(statement, into);
            }
            finally
            {
                depth--;
            }
        }

        private void ParseIntoCore(StatementSyntax statement, List<Stmt> into)
        {
            var span = Spans.Of(statement);
            switch (statement)
            {
                case BlockSyntax block:
                    foreach (var inner in block.Statements)
                        ParseInto(inner, into);
                    break;
                case ExpressionStatementSyntax expression:
                    into.Add(ParseExpressionStatement(expression.Expression));
                    break;
                case LocalDeclarationStatementSyntax local:
                    foreach (var variable in local.Declaration.Variables)
                    {
                        if (variable.Initializer is null)
                            into.Add(Unsupported(variable, "A local without a value", "give it its value where you declare it: var x = ...;"));
                        else
                            into.Add(new LetStmt(variable.Identifier.ValueText, expressions.Parse(variable.Initializer.Value), Spans.Of(variable)));
                    }
                    break;
                case ForEachStatementSyntax @foreach:
                    into.Add(new ForeachStmt(@foreach.Identifier.ValueText, expressions.Parse(@foreach.Expression),
                        ParseBlock(new[] { @foreach.Statement }), span));
                    break;
                case IfStatementSyntax @if:
                    into.Add(new IfStmt(expressions.Parse(@if.Condition), ParseBlock(new[] { @if.Statement }),
                        @if.Else is null ? EquatableArray<Stmt>.Empty : ParseBlock(new[] { @if.Else.Statement }), span));
                    break;
                case EmptyStatementSyntax:
                    break;
                case ReturnStatementSyntax { Expression: null }:
                    into.Add(new ReturnStmt(span));
                    break;
                case ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                    into.Add(Unsupported(statement, "A " + statement.Kind().ToString().Replace("Statement", "").ToLowerInvariant() + " loop", "loop with foreach over a known collection (host.Users, host.Displays, ...)"));
                    break;
                default:
                    into.Add(Unsupported(statement, "This statement (" + statement.Kind() + ")", "write option assignments, locals, foreach and if"));
                    break;
            }
        }

        private Stmt ParseExpressionStatement(ExpressionSyntax expression)
        {
            var span = Spans.Of(expression);
            switch (expression)
            {
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                {
                    var target = expressions.Parse(assignment.Left);
                    if (target is not OptionMemberExpr and not OptionIndexExpr)
                        return Unsupported(assignment.Left, "Assigning to something other than an option",
                            "locals are immutable in Lux: declare a new one, or assign an option (os.Services.OpenSsh.Enable = true)");
                    options.CheckAssignment(assignment.Left, assignment.Right);
                    return new AssignStmt(target, null, expressions.Parse(assignment.Right), span);
                }
                case AssignmentExpressionSyntax compound:
                    return Unsupported(compound, "The compound assignment '" + compound.OperatorToken.Text + "'",
                        "assign with '=': list definitions from different places concatenate as in NixOS");
                case InvocationExpressionSyntax invocation when IsOptionSet(invocation, out var receiver, out var isChecked):
                {
                    var args = invocation.ArgumentList.Arguments;
                    if (args.Count != 2)
                        return Unsupported(invocation, "Set with " + args.Count + " arguments", "call Set(\"option.path\", value)");
                    if (isChecked)
                        options.CheckSet(receiver, args[0].Expression, args[1].Expression);
                    var target = expressions.Parse(receiver);
                    return new AssignStmt(target, expressions.Parse(args[0].Expression), expressions.Parse(args[1].Expression), span);
                }
                default:
                    return Unsupported(expression, "This statement", "a gate's body defines options: os.Services.OpenSsh.Enable = true; or os.Set(\"path\", value);");
            }
        }

        /// <summary><c>node.Set(path, value)</c>, checked against the schemas, or <c>node.SetUnchecked(path, value)</c>.</summary>
        private bool IsOptionSet(InvocationExpressionSyntax invocation, out ExpressionSyntax receiver, out bool isChecked)
        {
            receiver = invocation.Expression;
            isChecked = false;
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: LuxSymbols.OptionSet or LuxSymbols.OptionSetUnchecked } access)
                return false;
            receiver = access.Expression;
            isChecked = access.Name.Identifier.ValueText == LuxSymbols.OptionSet;
            return model.GetSymbolInfo(invocation).Symbol is IMethodSymbol { ContainingType: { } type } && LuxSymbols.Is(type, symbols.OptionNode);
        }

        private Stmt Unsupported(SyntaxNode node, string what, string instead)
        {
            var unsupported = (UnsupportedExpr)expressions.Unsupported(node, what, instead);
            return new UnsupportedStmt(unsupported.What, unsupported.Instead, unsupported.Span);
        }
    }
}
