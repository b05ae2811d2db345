using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Check.Integrity
{
    /// <summary>A recipient of the secrets policy, with the span of its entry and of its key.</summary>
    internal sealed record RecipientEntry(string Name, string PublicKey, SourceSpan Span, SourceSpan KeySpan);

    /// <summary>LUX2005: every recipient of the [Secrets] policy is a well-formed age recipient, reported at its key.</summary>
    internal static class AgeRecipients
    {
        public static IEnumerable<DiagnosticInfo> Check(ResolvedFleet fleet)
        {
            foreach (var recipient in Read(fleet))
            {
                if (PrivateKeyMaterial.Find(recipient.PublicKey) is not null)
                    continue; // LUX2006, and never echoed.
                if (AgeRecipientFormat.Problem(recipient.PublicKey) is { } problem)
                    yield return LuxDiagnostics.MalformedAgeRecipient.At(recipient.KeySpan, recipient.Name, SshPublicKeys.Preview(recipient.PublicKey), problem);
            }
        }

        /// <summary>The policy's recipients; evaluation errors are left to the emitter, which reports them once.</summary>
        public static List<RecipientEntry> Read(ResolvedFleet fleet)
        {
            var entries = new List<RecipientEntry>();
            if (fleet.Secrets is not { Spec: { } spec } policy)
                return entries;
            IReadOnlyList<Value> items;
            try
            {
                items = Evaluator.AsList(fleet.Evaluator.Property(policy, "Recipients", ListValue.Empty, spec.Span), spec.Span).Items;
            }
            catch (EvaluationException)
            {
                return entries;
            }
            var spans = ItemSpans.Of(spec, "Recipients", null, items.Count);
            var expressions = spec.Properties.FirstOrDefault(p => p.Name == "Recipients")?.Value as ListExpr;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not RecordValue record)
                    continue;
                var name = record.Explicit.TryGetValue("Name", out var n) && n is StringValue ns ? ns.Value : "";
                var key = record.Explicit.TryGetValue("PublicKey", out var k) && k is StringValue ks ? ks.Value : null;
                if (key is null)
                    continue;
                var keySpan = expressions is not null && expressions.Items.Count == items.Count && expressions.Items[i].Value is NewRecordExpr creation &&
                              creation.Arguments.FirstOrDefault(a => a.Name == "PublicKey") is { } argument
                    ? argument.Value.Span
                    : spans[i];
                entries.Add(new RecipientEntry(name, key, spans[i], keySpan));
            }
            return entries;
        }
    }
}
