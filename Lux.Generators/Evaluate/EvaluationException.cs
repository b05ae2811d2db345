using System;
using Lux.Generators.Diagnostics;
using Lux.Generators.Model;
using Microsoft.CodeAnalysis;

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

        public static EvaluationException At(SourceSpan span, DiagnosticDescriptor descriptor, params object?[] arguments) =>
            new(descriptor.At(span, arguments));
    }
}
