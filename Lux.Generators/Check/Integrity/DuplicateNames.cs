using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Check.Integrity
{
    /// <summary>
    /// LUX2003: names that must be unique are. Hosts (checked where they are resolved, in FleetResolver), users
    /// across the fleet, a host's users and displays, and the secrets policy's recipients (they become YAML anchors).
    /// </summary>
    internal static class DuplicateNames
    {
        public static IEnumerable<DiagnosticInfo> CheckFleet(ResolvedFleet fleet)
        {
            var users = new List<(string Name, DeclarationSpec Spec)>();
            foreach (var spec in fleet.Declarations.Where(d => d.Kind == DeclarationKind.User))
            {
                try
                {
                    if (fleet.Evaluator.Property(fleet.Evaluator.Instantiate(spec), "Name", null, spec.Span) is StringValue name)
                        users.Add((name.Value, spec));
                }
                catch (EvaluationException)
                {
                    // A user whose name needs arguments is named where it is created; hosts report that.
                }
            }
            foreach (var duplicate in users.GroupBy(u => u.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                foreach (var (_, spec) in duplicate)
                {
                    yield return LuxDiagnostics.UserNameClash.At(spec.Span, duplicate.Key, string.Join(", ", duplicate.Select(u => u.Spec.DisplayName)));
                }
            }

            foreach (var duplicate in AgeRecipients.Read(fleet).GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                foreach (var recipient in duplicate.Skip(1))
                    yield return LuxDiagnostics.RecipientNameClash.At(recipient.Span, duplicate.Key);
            }
        }

        public static IEnumerable<DiagnosticInfo> CheckHost(ResolvedFleet fleet, ResolvedHost host)
        {
            var spec = host.Spec;
            var displays = Evaluator.AsList(fleet.Evaluator.Property(host.Record, "Displays", ListValue.Empty, spec.Span), FleetResolver.SpanOf(spec, "Displays")).Items;
            var spans = ItemSpans.Of(spec, "Displays", null, displays.Length);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < displays.Length; i++)
            {
                if (displays[i] is not RecordValue display || fleet.Evaluator.Property(display, "Name", null, spans[i]) is not StringValue name)
                    continue;
                if (!seen.Add(name.Value))
                    yield return LuxDiagnostics.DisplayListedTwice.At(spans[i], host.Name, name.Value);
            }
        }
    }
}
