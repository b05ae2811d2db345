namespace Lux.Generators.Model
{
    /// <summary>A diagnostic as data: ID, message, where it is, and any other places it names.</summary>
    internal sealed record DiagnosticInfo(string Id, string Message, SourceSpan Span, EquatableArray<SourceSpan> AdditionalSpans)
    {
        public DiagnosticInfo(string id, string message, SourceSpan span)
            : this(id, message, span, EquatableArray<SourceSpan>.Empty)
        {
        }

        /// <summary>The canonical compiler line (<c>path(line,col): error LUX0001: message</c>) MSBuild turns into a build error.</summary>
        public string ToCanonical() => (Span.IsNone ? "Lux" : Span.ToCanonical()) + ": error " + Id + ": " + Message;
    }
}
