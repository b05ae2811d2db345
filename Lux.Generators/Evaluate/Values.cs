using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Lux.Generators.Model;

namespace Lux.Generators.Evaluate
{
    /// <summary>What Lux expressions evaluate to. Records compare by value, as C# records do.</summary>
    internal abstract record Value
    {
        /// <summary>A stable text that identifies the value; two aspects with the same key are the same aspect.</summary>
        public abstract string Key { get; }

        public abstract string Describe();
    }

    internal sealed record NullValue : Value
    {
        public static readonly NullValue Instance = new();
        public override string Key => "null";
        public override string Describe() => "null";
    }

    internal sealed record BoolValue(bool Value) : Value
    {
        public static readonly BoolValue True = new(true);
        public static readonly BoolValue False = new(false);
        public override string Key => Value ? "true" : "false";
        public override string Describe() => Key;
    }

    internal sealed record IntValue(long Value) : Value
    {
        public override string Key => Value.ToString(CultureInfo.InvariantCulture);
        public override string Describe() => Key;
    }

    internal sealed record FloatValue(double Value) : Value
    {
        public override string Key => Value.ToString("R", CultureInfo.InvariantCulture) + "f";
        public override string Describe() => Value.ToString("R", CultureInfo.InvariantCulture);
    }

    internal sealed record StringValue(string Value) : Value
    {
        public override string Key => "\"" + Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        public override string Describe() => Key;
    }

    internal sealed record ListValue(ImmutableArray<Value> Items) : Value
    {
        public static readonly ListValue Empty = new(ImmutableArray<Value>.Empty);
        public override string Key => "[" + string.Join(",", Items.Select(i => i.Key)) + "]";
        public override string Describe() => "[" + string.Join(", ", Items.Select(i => i.Describe())) + "]";
        public bool Equals(ListValue? other) => other is not null && Key == other.Key;
        public override int GetHashCode() => Key.GetHashCode();
    }

    /// <summary>An instance of a fleet record or a Lux fact record, with the properties its creator set.</summary>
    internal sealed record RecordValue(string TypeName, string DisplayName, DeclarationSpec? Spec, ImmutableSortedDictionary<string, Value> Explicit) : Value
    {
        private string? key;

        public override string Key => key ??= TypeName + "(" + string.Join(",", Explicit.Select(p => p.Key + "=" + p.Value.Key)) + ")";

        public override string Describe() => Explicit.Count == 0 ? DisplayName : DisplayName + " { " + string.Join(", ", Explicit.Select(p => p.Key + " = " + p.Value.Describe())) + " }";

        public bool Equals(RecordValue? other) => other is not null && Key == other.Key;

        public override int GetHashCode() => Key.GetHashCode();
    }

    /// <summary>An option-tree object (<c>new() { Width = 2560 }</c>); member names are Nix names.</summary>
    internal sealed record OptionObjectValue(ImmutableArray<OptionMember> Members) : Value
    {
        public override string Key => "{" + string.Join(";", Members.Select(m => m.Name + "=" + m.Value.Key)) + "}";
        public override string Describe() => "{ " + string.Join("; ", Members.Select(m => m.Name + " = " + m.Value.Describe())) + " }";
        public bool Equals(OptionObjectValue? other) => other is not null && Key == other.Key;
        public override int GetHashCode() => Key.GetHashCode();
    }

    /// <summary>A member of an option object, with the span that set it (for provenance comments).</summary>
    internal sealed record OptionMember(string Name, Value Value, SourceSpan Span);

    /// <summary>Raw Nix text, emitted as written.</summary>
    internal sealed record RawValue(string Text) : Value
    {
        public override string Key => "raw(" + Text + ")";
        public override string Describe() => Text;
    }

    /// <summary>A value with a module-system priority (lib.mkOverride).</summary>
    internal sealed record PriorityValue(int Priority, Value Inner) : Value
    {
        public override string Key => "prio(" + Priority.ToString(CultureInfo.InvariantCulture) + "," + Inner.Key + ")";
        public override string Describe() => Priority switch { DslFacts.ForcePriority => "Mk.Force(", DslFacts.DefaultPriority => "Mk.Default(", _ => "Mk.Override(" + Priority.ToString(CultureInfo.InvariantCulture) + ", " } + Inner.Describe() + ")";
    }

    /// <summary>A position in an option tree, not yet assigned: <c>os.Services.OpenSsh</c>.</summary>
    internal sealed record OptionPathValue(string Root, ImmutableArray<string> Segments) : Value
    {
        public override string Key => Root + ":" + string.Join(".", Segments);
        public override string Describe() => string.Join(".", Segments);
        public bool Equals(OptionPathValue? other) => other is not null && Key == other.Key;
        public override int GetHashCode() => Key.GetHashCode();
    }

    internal sealed record LambdaValue(string Parameter, Expr Body, Environment Closure) : Value
    {
        public override string Key => "lambda";
        public override string Describe() => "a lambda";
    }

    internal static class ValueText
    {
        /// <summary>How a value reads in an interpolated string: culture-free, as C# would print it in invariant culture.</summary>
        public static string ToInterpolated(Value value) => value switch
        {
            StringValue s => s.Value,
            IntValue i => i.Value.ToString(CultureInfo.InvariantCulture),
            FloatValue f => f.Value.ToString("R", CultureInfo.InvariantCulture),
            BoolValue b => b.Value ? "True" : "False",
            NullValue => "",
            RecordValue r => r.Describe(),
            _ => value.Describe(),
        };

        public static string Join(IEnumerable<string> parts) => string.Concat(parts);
    }
}
