namespace Lux.Generators.Model
{
    // The compile-time subset of C# Lux evaluates, as plain equatable data.
    // Parse turns Roslyn syntax into these; Evaluate gives them values. Every node keeps its span
    // so an evaluation error points at the code that caused it.

    internal abstract record Expr(SourceSpan Span);

    /// <summary>A constant: null, bool, long, double or string (C# constants folded by the compiler).</summary>
    internal sealed record ConstExpr(object? Value, SourceSpan Span) : Expr(Span);

    /// <summary>A collection expression or array initializer; spreads (<c>..xs</c>) are flattened.</summary>
    internal sealed record ListExpr(EquatableArray<ListItem> Items, SourceSpan Span) : Expr(Span);

    internal sealed record ListItem(Expr Value, bool IsSpread);

    /// <summary>A local, a parameter, a foreach or lambda variable.</summary>
    internal sealed record NameExpr(string Name, SourceSpan Span) : Expr(Span);

    /// <summary>The record whose member is being evaluated.</summary>
    internal sealed record ThisExpr(SourceSpan Span) : Expr(Span);

    /// <summary>
    /// <c>target.Member</c> on a value (record, list, string). <paramref name="Default"/> is what an
    /// unset property of a Lux type reads as, from its C# type: null, false, 0 or an empty list.
    /// </summary>
    internal sealed record MemberExpr(Expr Target, string Member, Expr? Default, SourceSpan Span) : Expr(Span);

    /// <summary><c>new T(args) { Init }</c> of a fleet record or a Lux fact record; positional arguments are named.</summary>
    internal sealed record NewRecordExpr(string TypeName, string DisplayName, EquatableArray<NamedExpr> Arguments, SourceSpan Span) : Expr(Span);

    /// <summary>An option-tree object: <c>new() { Width = 2560, Mode = { Refresh = 60.0 } }</c>, keys already in Nix names.</summary>
    internal sealed record OptionObjectExpr(EquatableArray<NamedExpr> Members, SourceSpan Span) : Expr(Span);

    internal sealed record NamedExpr(string Name, Expr Value);

    /// <summary><c>target with { ... }</c>.</summary>
    internal sealed record WithExpr(Expr Target, EquatableArray<NamedExpr> Changes, SourceSpan Span) : Expr(Span);

    /// <summary>A call Lux knows: LINQ operators, a few string and collection methods.</summary>
    internal sealed record CallExpr(string Method, Expr? Receiver, EquatableArray<Expr> Arguments, SourceSpan Span) : Expr(Span);

    internal sealed record LambdaExpr(string Parameter, Expr Body, SourceSpan Span) : Expr(Span);

    internal sealed record InterpolationExpr(EquatableArray<Expr> Parts, SourceSpan Span) : Expr(Span);

    internal sealed record ConditionalExpr(Expr Condition, Expr WhenTrue, Expr WhenFalse, SourceSpan Span) : Expr(Span);

    internal sealed record BinaryExpr(string Operator, Expr Left, Expr Right, SourceSpan Span) : Expr(Span);

    internal sealed record UnaryExpr(string Operator, Expr Operand, SourceSpan Span) : Expr(Span);

    /// <summary>An int converted to double (C# implicit numeric conversion): Nix needs a float literal.</summary>
    internal sealed record ToFloatExpr(Expr Operand, SourceSpan Span) : Expr(Span);

    internal sealed record IndexExpr(Expr Target, Expr Index, SourceSpan Span) : Expr(Span);

    /// <summary><c>a?.B</c>: <see cref="WhenNotNull"/> reads the target through <see cref="ConditionalTargetExpr"/>.</summary>
    internal sealed record ConditionalAccessExpr(Expr Target, Expr WhenNotNull, SourceSpan Span) : Expr(Span);

    internal sealed record ConditionalTargetExpr(SourceSpan Span) : Expr(Span);

    internal sealed record IsPatternExpr(Expr Subject, Pattern Pattern, SourceSpan Span) : Expr(Span);

    internal sealed record SwitchExpr(Expr Subject, EquatableArray<SwitchArm> Arms, SourceSpan Span) : Expr(Span);

    internal sealed record SwitchArm(Pattern Pattern, Expr? Guard, Expr Value);

    /// <summary><c>Mk.Default(x)</c>, <c>Mk.Force(x)</c>, <c>Mk.Override(n, x)</c>.</summary>
    internal sealed record PriorityExpr(Expr Priority, Expr Value, SourceSpan Span) : Expr(Span);

    /// <summary><c>Nix.Raw("pkgs.niri")</c>: Nix text, emitted as written.</summary>
    internal sealed record RawNixExpr(Expr Text, SourceSpan Span) : Expr(Span);

    /// <summary>An option path: the root parameter of a gate (<c>os</c>, <c>home</c>).</summary>
    internal sealed record OptionRootExpr(string Parameter, SourceSpan Span) : Expr(Span);

    /// <summary><c>target.Member</c> in the option tree, already named as Nix names it.</summary>
    internal sealed record OptionMemberExpr(Expr Target, string NixName, SourceSpan Span) : Expr(Span);

    /// <summary><c>target[key]</c> on an <c>AttrsOf</c>.</summary>
    internal sealed record OptionIndexExpr(Expr Target, Expr Key, SourceSpan Span) : Expr(Span);

    /// <summary>A construct outside the subset, kept so evaluation can stop at it instead of guessing.</summary>
    internal sealed record UnsupportedExpr(string What, string Instead, SourceSpan Span) : Expr(Span);

    internal abstract record Pattern(SourceSpan Span);

    internal sealed record DiscardPattern(SourceSpan Span) : Pattern(Span);

    internal sealed record ConstantPattern(Expr Value, SourceSpan Span) : Pattern(Span);

    /// <summary>A type test by the type's full name: a fleet record (<c>host is Orion</c>), a fact record, <c>string</c>, <c>int</c>, ...</summary>
    internal sealed record TypePattern(string TypeName, SourceSpan Span) : Pattern(Span);

    /// <summary>A test against a Lux base record: <c>aspect is Feature</c> holds for every [Feature] record.</summary>
    internal sealed record KindPattern(DeclarationKind Kind, SourceSpan Span) : Pattern(Span);

    internal sealed record RelationalPattern(string Operator, Expr Value, SourceSpan Span) : Pattern(Span);

    internal sealed record NotPattern(Pattern Inner, SourceSpan Span) : Pattern(Span);

    internal sealed record BinaryPattern(bool IsAnd, Pattern Left, Pattern Right, SourceSpan Span) : Pattern(Span);
}
