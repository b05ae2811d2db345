using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lux.Generators.Parse
{
    /// <summary>
    /// Checks option definitions against what the module system declares, as the generated option trees carry
    /// it (<c>[Nix]</c>, <c>[NixOption]</c>, <c>[NixRange]</c>, <c>[NixFreeform]</c>, <c>[NixRenamed]</c> on the
    /// root): the path of a <c>Set</c> exists, its value has the option's type, literals are in range, enum
    /// strings are values of the enum, nothing defines a read-only option or a null where null is not a value.
    /// </summary>
    internal sealed class OptionChecks
    {
        private readonly SemanticModel model;
        private readonly LuxSymbols symbols;
        private readonly List<DiagnosticInfo> diagnostics;

        public OptionChecks(SemanticModel model, LuxSymbols symbols, List<DiagnosticInfo> diagnostics)
        {
            this.model = model;
            this.symbols = symbols;
            this.diagnostics = diagnostics;
        }

        /// <summary><c>node.Set("a.b", value)</c>: the path from the node's type, then the value.</summary>
        public void CheckSet(ExpressionSyntax receiver, ExpressionSyntax pathSyntax, ExpressionSyntax valueSyntax)
        {
            if (model.GetConstantValue(pathSyntax) is not { HasValue: true, Value: string path })
                return; // GateRunner reports a path that is not a constant string
            var type = model.GetTypeInfo(receiver).Type;
            if (type is null)
                return;
            var prefix = NixPathOf(receiver);
            var segments = path.Split('.');
            var current = type;
            for (var i = 0; i < segments.Length; i++)
            {
                var segment = segments[i];
                if (IsAttrs(current, out var element))
                {
                    current = element;
                    continue;
                }
                if (!symbols.IsOptionNode(current))
                {
                    if (symbols.IsOpenValue(Underlying(current)))
                        return; // inside a free-form value: any name
                    Report(LuxDiagnostics.NotASubmodule, pathSyntax, Join(prefix, segments.Take(i)), TypeText(LastProperty), segment);
                    return;
                }
                var property = FindMember(current, segment);
                if (property is null)
                {
                    var full = Join(prefix, segments);
                    if (RenamedTo(full) is { } renamed)
                    {
                        diagnostics.Add(LuxDiagnostics.RenamedOption.At(Spans.Of(pathSyntax), full, renamed)
                            .WithFixes((LuxFixes.ReplaceString, Relative(prefix, renamed) ?? renamed)));
                        return;
                    }
                    if (IsRemoved(full, out var removed))
                    {
                        Report(LuxDiagnostics.RemovedOption, pathSyntax, removed);
                        return;
                    }
                    if (LuxSymbols.HasAttribute(current.OriginalDefinition, symbols.NixFreeformAttribute))
                        return; // a name in the free part of a freeform submodule
                    var nearest = Nearest(current, segment).Select(n => Join(prefix, segments.Take(i).Concat(new[] { n }))).ToArray();
                    var suggestion = LuxDiagnostics.SuggestionClause(nearest);
                    if (prefix.Count + i == 0)
                        Report(LuxDiagnostics.NoSuchOption, pathSyntax, full, suggestion);
                    else
                        Report(LuxDiagnostics.NoSuchNestedOption, pathSyntax, full, Join(prefix, segments.Take(i)), segment, suggestion);
                    return;
                }
                LastProperty = property;
                if (i == segments.Length - 1)
                {
                    CheckValue(property, valueSyntax, Join(prefix, segments), fromSet: true);
                    return;
                }
                current = property.Type;
            }
        }

        private IPropertySymbol? LastProperty { get; set; }

        /// <summary><c>os.A.B = value</c>: the C# compiler has checked the type; Lux checks what the type cannot say.</summary>
        public void CheckAssignment(ExpressionSyntax target, ExpressionSyntax valueSyntax)
        {
            if (model.GetSymbolInfo(target).Symbol is not IPropertySymbol property || !symbols.IsOptionNode(property.ContainingType))
                return;
            CheckValue(property, valueSyntax, string.Join(".", NixPathOf(target)), fromSet: false);
        }

        private void CheckValue(IPropertySymbol property, ExpressionSyntax valueSyntax, string path, bool fromSet)
        {
            var option = LuxSymbols.Attribute(property, symbols.NixOptionAttribute);
            if (option is null)
                return; // a node, or a hand-declared option without a schema
            var typeText = option.ConstructorArguments.Length > 0 ? option.ConstructorArguments[0].Value as string ?? "" : "";
            if (Named(option, "ReadOnly") is true)
            {
                Report(LuxDiagnostics.ReadOnlyOption, valueSyntax, path);
                return;
            }
            var value = Unwrap(valueSyntax);
            if (value.IsKind(SyntaxKind.NullLiteralExpression))
            {
                if (Named(option, "Nullable") is not true)
                    Report(LuxDiagnostics.NullNotAValue, value, path, typeText);
                return;
            }
            if (IsRaw(value))
                return;
            var target = property.Type;
            if (fromSet)
            {
                var enumType = EnumOf(target);
                if (enumType is not null && model.GetConstantValue(value) is { HasValue: true, Value: string text })
                {
                    var names = EnumNixNames(enumType);
                    if (!names.Contains(text))
                        Report(LuxDiagnostics.NotAnEnumValue, value, text, path, string.Join(", ", names.Select(n => "\"" + n + "\"")));
                    return;
                }
                var conversion = model.ClassifyConversion(value, target);
                if (!conversion.Exists || !conversion.IsImplicit)
                {
                    var actual = model.GetTypeInfo(value).Type?.ToDisplayString() ?? "this value";
                    Report(LuxDiagnostics.WrongOptionType, value, path, typeText, actual);
                    return;
                }
            }
            if (LuxSymbols.Attribute(property, symbols.NixRangeAttribute) is { ConstructorArguments.Length: 2 } range &&
                range.ConstructorArguments[0].Value is long min && range.ConstructorArguments[1].Value is long max)
                CheckRange(value, path, min, max);
        }

        private void CheckRange(ExpressionSyntax value, string path, long min, long max)
        {
            var items = value switch
            {
                CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => Unwrap(e.Expression)),
                ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.Select(Unwrap),
                ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions.Select(Unwrap),
                _ => new[] { value },
            };
            foreach (var item in items)
            {
                if (model.GetConstantValue(item) is not { HasValue: true, Value: { } constant } || constant is string or bool or double or float)
                    continue;
                long number;
                try
                {
                    number = Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (OverflowException)
                {
                    number = long.MaxValue;
                }
                if (number < min || number > max)
                    Report(LuxDiagnostics.OutOfRange, item, number, path, min, max);
            }
        }

        // ---- the trees' metadata -----------------------------------------------------------------------

        /// <summary>The option member of an option-tree type whose Nix name is <paramref name="nixName"/>.</summary>
        private IPropertySymbol? FindMember(ITypeSymbol type, string nixName)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false } property && symbols.NixName(property) == nixName)
                    return property;
            }
            return null;
        }

        private IEnumerable<string> Nearest(ITypeSymbol type, string wanted) =>
            ClosestNames.For(wanted, type.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && !p.IsIndexer).Select(symbols.NixName));

        private string? RenamedTo(string path)
        {
            foreach (var attribute in RootAttributes(symbols.NixRenamedAttribute))
            {
                if (attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[0].Value is string from && attribute.ConstructorArguments[1].Value is string to)
                {
                    if (path == from)
                        return to;
                    if (path.StartsWith(from + ".", StringComparison.Ordinal))
                        return to + path.Substring(from.Length);
                }
            }
            return null;
        }

        private bool IsRemoved(string path, out string removed)
        {
            foreach (var attribute in RootAttributes(symbols.NixRemovedAttribute))
            {
                if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string r &&
                    (path == r || path.StartsWith(r + ".", StringComparison.Ordinal)))
                {
                    removed = r;
                    return true;
                }
            }
            removed = "";
            return false;
        }

        private ITypeSymbol? root;

        /// <summary>Renamed and removed options are listed on the root of the tree the checked Set is in.</summary>
        private IEnumerable<AttributeData> RootAttributes(INamedTypeSymbol? attribute) =>
            root is null ? Enumerable.Empty<AttributeData>() : root.GetAttributes().Where(a => LuxSymbols.Is(a.AttributeClass, attribute));

        /// <summary>The Nix path of an option-tree expression (<c>os.Services.OpenSsh</c> → services.openssh), keys as &lt;name&gt;.</summary>
        private IReadOnlyList<string> NixPathOf(ExpressionSyntax expression)
        {
            var path = new List<string>();
            var current = expression;
            while (true)
            {
                current = Unwrap(current);
                switch (current)
                {
                    case MemberAccessExpressionSyntax member when model.GetSymbolInfo(member).Symbol is IPropertySymbol property && symbols.IsOptionNode(property.ContainingType):
                        path.Add(symbols.NixName(property));
                        current = member.Expression;
                        continue;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: LuxSymbols.OptionModule } module } invocation
                        when invocation.ArgumentList.Arguments.Count == 1 && model.GetConstantValue(invocation.ArgumentList.Arguments[0].Expression) is { HasValue: true, Value: string modulePath }:
                        path.AddRange(Enumerable.Reverse(modulePath.Split('.')));
                        current = module.Expression;
                        continue;
                    case ElementAccessExpressionSyntax element:
                        path.Add(model.GetConstantValue(element.ArgumentList.Arguments.FirstOrDefault()?.Expression ?? element) is { HasValue: true, Value: string key } ? key : "<name>");
                        current = element.Expression;
                        continue;
                }
                root = model.GetTypeInfo(current).Type;
                path.Reverse();
                return path;
            }
        }

        private static string Join(IReadOnlyList<string> prefix, IEnumerable<string> segments) => string.Join(".", prefix.Concat(segments));

        private static string? Relative(IReadOnlyList<string> prefix, string path)
        {
            var start = string.Join(".", prefix);
            if (start.Length == 0)
                return path;
            return path.StartsWith(start + ".", StringComparison.Ordinal) ? path.Substring(start.Length + 1) : null;
        }

        private bool IsAttrs(ITypeSymbol type, out ITypeSymbol element)
        {
            element = type;
            if (type is INamedTypeSymbol { IsGenericType: true } named && symbols.IsAttrsOf(type))
            {
                element = named.TypeArguments[0];
                return true;
            }
            return false;
        }

        private static INamedTypeSymbol? EnumOf(ITypeSymbol type) =>
            Underlying(type) is INamedTypeSymbol { TypeKind: TypeKind.Enum } e ? e : null;

        private static ITypeSymbol Underlying(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

        /// <summary>The Nix values of a generated enum: each member's <c>[Nix]</c> name.</summary>
        private IReadOnlyList<string> EnumNixNames(INamedTypeSymbol enumType) =>
            enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(symbols.NixNameOf).Where(n => n is not null).Select(n => n!).ToArray();

        private bool IsRaw(ExpressionSyntax value) =>
            LuxSymbols.Is(model.GetTypeInfo(value).Type, symbols.NixExpr) ||
            value is InvocationExpressionSyntax && model.GetSymbolInfo(value).Symbol is IMethodSymbol { Name: LuxSymbols.NixRaw } method && LuxSymbols.Is(method.ContainingType, symbols.Nix);

        private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax p:
                        expression = p.Expression;
                        continue;
                    case PostfixUnaryExpressionSyntax bang when bang.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        expression = bang.Operand;
                        continue;
                    default:
                        return expression;
                }
            }
        }

        private static object? Named(AttributeData attribute, string name) =>
            attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value;

        private string TypeText(IPropertySymbol? property) =>
            property is not null && LuxSymbols.Attribute(property, symbols.NixOptionAttribute) is { ConstructorArguments.Length: > 0 } a ? a.ConstructorArguments[0].Value as string ?? "?" : "?";

        private void Report(DiagnosticDescriptor descriptor, SyntaxNode at, params object?[] arguments) => diagnostics.Add(descriptor.At(Spans.Of(at), arguments));
    }
}
