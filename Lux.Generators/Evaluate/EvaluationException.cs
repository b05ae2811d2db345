using System;
using Lux.Generators.Model;

namespace Lux.Generators.Evaluate
{
    /// <summary>
    /// Stops evaluating one gate or one host at the expression that cannot be evaluated. Always caught
    /// inside Lux and turned into a diagnostic; it never leaves the generator or an analyzer.
    /// </summary>
    internal sealed class EvaluationException : Exception
    {
        public EvaluationException(DiagnosticInfo diagnostic)
            : base(diagnostic.Message) => Diagnostic = diagnostic;

        public DiagnosticInfo Diagnostic { get; }

        public static EvaluationException At(SourceSpan span, string message, string id = "LUX0003") =>
            new(new DiagnosticInfo(id, message, span));
    }
}
