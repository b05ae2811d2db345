using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Lux.Generators.Diagnostics;
using Lux.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lux.Generators.Parse
{
    /// <summary>
    /// The Parse stage: one attributed record (host, user, feature, profile, secrets policy) in,
    /// one equatable <see cref="DeclarationSpec"/> out. Runs in the generator's syntax-provider
    /// transform and in the analyzers, so both see the same fleet.
    /// </summary>
    internal static class DeclarationParser
    {
        private static readonly ConditionalWeakTable<SemanticModel, SemanticModel> WithoutNullableAnalysis = new();

        /// <summary>
        /// The Lux declarations a type declaration makes: one per Lux attribute applied on it (none for any
        /// other type). Reused from an earlier compilation while that is sound (see <see cref="ParseCache"/>).
        /// </summary>
        public static EquatableArray<DeclarationSpec> ParseAll(TypeDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken) =>
            ParseCache.GetOrParse(declaration, model, () =>
            {
                model = WithoutNullableAnalysis.GetValue(model, FasterModel);
                var symbols = LuxSymbols.For(model.Compilation);
                if (symbols.Dsl is null || model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol symbol)
                    return EquatableArray<DeclarationSpec>.Empty;
                var specs = new List<DeclarationSpec>();
                // A record is one kind (two are LUX0002 on it): as main's IDE did, it is read as its first only,
                // so the rest's rules (its base record, say) do not report on a kind it will not keep.
                foreach (var kind in KindsAppliedAt(symbols, symbol, declaration).Take(1))
                    specs.Add(ParseSafely(symbols, symbol, declaration, model, kind, cancellationToken));
                return specs.ToEquatableArray();
            });

        /// <summary>
        /// Parse reads symbols, types, conversions and constants, never flow-inferred nullability, so a model
        /// without nullable analysis gives it the same answers for about a third less binding (the cold run's
        /// largest cost). The option is experimental in Roslyn: where it is missing, the given model is used.
        /// </summary>
        private static SemanticModel FasterModel(SemanticModel model)
        {
            try
            {
                return WithoutNullable(model);
            }
            catch (MissingMethodException)
            {
                return model;
            }
            catch (TypeLoadException)
            {
                return model;
            }
        }

#pragma warning disable RSEXPERIMENTAL001 // Guarded above: only its absence is handled, not a change of meaning.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SemanticModel WithoutNullable(SemanticModel model) =>
            model.Compilation.GetSemanticModel(model.SyntaxTree, SemanticModelOptions.DisableNullableAnalysis);
#pragma warning restore RSEXPERIMENTAL001

        /// <summary>The Lux attributes written on this declaration of the type (not on its other partial parts), as FAWMN would match them.</summary>
        private static IEnumerable<DeclarationKind> KindsAppliedAt(LuxSymbols symbols, INamedTypeSymbol symbol, TypeDeclarationSyntax declaration)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.ApplicationSyntaxReference is not { } reference || reference.SyntaxTree != declaration.SyntaxTree ||
                    !declaration.AttributeLists.Any(list => list.Span.Contains(reference.Span)))
                    continue;
                if (symbols.KindOf(attribute) is { } kind)
                    yield return kind;
            }
        }

        /// <summary>Parse that never throws: a failure inside Lux becomes a diagnostic on the record.</summary>
        private static DeclarationSpec ParseSafely(LuxSymbols symbols, INamedTypeSymbol symbol, TypeDeclarationSyntax declaration, SemanticModel model,
            DeclarationKind kind, CancellationToken cancellationToken)
        {
            try
            {
                return Parse(symbols, symbol, declaration, model, kind, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var span = Spans.Of(declaration.Identifier);
                var diagnostic = LuxDiagnostics.InternalError.At(span, "reading " + symbol.Name, e.GetType().Name, e.Message);
                return new DeclarationSpec(kind, LuxSymbols.FullName(symbol), symbol.Name, EquatableArray<string>.Empty, EquatableArray<PropertySpec>.Empty,
                    EquatableArray<GateSpec>.Empty, new[] { diagnostic }.ToEquatableArray(), span);
            }
        }

        /// <summary>Every Lux kind the type's attributes give it, in attribute order: one, unless the config is wrong.</summary>
        private static List<DeclarationKind> KindsOf(LuxSymbols symbols, INamedTypeSymbol symbol)
        {
            var kinds = new List<DeclarationKind>();
            foreach (var attribute in symbol.GetAttributes())
            {
                if (symbols.KindOf(attribute) is { } kind && !kinds.Contains(kind))
                    kinds.Add(kind);
            }
            return kinds;
        }

        private static DeclarationSpec Parse(LuxSymbols symbols, INamedTypeSymbol symbol, TypeDeclarationSyntax declaration, SemanticModel model,
            DeclarationKind kind, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var span = Spans.Of(declaration.Identifier);
            CheckShape(symbols, symbol, declaration, kind, span, diagnostics);

            var expressions = new ExpressionParser(model, symbols, diagnostics);
            var properties = new List<PropertySpec>();
            var gates = new List<GateSpec>();
            var positional = new List<string>();

            if (declaration.ParameterList is { } parameterList)
            {
                foreach (var parameter in parameterList.Parameters)
                {
                    positional.Add(parameter.Identifier.ValueText);
                    if (parameter.Default is { } defaultValue)
                        properties.Add(new PropertySpec(parameter.Identifier.ValueText, expressions.Parse(defaultValue.Value), Spans.Of(parameter)));
                }
            }

            foreach (var member in declaration.Members)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (TooDeep(member))
                {
                    // Checked on syntax alone: asking the semantic model about such a member runs Roslyn's
                    // nullable analysis over it recursively, which overflows the stack in the IDE and the compiler.
                    expressions.Unsupported(member, "A member nested deeper than " + MaxSyntaxDepth + " syntax levels",
                        "split it into locals, properties or several gates");
                    continue;
                }
                switch (member)
                {
                    case PropertyDeclarationSyntax property:
                        if (ParseProperty(property, expressions) is { } spec)
                            properties.Add(spec);
                        break;
                    case MethodDeclarationSyntax method:
                        if (ParseGate(symbols, method, model, diagnostics) is { } gate)
                            gates.Add(gate);
                        break;
                    case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                        // Constants are folded where they are used.
                        break;
                    default:
                        expressions.Unsupported(member, "This member (" + member.Kind() + ")",
                            "a Lux record holds properties (facts, includes) and [PerHost]/[PerUser] methods");
                        break;
                }
            }

            var parsed = new DeclarationSpec(kind, LuxSymbols.FullName(symbol), symbol.Name, positional.ToEquatableArray(),
                properties.ToEquatableArray(), gates.ToEquatableArray(), diagnostics.ToEquatableArray(), span);
            return parsed with { Creates = CreatedNames.Of(parsed) };
        }

        /// <summary>How deep a member's syntax may nest; real config stays far below (a gate is about 20 deep).</summary>
        private const int MaxSyntaxDepth = 400;

        /// <summary>Whether the member's syntax nests deeper than <see cref="MaxSyntaxDepth"/>, measured without recursion.</summary>
        private static bool TooDeep(SyntaxNode member)
        {
            var stack = new Stack<(SyntaxNode Node, int Depth)>();
            stack.Push((member, 0));
            while (stack.Count > 0)
            {
                var (node, depth) = stack.Pop();
                if (depth > MaxSyntaxDepth)
                    return true;
                // ChildNodesAndTokens is a struct list; ChildNodes would allocate an iterator per node.
                foreach (var child in node.ChildNodesAndTokens())
                {
                    if (child.AsNode() is { } childNode)
                        stack.Push((childNode, depth + 1));
                }
            }
            return false;
        }

        private static void CheckShape(LuxSymbols symbols, INamedTypeSymbol symbol, TypeDeclarationSyntax declaration, DeclarationKind kind, SourceSpan span,
            List<DiagnosticInfo> diagnostics)
        {
            var expectedBase = symbols.BaseOf(kind);
            var baseName = expectedBase?.Name ?? kind.ToString();
            if (!symbol.IsRecord)
                diagnostics.Add(LuxDiagnostics.NotARecord.At(span, kind, symbol.Name, baseName));
            else if (symbol.BaseType is { } baseType && !LuxSymbols.Is(baseType, expectedBase))
                diagnostics.Add(LuxDiagnostics.WrongBaseRecord.At(span, kind, symbol.Name, baseName, baseType.Name));
            if (declaration.Modifiers.Any(SyntaxKind.PartialKeyword) && symbol.DeclaringSyntaxReferences.Length > 1)
                diagnostics.Add(LuxDiagnostics.PartialRecord.At(span, symbol.Name));
            // The generator reads a record once per Lux attribute and the IDE once per record: with two kinds
            // they would see different fleets, so a record is one kind.
            if (KindsOf(symbols, symbol) is { Count: > 1 } kinds)
                diagnostics.Add(LuxDiagnostics.SeveralKinds.At(span, symbol.Name, string.Join(" and ", kinds.Select(k => "[" + k + "]"))));
            if (symbol.IsGenericType)
                diagnostics.Add(LuxDiagnostics.GenericRecord.At(span, symbol.Name));
        }

        private static PropertySpec? ParseProperty(PropertyDeclarationSyntax property, ExpressionParser expressions)
        {
            var span = Spans.Of(property.Identifier);
            if (property.ExpressionBody is { } arrow)
                return new PropertySpec(property.Identifier.ValueText, expressions.Parse(arrow.Expression), span);
            if (property.Initializer is { } initializer)
                return new PropertySpec(property.Identifier.ValueText, expressions.Parse(initializer.Value), span);
            if (property.AccessorList is { } accessors)
            {
                var getter = accessors.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
                if (getter?.ExpressionBody is { } getterArrow)
                    return new PropertySpec(property.Identifier.ValueText, expressions.Parse(getterArrow.Expression), span);
                if (getter?.Body is { Statements.Count: 1 } body && body.Statements[0] is ReturnStatementSyntax { Expression: { } returned })
                    return new PropertySpec(property.Identifier.ValueText, expressions.Parse(returned), span);
                if (getter?.Body is not null)
                {
                    expressions.Unsupported(getter, "A property getter with statements", "write it as an expression: public override X Y => ...;");
                    return null;
                }
                // { get; init; } with no initializer: set by whoever creates the record, otherwise absent.
                return null;
            }
            return null;
        }

        private static GateSpec? ParseGate(LuxSymbols symbols, MethodDeclarationSyntax method, SemanticModel model, List<DiagnosticInfo> diagnostics)
        {
            var symbol = model.GetDeclaredSymbol(method);
            if (symbol is null)
                return null;
            var isPerHost = LuxSymbols.HasAttribute(symbol, symbols.PerHostAttribute);
            var isPerUser = LuxSymbols.HasAttribute(symbol, symbols.PerUserAttribute);
            var span = Spans.Of(method.Identifier);
            if (!isPerHost && !isPerUser)
            {
                diagnostics.Add(LuxDiagnostics.Unsupported.At(span, "The method '" + symbol.Name + "'", "mark it [PerHost] or [PerUser], or express the value as a property"));
                return null;
            }
            if (isPerHost && isPerUser)
            {
                diagnostics.Add(LuxDiagnostics.BothGates.At(span, symbol.Name));
                return null;
            }

            var kind = isPerHost ? GateKind.PerHost : GateKind.PerUser;
            var parameters = new List<GateParameter>();
            var roots = new Dictionary<string, ParameterRole>();
            foreach (var parameter in symbol.Parameters)
            {
                ParameterRole? role = parameter.Type switch
                {
                    var t when LuxSymbols.Is(t, symbols.Host) => ParameterRole.Host,
                    var t when LuxSymbols.Is(t, symbols.User) => ParameterRole.User,
                    var t when LuxSymbols.Is(t, symbols.NixOS) => ParameterRole.NixOS,
                    var t when LuxSymbols.Is(t, symbols.HomeManager) => ParameterRole.HomeManager,
                    _ => null,
                };
                var parameterSpan = parameter.Locations.Length > 0 ? Spans.Of(parameter.Locations[0]) : span;
                if (role is null)
                {
                    diagnostics.Add((isPerUser ? LuxDiagnostics.PerUserParameterType : LuxDiagnostics.PerHostParameterType).At(parameterSpan, parameter.Name, symbol.Name, parameter.Type.Name));
                    return null;
                }
                if (kind == GateKind.PerHost && role is ParameterRole.User or ParameterRole.HomeManager)
                {
                    diagnostics.Add(LuxDiagnostics.PerHostTakesUser.At(parameterSpan, symbol.Name, role == ParameterRole.User ? "user" : "home-manager config"));
                    return null;
                }
                if (parameters.Any(p => p.Role == role))
                {
                    diagnostics.Add(LuxDiagnostics.RepeatedParameter.At(parameterSpan, symbol.Name, role));
                    return null;
                }
                parameters.Add(new GateParameter(parameter.Name, role.Value));
                if (role is ParameterRole.NixOS or ParameterRole.HomeManager)
                    roots[parameter.Name] = role.Value;
            }
            if (!symbol.ReturnsVoid)
                diagnostics.Add(LuxDiagnostics.GateReturnsValue.At(span, symbol.Name));

            var expressions = new ExpressionParser(model, symbols, diagnostics, roots);
            var body = new StatementParser(model, symbols, expressions, diagnostics).ParseBody(method);
            return new GateSpec(kind, symbol.Name, parameters.ToEquatableArray(), body, span);
        }
    }
}
