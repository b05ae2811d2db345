namespace Lux.Generators.Model
{
    /// <summary>A diagnostic as data: ID, message, where it is, and any other places it names.</summary>
    internal sealed record DiagnosticInfo(string Id, string Message, SourceSpan Span, EquatableArray<SourceSpan> AdditionalSpans)
    {
        public DiagnosticInfo(string id, string message, SourceSpan span)
            : this(id, message, span, EquatableArray<SourceSpan>.Empty)
        {
        }

        /// <summary>What a code fix needs to know (see <c>LuxFixes</c>); passed on as the Roslyn diagnostic's properties.</summary>
        public EquatableArray<DiagnosticProperty> Properties { get; init; } = EquatableArray<DiagnosticProperty>.Empty;

        /// <summary>The canonical compiler line (<c>path(line,col): error LUX0001: message</c>) MSBuild turns into a build error.</summary>
        public string ToCanonical() => (Span.IsNone ? "Lux" : Span.ToCanonical()) + ": error " + Id + ": " + Message;
    }

    internal sealed record DiagnosticProperty(string Key, string Value);
}
