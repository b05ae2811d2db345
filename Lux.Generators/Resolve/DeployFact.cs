using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Resolve
{
    /// <summary>
    /// The host's <c>Deploy</c> fact (absent: not deployable), with the span of each argument for LUX2007.
    /// Unset members carry Deploy's defaults (<see cref="DslFacts.DeployDefaults"/>), so what is emitted is what was checked.
    /// </summary>
    internal sealed record DeployFact(
        string Hostname, string? SshUser, string User, bool InteractiveSudo, bool RemoteBuild, bool MagicRollback, bool AutoRollback,
        SourceSpan Span, SourceSpan HostnameSpan, SourceSpan SshUserSpan, SourceSpan UserSpan)
    {
        /// <summary>What the flake needs, without spans, so a host's summary stays equal when only lines move.</summary>
        public DeployNode ToNode(string host, string system) =>
            new(host, system, Hostname, SshUser, User, InteractiveSudo, RemoteBuild, MagicRollback, AutoRollback);
    }

    internal static class DeployFactReader
    {
        /// <summary>The host's Deploy fact, or null when it has none. Throws <see cref="EvaluationException"/> when a member does not evaluate.</summary>
        public static DeployFact? Read(Evaluator evaluator, ResolvedHost host)
        {
            var spec = host.Spec;
            var span = FleetResolver.SpanOf(spec, "Deploy");
            if (evaluator.Property(host.Record, "Deploy", null, spec.Span) is not RecordValue deploy)
                return null;
            return new DeployFact(
                Text(evaluator, deploy, "Hostname", span) ?? "",
                Text(evaluator, deploy, "SshUser", span),
                Text(evaluator, deploy, "User", span) ?? DslFacts.DeployDefaults.User,
                Flag(evaluator, deploy, "InteractiveSudo", span, DslFacts.DeployDefaults.InteractiveSudo),
                Flag(evaluator, deploy, "RemoteBuild", span, DslFacts.DeployDefaults.RemoteBuild),
                Flag(evaluator, deploy, "MagicRollback", span, DslFacts.DeployDefaults.MagicRollback),
                Flag(evaluator, deploy, "AutoRollback", span, DslFacts.DeployDefaults.AutoRollback),
                span,
                ItemSpans.OfArgument(spec, "Deploy", "Hostname"),
                ItemSpans.OfArgument(spec, "Deploy", "SshUser"),
                ItemSpans.OfArgument(spec, "Deploy", "User"));
        }

        private static string? Text(Evaluator evaluator, RecordValue deploy, string member, SourceSpan at) =>
            evaluator.Property(deploy, member, null, at) is StringValue text ? text.Value : null;

        private static bool Flag(Evaluator evaluator, RecordValue deploy, string member, SourceSpan at, bool fallback) =>
            evaluator.Property(deploy, member, null, at) is BoolValue flag ? flag.Value : fallback;
    }
}
