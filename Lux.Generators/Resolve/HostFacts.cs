using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Resolve
{
    /// <summary>A user a host fact names, with the span that names it: the list item where one can be found, else the property.</summary>
    internal sealed record NamedUser(string Name, string DisplayName, SourceSpan Span);

    /// <summary>The host's <c>SshRecovery</c> fact: present means the recovery policy applies (LUX1001–LUX1008).</summary>
    internal sealed record SshRecoveryFact(ImmutableArray<NamedUser> Users, SourceSpan Span, SourceSpan UsersSpan);

    /// <summary>The host's <c>Sops</c> fact.</summary>
    internal sealed record SopsFact(string? HostSshKeyPath, string? AdminKeyPath, ImmutableArray<NamedUser> AdminKeyUsers, SourceSpan Span);

    /// <summary>
    /// Finds the span of each value of a list a record property holds, when the property writes the list out
    /// (<c>[new Kiri(), new Ergon()]</c>, directly or as an argument of <c>new SshRecovery(Users: [...])</c>),
    /// so a diagnostic about one item sits on that item. Anything computed falls back to the property.
    /// </summary>
    internal static class ItemSpans
    {
        public static ImmutableArray<SourceSpan> Of(DeclarationSpec spec, string property, string? argument, int count)
        {
            var fallback = FleetResolver.SpanOf(spec, property);
            var expr = spec.Property(property)?.Value;
            if (expr is not null && argument is not null)
                expr = expr is NewRecordExpr creation ? creation.Arguments.FirstOrDefault(a => a.Name == argument)?.Value : null;
            if (expr is not null && argument is not null)
                fallback = expr.Span;
            if (expr is ListExpr list && list.Items.Count == count && list.Items.All(i => !i.IsSpread))
                return list.Items.Select(i => i.Value.Span).ToImmutableArray();
            return Enumerable.Repeat(fallback, count).ToImmutableArray();
        }

        /// <summary>The span of an argument of the record a property creates (<c>HostSshKeyPath = ...</c> in <c>Sops => new() { ... }</c>), else the property.</summary>
        public static SourceSpan OfArgument(DeclarationSpec spec, string property, string argument)
        {
            var expr = spec.Property(property)?.Value;
            return expr is NewRecordExpr creation && creation.Arguments.FirstOrDefault(a => a.Name == argument) is { } found
                ? found.Value.Span
                : FleetResolver.SpanOf(spec, property);
        }
    }

    /// <summary>Reads a host's facts into plain data for the checks and the emitted assertions.</summary>
    internal static class HostFactReader
    {
        public static SshRecoveryFact? SshRecovery(Evaluator evaluator, ResolvedHost host)
        {
            var spec = host.Spec;
            var span = FleetResolver.SpanOf(spec, "SshRecovery");
            if (evaluator.Property(host.Record, "SshRecovery", null, spec.Span) is not RecordValue recovery)
                return null;
            var users = Users(evaluator, spec, recovery, "SshRecovery", "Users", host.Name);
            var usersSpan = spec.Properties.FirstOrDefault(p => p.Name == "SshRecovery")?.Value is NewRecordExpr creation &&
                            creation.Arguments.FirstOrDefault(a => a.Name == "Users") is { } argument
                ? argument.Value.Span
                : span;
            return new SshRecoveryFact(users, span, usersSpan);
        }

        public static SopsFact? Sops(Evaluator evaluator, ResolvedHost host)
        {
            var spec = host.Spec;
            if (evaluator.Property(host.Record, "Sops", null, spec.Span) is not RecordValue sops)
                return null;
            return new SopsFact(
                evaluator.Property(sops, "HostSshKeyPath", null, spec.Span) is StringValue hostKey ? hostKey.Value : null,
                evaluator.Property(sops, "AdminKeyPath", null, spec.Span) is StringValue adminKey ? adminKey.Value : null,
                Users(evaluator, spec, sops, "Sops", "AdminKeyUsers", host.Name),
                FleetResolver.SpanOf(spec, "Sops"));
        }

        private static ImmutableArray<NamedUser> Users(Evaluator evaluator, DeclarationSpec spec, RecordValue fact, string property, string argument, string hostName)
        {
            var at = FleetResolver.SpanOf(spec, property);
            var items = Evaluator.AsList(evaluator.Property(fact, argument, ListValue.Empty, at), at).Items;
            var spans = ItemSpans.Of(spec, property, argument, items.Length);
            var users = new List<NamedUser>();
            for (var i = 0; i < items.Length; i++)
            {
                if (items[i] is not RecordValue { Spec.Kind: DeclarationKind.User } user)
                    throw EvaluationException.At(spans[i], LuxDiagnostics.FactUsersNotUsers, hostName, property, argument, items[i].Describe());
                var name = evaluator.Property(user, "Name", null, spans[i]) is StringValue s ? s.Value : DslFacts.DefaultName(user.DisplayName);
                users.Add(new NamedUser(name, user.DisplayName, spans[i]));
            }
            return users.ToImmutableArray();
        }
    }
}
