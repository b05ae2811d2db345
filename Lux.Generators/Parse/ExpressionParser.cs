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
    /// Turns C# expressions into Lux's expression model, with the semantic model's help (constants,
    /// conversions, which member a name means). Anything outside the subset becomes an
    /// <see cref="UnsupportedExpr"/> and a LUX0001 at its exact span, saying what to write instead.
    /// </summary>
    internal sealed class ExpressionParser
    {
        private static readonly HashSet<string> LinqOperators = new()
        {
            "Select", "Where", "Any", "All", "Contains", "Count", "ToArray", "ToList", "Concat", "Distinct",
            "OrderBy", "OrderByDescending", "First", "FirstOrDefault", "SelectMany",
        };

        private static readonly HashSet<string> StringMethods = new()
        {
            "ToLowerInvariant", "ToUpperInvariant", "StartsWith", "EndsWith", "Contains", "Replace", "Trim", "Substring", "IndexOf", "LastIndexOf", "Split",
        };

        private readonly SemanticModel model;
        private readonly LuxSymbols symbols;
        private readonly List<DiagnosticInfo> diagnostics;
        private readonly Dictionary<string, ParameterRole> optionRoots;

        public ExpressionParser(SemanticModel model, LuxSymbols symbols, List<DiagnosticInfo> diagnostics, Dictionary<string, ParameterRole>? optionRoots = null)
        {
            this.model = model;
            this.symbols = symbols;
            this.diagnostics = diagnostics;
            this.optionRoots = optionRoots ?? new Dictionary<string, ParameterRole>();
        }

        public SourceSpan SpanOf(SyntaxNode node) => Spans.Of(node);

        public Expr Unsupported(SyntaxNode node, string what, string instead)
        {
            var span = SpanOf(node);
            diagnostics.Add(LuxDiagnostics.Unsupported.At(span, what, instead));
            return new UnsupportedExpr(what, instead, span);
        }

        /// <summary>
        /// How deep expressions may nest. Roslyn compiles a chain of thousands of '+' iteratively; reading it
        /// recursively overflowed the stack and killed the compiler. Evaluation stops at the same depth anyway.
        /// </summary>
        public const int MaxDepth = 200;

        private int depth;

        public Expr Parse(ExpressionSyntax syntax)
        {
            if (depth >= MaxDepth)
                return Unsupported(syntax, "An expression nested deeper than " + MaxDepth + " levels", "split it into locals or properties");
            depth++;
            try
            {
                var expr = ParseCore(syntax);
                // C# converts int to double silently; Nix must see a float literal (niri rejects 60 for a refresh rate).
                var info = model.GetTypeInfo(syntax);
                if (expr is not ConstExpr && IsIntegral(info.Type) && IsFloating(info.ConvertedType))
                    return new ToFloatExpr(expr, expr.Span);
                return expr;
            }
            finally
            {
                depth--;
            }
        }

        private Expr ParseCore(ExpressionSyntax syntax)
        {
            var span = SpanOf(syntax);
            var constant = model.GetConstantValue(syntax);
            if (constant.HasValue)
            {
                var typeInfo = model.GetTypeInfo(syntax);
                if (Underlying(typeInfo.Type) is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
                    return new ConstExpr(EnumValue(enumType, constant.Value), span);
                return new ConstExpr(NormaliseConstant(constant.Value, typeInfo.ConvertedType), span);
            }

            switch (syntax)
            {
                case ParenthesizedExpressionSyntax p:
                    return Parse(p.Expression);
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.DefaultLiteralExpression):
                    return Unsupported(syntax, "'default'", "write the value itself (null, false, 0, [])");
                case CollectionExpressionSyntax collection:
                    return ParseCollection(collection);
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    return ParseInitializerList(implicitArray.Initializer, span);
                case ArrayCreationExpressionSyntax array when array.Initializer is not null:
                    return ParseInitializerList(array.Initializer, span);
                case BaseObjectCreationExpressionSyntax creation:
                    return ParseCreation(creation);
                case WithExpressionSyntax with:
                    return new WithExpr(Parse(with.Expression), ParseInitializers(with.Initializer, optionTree: false), span);
                case ThisExpressionSyntax:
                    return new ThisExpr(span);
                case IdentifierNameSyntax identifier:
                    return ParseIdentifier(identifier);
                case MemberAccessExpressionSyntax member when member.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                    return ParseMemberAccess(member);
                case ElementAccessExpressionSyntax element:
                    return ParseElementAccess(element);
                case ConditionalAccessExpressionSyntax conditional:
                    return new ConditionalAccessExpr(Parse(conditional.Expression), ParseWhenNotNull(conditional.WhenNotNull), span);
                case InvocationExpressionSyntax invocation:
                    return ParseInvocation(invocation);
                case InterpolatedStringExpressionSyntax interpolated:
                    return ParseInterpolation(interpolated);
                case ConditionalExpressionSyntax c:
                    return new ConditionalExpr(Parse(c.Condition), Parse(c.WhenTrue), Parse(c.WhenFalse), span);
                case BinaryExpressionSyntax binary:
                    return ParseBinary(binary);
                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.LogicalNotExpression) || unary.IsKind(SyntaxKind.UnaryMinusExpression):
                    return new UnaryExpr(unary.OperatorToken.Text, Parse(unary.Operand), span);
                case PostfixUnaryExpressionSyntax bang when bang.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    return Parse(bang.Operand);
                case CastExpressionSyntax cast:
                    return ParseCast(cast);
                case IsPatternExpressionSyntax isPattern:
                    return new IsPatternExpr(Parse(isPattern.Expression), ParsePattern(isPattern.Pattern), span);
                case SwitchExpressionSyntax @switch:
                    return ParseSwitch(@switch);
                case SimpleLambdaExpressionSyntax lambda when lambda.ExpressionBody is not null:
                    return new LambdaExpr(lambda.Parameter.Identifier.ValueText, Parse(lambda.ExpressionBody), span);
                case ParenthesizedLambdaExpressionSyntax lambda when lambda.ExpressionBody is not null && lambda.ParameterList.Parameters.Count == 1:
                    return new LambdaExpr(lambda.ParameterList.Parameters[0].Identifier.ValueText, Parse(lambda.ExpressionBody), span);
                case LambdaExpressionSyntax:
                    return Unsupported(syntax, "A lambda with a block body or several parameters", "use a one-parameter expression lambda, as in hosts.Select(h => h.Name)");
                case AnonymousObjectCreationExpressionSyntax:
                    return Unsupported(syntax, "An anonymous object", "use a record, or new() of an option type");
                case QueryExpressionSyntax:
                    return Unsupported(syntax, "LINQ query syntax", "use the method form: xs.Where(x => ...).Select(x => ...)");
                case AwaitExpressionSyntax:
                    return Unsupported(syntax, "'await'", "config is evaluated at compile time; compute the value directly");
                case ThrowExpressionSyntax:
                    return Unsupported(syntax, "'throw'", "state the rule as a fact the analyzers check, or leave the value out");
                case TypeOfExpressionSyntax:
                    return Unsupported(syntax, "'typeof'", "test a record with a pattern: host is Orion");
                case AssignmentExpressionSyntax:
                    return Unsupported(syntax, "An assignment inside an expression", "assign options in a statement of its own");
                default:
                    return Unsupported(syntax, "This expression (" + syntax.Kind() + ")", "write literals, records, member access, interpolation, conditionals, switch expressions or LINQ (Select, Where, Any, ...)");
            }
        }

        private Expr ParseCollection(CollectionExpressionSyntax collection)
        {
            var items = new List<ListItem>();
            foreach (var element in collection.Elements)
            {
                switch (element)
                {
                    case ExpressionElementSyntax e:
                        items.Add(new ListItem(Parse(e.Expression), false));
                        break;
                    case SpreadElementSyntax s:
                        items.Add(new ListItem(Parse(s.Expression), true));
                        break;
                    default:
                        items.Add(new ListItem(Unsupported(element, "This collection element", "list the values, or spread a list with .."), false));
                        break;
                }
            }
            return new ListExpr(items.ToEquatableArray(), SpanOf(collection));
        }

        private Expr ParseInitializerList(InitializerExpressionSyntax initializer, SourceSpan span) =>
            new ListExpr(initializer.Expressions.Select(e => new ListItem(Parse(e), false)).ToEquatableArray(), span);

        private Expr ParseCreation(BaseObjectCreationExpressionSyntax creation)
        {
            var span = SpanOf(creation);
            var type = model.GetTypeInfo(creation).Type;
            if (symbols.IsOptionNode(type))
            {
                if (creation.ArgumentList is { Arguments.Count: > 0 })
                    return Unsupported(creation.ArgumentList, "Constructor arguments to an option type", "set its members in the initializer: new() { Enable = true }");
                return new OptionObjectExpr(ParseInitializers(creation.Initializer, optionTree: true), span);
            }
            if (symbols.IsFleetRecord(type) || symbols.IsFactRecord(type))
            {
                var arguments = new List<NamedExpr>();
                if (creation.ArgumentList is { } argumentList && model.GetSymbolInfo(creation).Symbol is IMethodSymbol constructor)
                {
                    for (var i = 0; i < argumentList.Arguments.Count; i++)
                    {
                        var argument = argumentList.Arguments[i];
                        var name = argument.NameColon?.Name.Identifier.ValueText ?? (i < constructor.Parameters.Length ? constructor.Parameters[i].Name : "?");
                        arguments.Add(new NamedExpr(name, Parse(argument.Expression)));
                    }
                }
                arguments.AddRange(ParseInitializers(creation.Initializer, optionTree: false));
                return new NewRecordExpr(LuxSymbols.FullName(type!), type!.Name, arguments.ToEquatableArray(), span);
            }
            return Unsupported(creation, "Creating " + (type?.Name ?? "this object"),
                "create Lux records (hosts, users, features, Display, Sops, ...) or option objects with new() { ... }");
        }

        /// <summary>Object initializer members; in the option tree, nested <c>{ ... }</c> initializers are option objects too.</summary>
        private EquatableArray<NamedExpr> ParseInitializers(InitializerExpressionSyntax? initializer, bool optionTree)
        {
            if (initializer is null)
                return EquatableArray<NamedExpr>.Empty;
            var members = new List<NamedExpr>();
            foreach (var expression in initializer.Expressions)
            {
                if (expression is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment ||
                    !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                {
                    members.Add(new NamedExpr("?", Unsupported(expression, "This initializer", "assign members by name: Name = value")));
                    continue;
                }
                var property = model.GetSymbolInfo(name).Symbol as IPropertySymbol;
                var key = optionTree && property is not null ? symbols.NixName(property) : name.Identifier.ValueText;
                var value = assignment.Right is InitializerExpressionSyntax nested
                    ? new OptionObjectExpr(ParseInitializers(nested, optionTree), SpanOf(nested))
                    : Parse(assignment.Right);
                members.Add(new NamedExpr(key, value));
            }
            return members.ToEquatableArray();
        }

        private Expr ParseIdentifier(IdentifierNameSyntax identifier)
        {
            var span = SpanOf(identifier);
            var symbol = model.GetSymbolInfo(identifier).Symbol;
            switch (symbol)
            {
                case IParameterSymbol parameter when optionRoots.ContainsKey(parameter.Name):
                    return new OptionRootExpr(parameter.Name, span);
                case IParameterSymbol parameter when parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } &&
                                                     parameter.ContainingType.IsRecord:
                    // A positional record parameter read in the record's own members is its property.
                    return new MemberExpr(new ThisExpr(span), parameter.Name, DefaultFor(parameter.Type, span), span);
                case IParameterSymbol or ILocalSymbol or IRangeVariableSymbol:
                    return new NameExpr(identifier.Identifier.ValueText, span);
                case IPropertySymbol property when !property.IsStatic:
                    return new MemberExpr(new ThisExpr(span), property.Name, DefaultFor(property.Type, span), span);
                default:
                    return Unsupported(identifier, "'" + identifier.Identifier.ValueText + "' (" + (symbol?.Kind.ToString() ?? "unknown") + ")",
                        "read a parameter, a local, or a property of this record");
            }
        }

        private Expr ParseMemberAccess(MemberAccessExpressionSyntax member)
        {
            var span = SpanOf(member);
            var symbol = model.GetSymbolInfo(member).Symbol;
            if (symbol is IPropertySymbol property && !property.IsStatic)
            {
                if (symbols.IsOptionNode(property.ContainingType))
                    return new OptionMemberExpr(Parse(member.Expression), symbols.NixName(property), span);
                return new MemberExpr(Parse(member.Expression), property.Name, DefaultFor(property.Type, span), span);
            }
            if (symbol is IFieldSymbol { IsStatic: true } or IPropertySymbol { IsStatic: true })
                return Unsupported(member, "The static member '" + member + "'", "use a const, or a fact on the host or user");
            return Unsupported(member, "Member '" + member.Name.Identifier.ValueText + "'", "read properties of records, lists and strings");
        }

        private Expr ParseElementAccess(ElementAccessExpressionSyntax element)
        {
            var span = SpanOf(element);
            if (element.ArgumentList.Arguments.Count != 1)
                return Unsupported(element, "An index with several arguments", "index with one key");
            var targetType = model.GetTypeInfo(element.Expression).Type;
            var key = Parse(element.ArgumentList.Arguments[0].Expression);
            if (symbols.IsAttrsOf(targetType))
                return new OptionIndexExpr(Parse(element.Expression), key, span);
            return new IndexExpr(Parse(element.Expression), key, span);
        }

        private Expr ParseWhenNotNull(ExpressionSyntax whenNotNull)
        {
            // a?.B.C: the binding (.B) reads the conditional target; what follows builds on it.
            switch (whenNotNull)
            {
                case MemberBindingExpressionSyntax binding:
                {
                    var span = SpanOf(binding);
                    if (model.GetSymbolInfo(binding).Symbol is not IPropertySymbol property)
                        return Unsupported(binding, "This '?.' member", "read a property with ?.");
                    return new MemberExpr(new ConditionalTargetExpr(span), property.Name, DefaultFor(property.Type, span), span);
                }
                case MemberAccessExpressionSyntax access when model.GetSymbolInfo(access).Symbol is IPropertySymbol property:
                    return new MemberExpr(ParseWhenNotNull(access.Expression), property.Name, DefaultFor(property.Type, SpanOf(access)), SpanOf(access));
                case InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } invocation:
                    return ParseKnownCall(invocation, binding.Name.Identifier.ValueText, new ConditionalTargetExpr(SpanOf(binding)));
                default:
                    return Unsupported(whenNotNull, "This '?.' expression", "read a property with ?. (host.Sops?.AdminKeyPath)");
            }
        }

        private Expr ParseInvocation(InvocationExpressionSyntax invocation)
        {
            if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method)
                return Unsupported(invocation, "This call", "call LINQ operators, Mk.*, Nix.Raw or string methods");
            var containing = method.ContainingType;
            var args = invocation.ArgumentList.Arguments;
            var span = SpanOf(invocation);
            if (LuxSymbols.Is(containing, symbols.Mk))
            {
                switch (method.Name)
                {
                    case LuxSymbols.MkDefault when args.Count == 1:
                        return new PriorityExpr(new ConstExpr((long)DslFacts.DefaultPriority, span), Parse(args[0].Expression), span);
                    case LuxSymbols.MkForce when args.Count == 1:
                        return new PriorityExpr(new ConstExpr((long)DslFacts.ForcePriority, span), Parse(args[0].Expression), span);
                    case LuxSymbols.MkOverride when args.Count == 2:
                        return new PriorityExpr(Parse(args[0].Expression), Parse(args[1].Expression), span);
                }
            }
            if (LuxSymbols.Is(containing, symbols.Nix) && method.Name == LuxSymbols.NixRaw && args.Count == 1)
                return new RawNixExpr(Parse(args[0].Expression), span);
            if (LuxSymbols.Is(containing, symbols.Pkgs) && method.Name == LuxSymbols.PkgsOf && args.Count == 1)
                return ParsePackage(args[0].Expression, span);
            if (containing.SpecialType == SpecialType.System_String && method.Name == "Join" && args.Count == 2)
                return new CallExpr("Join", null, new[] { Parse(args[0].Expression), Parse(args[1].Expression) }.ToEquatableArray(), span);
            if (LuxSymbols.Is(containing, symbols.OptionNode) && method.Name == LuxSymbols.OptionModule && args.Count == 1 && invocation.Expression is MemberAccessExpressionSyntax module)
                return ParseModule(Parse(module.Expression), args[0].Expression, span);
            if (invocation.Expression is MemberAccessExpressionSyntax access)
                return ParseKnownCall(invocation, method.Name, Parse(access.Expression));
            return Unsupported(invocation, "Calling '" + method.Name + "'", "Lux evaluates a fixed set of calls: LINQ (Select, Where, Any, ...), string methods, Mk.*, Nix.Raw");
        }

        /// <summary><c>os.Module&lt;T&gt;("services.my-app")</c>: the option-tree position at that path, typed by the user's T.</summary>
        private Expr ParseModule(Expr receiver, ExpressionSyntax pathSyntax, SourceSpan span)
        {
            if (model.GetConstantValue(pathSyntax) is not { HasValue: true, Value: string path } || path.Length == 0 || path.Split('.').Any(s => s.Length == 0))
                return Unsupported(pathSyntax, "This module path", "give the module's option path as a constant string: Module<MyAppOptions>(\"services.my-app\")");
            var target = receiver;
            foreach (var segment in path.Split('.'))
                target = new OptionMemberExpr(target, segment, span);
            return target;
        }

        /// <summary><c>Pkgs.Of("python3Packages.requests")</c> → <c>pkgs.python3Packages.requests</c>.</summary>
        private Expr ParsePackage(ExpressionSyntax argument, SourceSpan span)
        {
            if (model.GetConstantValue(argument) is not { HasValue: true, Value: string path } ||
                !System.Text.RegularExpressions.Regex.IsMatch(path, @"^[A-Za-z_][A-Za-z0-9_'-]*(\.[A-Za-z_][A-Za-z0-9_'-]*)*$"))
                return Unsupported(argument, "This package attribute path", "name a pkgs attribute as a constant string of plain names: Pkgs.Of(\"python3Packages.requests\"), or write Nix.Raw(\"...\")");
            return new RawNixExpr(new ConstExpr("pkgs." + path, span), span);
        }

        private Expr ParseKnownCall(InvocationExpressionSyntax invocation, string name, Expr receiver)
        {
            var method = model.GetSymbolInfo(invocation).Symbol as IMethodSymbol;
            var isLinq = LinqOperators.Contains(name) && LuxSymbols.Is(method?.ContainingType, symbols.Enumerable);
            var isString = method?.ContainingType?.SpecialType == SpecialType.System_String && StringMethods.Contains(name);
            var isCollectionContains = name == "Contains" && method is { Parameters.Length: 1 } && !isString;
            if (!isLinq && !isString && !isCollectionContains)
                return Unsupported(invocation, "Calling '" + name + "'", "Lux evaluates LINQ (Select, Where, Any, All, Contains, Count, Concat, Distinct, OrderBy, First), string methods (ToLowerInvariant, StartsWith, Replace, Substring, IndexOf, Split, ...) and string.Join");
            var args = invocation.ArgumentList.Arguments.Select(a => Parse(a.Expression)).ToEquatableArray();
            return new CallExpr(name, receiver, args, SpanOf(invocation));
        }

        private Expr ParseInterpolation(InterpolatedStringExpressionSyntax interpolated)
        {
            var parts = new List<Expr>();
            foreach (var content in interpolated.Contents)
            {
                switch (content)
                {
                    case InterpolatedStringTextSyntax text:
                        parts.Add(new ConstExpr(text.TextToken.ValueText, SpanOf(text)));
                        break;
                    case InterpolationSyntax hole when hole.AlignmentClause is null && hole.FormatClause is null:
                        parts.Add(Parse(hole.Expression));
                        break;
                    default:
                        parts.Add(Unsupported(content, "Alignment or format in an interpolation", "format the value without ',n' or ':fmt' (culture-free)"));
                        break;
                }
            }
            return new InterpolationExpr(parts.ToEquatableArray(), SpanOf(interpolated));
        }

        private Expr ParseBinary(BinaryExpressionSyntax binary)
        {
            var op = binary.OperatorToken.Text;
            switch (op)
            {
                case "==":
                case "!=":
                case "&&":
                case "||":
                case "+":
                case "-":
                case "*":
                case "/":
                case "%":
                case "<":
                case ">":
                case "<=":
                case ">=":
                case "??":
                    return new BinaryExpr(op, Parse(binary.Left), Parse(binary.Right), SpanOf(binary));
                case "is" when model.GetTypeInfo(binary.Right).Type is { } type:
                    return new IsPatternExpr(Parse(binary.Left), PatternOf(type, SpanOf(binary.Right)), SpanOf(binary));
                default:
                    return Unsupported(binary, "The operator '" + op + "'", "use ==, !=, &&, ||, +, -, *, /, %, <, >, ?? or a pattern");
            }
        }

        private Expr ParseCast(CastExpressionSyntax cast)
        {
            var target = model.GetTypeInfo(cast.Type).Type;
            var operand = Parse(cast.Expression);
            if (IsFloating(target) && IsIntegral(model.GetTypeInfo(cast.Expression).Type))
                return new ToFloatExpr(operand, SpanOf(cast));
            if (target is not null && (IsIntegral(target) || IsFloating(target)))
                return Unsupported(cast, "A numeric cast that narrows", "keep the value's own type");
            return operand;
        }

        private Expr ParseSwitch(SwitchExpressionSyntax @switch)
        {
            var arms = @switch.Arms.Select(arm => new SwitchArm(
                ParsePattern(arm.Pattern),
                arm.WhenClause is null ? null : Parse(arm.WhenClause.Condition),
                Parse(arm.Expression))).ToEquatableArray();
            return new SwitchExpr(Parse(@switch.GoverningExpression), arms, SpanOf(@switch));
        }

        public Pattern ParsePattern(PatternSyntax pattern)
        {
            var span = SpanOf(pattern);
            if (depth >= MaxDepth)
            {
                Unsupported(pattern, "A pattern nested deeper than " + MaxDepth + " levels", "split it into several arms or conditions");
                return new DiscardPattern(span);
            }
            depth++;
            try
            {
                return ParsePatternCore(pattern, span);
            }
            finally
            {
                depth--;
            }
        }

        private Pattern ParsePatternCore(PatternSyntax pattern, SourceSpan span)
        {
            switch (pattern)
            {
                case DiscardPatternSyntax:
                    return new DiscardPattern(span);
                case ConstantPatternSyntax constant:
                    // `host is Orion` binds Orion as a type, though it parses as a constant.
                    if (model.GetSymbolInfo(constant.Expression).Symbol is INamedTypeSymbol named)
                        return PatternOf(named, span);
                    return new ConstantPattern(Parse(constant.Expression), span);
                case TypePatternSyntax type when model.GetTypeInfo(type.Type).Type is { } t2:
                    return PatternOf(t2, span);
                case RelationalPatternSyntax relational:
                    return new RelationalPattern(relational.OperatorToken.Text, Parse(relational.Expression), span);
                case UnaryPatternSyntax not:
                    return new NotPattern(ParsePattern(not.Pattern), span);
                case BinaryPatternSyntax binary:
                    return new BinaryPattern(binary.OperatorToken.IsKind(SyntaxKind.AndKeyword), ParsePattern(binary.Left), ParsePattern(binary.Right), span);
                case ParenthesizedPatternSyntax parenthesized:
                    return ParsePattern(parenthesized.Pattern);
                case RecursivePatternSyntax recursive when recursive.Designation is null && recursive.Type is null &&
                                                           recursive.PropertyPatternClause is { Subpatterns.Count: 0 }:
                    return new NotPattern(new ConstantPattern(new ConstExpr(null, span), span), span); // { } means not null
                default:
                    Unsupported(pattern, "This pattern", "use constants, null, not null, types (Orion), relational (> 2), and/or/not, or _");
                    return new DiscardPattern(span);
            }
        }

        /// <summary>A type test: of a Lux base record, a kind of fleet record (<c>host is Host</c>); else the type by name.</summary>
        private Pattern PatternOf(ITypeSymbol type, SourceSpan span) => type switch
        {
            var t when LuxSymbols.Is(t, symbols.Host) => new KindPattern(DeclarationKind.Host, span),
            var t when LuxSymbols.Is(t, symbols.User) => new KindPattern(DeclarationKind.User, span),
            var t when LuxSymbols.Is(t, symbols.Feature) => new KindPattern(DeclarationKind.Feature, span),
            var t when LuxSymbols.Is(t, symbols.Profile) => new KindPattern(DeclarationKind.Profile, span),
            _ => new TypePattern(LuxSymbols.FullName(type), span),
        };

        private Expr? DefaultFor(ITypeSymbol type, SourceSpan span)
        {
            if (LuxSymbols.IsListType(type))
                return new ListExpr(EquatableArray<ListItem>.Empty, span);
            if (type.NullableAnnotation == NullableAnnotation.Annotated || !type.IsValueType)
                return new ConstExpr(null, span);
            return type.SpecialType switch
            {
                SpecialType.System_Boolean => new ConstExpr(false, span),
                SpecialType.System_Double or SpecialType.System_Single => new ConstExpr(0.0, span),
                _ when IsIntegral(type) => new ConstExpr(0L, span),
                _ => null,
            };
        }

        /// <summary>A generated enum member is the Nix value its <c>[Nix]</c> names; an integer enum's member is its number.</summary>
        private object? EnumValue(INamedTypeSymbol enumType, object? constant)
        {
            foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
            {
                if (field.HasConstantValue && Equals(field.ConstantValue, constant) && symbols.NixNameOf(field) is { } nixName)
                    return nixName;
            }
            return NormaliseConstant(constant, null);
        }

        private static object? NormaliseConstant(object? value, ITypeSymbol? convertedTo)
        {
            if (value is null or string or bool)
                return value;
            if (value is char c)
                return c.ToString();
            if (IsFloating(convertedTo) || value is double || value is float || value is decimal)
                return System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            // Above long.MaxValue: kept as it is, for Evaluate to refuse at its span (LUX0004).
            if (value is ulong big && big > long.MaxValue)
                return big;
            return System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        private static bool IsIntegral(ITypeSymbol? type)
        {
            type = Underlying(type);
            return type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or
                SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_SByte;
        }

        private static bool IsFloating(ITypeSymbol? type) =>
            Underlying(type)?.SpecialType is SpecialType.System_Double or SpecialType.System_Single;

        private static ITypeSymbol? Underlying(ITypeSymbol? type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
    }
}
