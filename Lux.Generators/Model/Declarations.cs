using System.Collections.Generic;

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
        SourceSpan Span)
    {
        /// <summary>The records this declaration creates (<c>new Kiri()</c>), found once, when it is parsed.</summary>
        public CreatedNames Creates { get; init; } = CreatedNames.None;

        /// <summary>The property this record declares by that name, or null. A loop, not LINQ: Evaluate asks this for every property read.</summary>
        public PropertySpec? Property(string name)
        {
            foreach (var property in Properties)
            {
                if (property.Name == name)
                    return property;
            }
            return null;
        }

        /// <summary>
        /// The fleet's one order of declarations: ordinal by type name, so the order of files never changes the
        /// output; two records of one name (a C# error, mid-edit) by place, so the generator and the IDE pick the same.
        /// </summary>
        public static IComparer<DeclarationSpec> FleetOrder { get; } = Comparer<DeclarationSpec>.Create((a, b) =>
        {
            var byName = string.CompareOrdinal(a.TypeName, b.TypeName);
            if (byName != 0)
                return byName;
            var byPath = string.CompareOrdinal(a.Span.Path, b.Span.Path);
            return byPath != 0 ? byPath : a.Span.Start.CompareTo(b.Span.Start);
        });
    }

    /// <summary>A hand-written file the project lists as an AdditionalFile (hardware configuration).</summary>
    internal sealed record AdditionalNixFile(string Path, string Text);
}
