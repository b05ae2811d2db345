using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Lux.Generators.Model
{
    /// <summary>
    /// A diagnostic as data: its descriptor (Diagnostics/LuxDiagnostics, where every one is made) and the arguments of
    /// its message, where it is, any other places it names, and what a code fix needs. Equatable, and free of
    /// <see cref="Location"/> and symbols, so it can travel in the generator's models.
    /// </summary>
    internal sealed record DiagnosticInfo
    {
        private string? message;

        public DiagnosticInfo(DiagnosticDescriptor descriptor, SourceSpan span, EquatableArray<string> arguments)
        {
            Descriptor = descriptor;
            Span = span;
            Arguments = arguments;
        }

        // 'with' copies through here: everything but the cached message, which the new arguments may change.
        private DiagnosticInfo(DiagnosticInfo original)
        {
            Descriptor = original.Descriptor;
            Span = original.Span;
            Arguments = original.Arguments;
            AdditionalSpans = original.AdditionalSpans;
            Properties = original.Properties;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public string Id => Descriptor.Id;

        public SourceSpan Span { get; init; }

        public EquatableArray<string> Arguments { get; init; }

        /// <summary>Other places the message names (the other definition of a conflict), as Roslyn's additional locations.</summary>
        public EquatableArray<SourceSpan> AdditionalSpans { get; init; } = EquatableArray<SourceSpan>.Empty;

        /// <summary>What a code fix needs to know (see <c>LuxFixes</c>); passed on as the Roslyn diagnostic's properties.</summary>
        public EquatableArray<DiagnosticProperty> Properties { get; init; } = EquatableArray<DiagnosticProperty>.Empty;

        /// <summary>The message, formatted as Roslyn formats it from the same descriptor and arguments.</summary>
        public string Message => message ??= Arguments.Count == 0
            ? Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture)
            : string.Format(CultureInfo.InvariantCulture, Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), Arguments.Cast<object>().ToArray());

        /// <summary>The canonical compiler line (<c>path(line,col): error LUX0001: message</c>) MSBuild turns into a build error.</summary>
        public string ToCanonical() => (Span.IsNone ? "Lux" : Span.ToCanonical()) + ": error " + Id + ": " + Message;

        /// <summary>The same diagnostic with a property added (the code fixes' contract, <c>LuxFixes</c>).</summary>
        public DiagnosticInfo With(string key, string value) => this with { Properties = Properties.Append(new DiagnosticProperty(key, value)).ToEquatableArray() };

        // The cached message is left out: two diagnostics are equal by what they say and where.
        public bool Equals(DiagnosticInfo? other) =>
            other is not null && (ReferenceEquals(this, other) ||
                (ReferenceEquals(Descriptor, other.Descriptor) || Descriptor.Equals(other.Descriptor)) &&
                Span.Equals(other.Span) && Arguments.Equals(other.Arguments) && AdditionalSpans.Equals(other.AdditionalSpans) && Properties.Equals(other.Properties));

        public override int GetHashCode() =>
            unchecked(((Descriptor.Id.GetHashCode() * 31 + Span.GetHashCode()) * 31 + Arguments.GetHashCode()) * 31 + AdditionalSpans.GetHashCode());
    }

    internal sealed record DiagnosticProperty(string Key, string Value);
}
