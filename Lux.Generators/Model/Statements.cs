namespace Lux.Generators.Model
{
    internal abstract record Stmt(SourceSpan Span);

    /// <summary>An option definition: <c>os.Services.OpenSsh.Enable = true;</c> (<paramref name="SubPath"/> for <c>Set("a.b", v)</c>).</summary>
    internal sealed record AssignStmt(Expr Target, Expr? SubPath, Expr Value, SourceSpan Span) : Stmt(Span);

    internal sealed record LetStmt(string Name, Expr Value, SourceSpan Span) : Stmt(Span);

    internal sealed record ForeachStmt(string Variable, Expr Collection, EquatableArray<Stmt> Body, SourceSpan Span) : Stmt(Span);

    internal sealed record IfStmt(Expr Condition, EquatableArray<Stmt> Then, EquatableArray<Stmt> Else, SourceSpan Span) : Stmt(Span);

    /// <summary><c>return;</c>: the gate stops here (guard clauses).</summary>
    internal sealed record ReturnStmt(SourceSpan Span) : Stmt(Span);

    internal sealed record UnsupportedStmt(string What, string Instead, SourceSpan Span) : Stmt(Span);
}
