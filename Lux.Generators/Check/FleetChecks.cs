using System.Collections.Generic;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Check
{
    /// <summary>
    /// The Check stage: rules judged on the resolved fleet (after includes, profiles, priorities and
    /// host exceptions), each reported at the span that causes it.
    /// </summary>
    internal static class FleetChecks
    {
        public static IEnumerable<DiagnosticInfo> Check(ResolvedFleet fleet)
        {
            var diagnostics = new List<DiagnosticInfo>();
            return diagnostics;
        }
    }
}
