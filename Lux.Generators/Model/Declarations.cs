namespace Lux.Generators.Model
{
    internal enum DeclarationKind
    {
        Host,
        User,
        Feature,
        Profile,
        Secrets,
    }

    internal enum GateKind
    {
        PerHost,
        PerUser,
    }

    internal enum ParameterRole
    {
        Host,
        User,
        NixOS,
        HomeManager,
    }

    internal sealed record GateParameter(string Name, ParameterRole Role);

    /// <summary>A <c>[PerHost]</c> or <c>[PerUser]</c> method: its parameters by role, and its body.</summary>
    internal sealed record GateSpec(GateKind Kind, string Name, EquatableArray<GateParameter> Parameters, EquatableArray<Stmt> Body, SourceSpan Span);

    /// <summary>A property a record overrides or initialises: <c>public override Users Users => [new Kiri()];</c>.</summary>
    internal sealed record PropertySpec(string Name, Expr Value, SourceSpan Span);

    /// <summary>
    /// One attributed record of the fleet, as the Parse stage saw it: equatable, free of symbols and syntax.
    /// <paramref name="Diagnostics"/> holds what Parse could not accept (outside the subset, wrong shape).
    /// </summary>
    internal sealed record DeclarationSpec(
        DeclarationKind Kind,
        string TypeName,
        string DisplayName,
        EquatableArray<string> PositionalParameters,
        EquatableArray<PropertySpec> Properties,
        EquatableArray<GateSpec> Gates,
        EquatableArray<DiagnosticInfo> Diagnostics,
        SourceSpan Span);

    /// <summary>A hand-written file the project lists as an AdditionalFile (hardware configuration).</summary>
    internal sealed record AdditionalNixFile(string Path, string Text);
}
