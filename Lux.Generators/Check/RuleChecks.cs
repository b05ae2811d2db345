using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Check
{
    /// <summary>Runs one rule so that nothing escapes it: a value it cannot evaluate is that value's error, a bug in Lux is LUX0000.</summary>
    internal static class RuleChecks
    {
        public static IEnumerable<DiagnosticInfo> Safely(string rule, Func<IEnumerable<DiagnosticInfo>> check)
        {
            try
            {
                return check().ToList();
            }
            catch (EvaluationException e)
            {
                return new[] { e.Diagnostic };
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The config was not judged by this rule, so nix-out is not written.
                return new[] { LuxDiagnostics.InternalError.At(SourceSpan.None, "checking " + rule, e.GetType().Name, e.Message) };
            }
        }
    }
}
