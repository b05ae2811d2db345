using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Resolve
{
    /// <summary>
    /// The host's <c>Deploy</c> fact (absent: not deployable), with the span of each argument for LUX2007.
    /// Unset members carry <see cref="DeployDefaults"/>, so what is emitted is what was checked.
    /// </summary>
    internal sealed record DeployFact(
        string Hostname, string? SshUser, string User, bool InteractiveSudo, bool RemoteBuild, bool MagicRollback, bool AutoRollback,
        SourceSpan Span, SourceSpan HostnameSpan, SourceSpan SshUserSpan, SourceSpan UserSpan)
    {
        /// <summary>What the flake needs, without spans, so a host's summary stays equal when only lines move.</summary>
        public DeployNode ToNode(string host, string system) =>
            new(host, system, Hostname, SshUser, User, InteractiveSudo, RemoteBuild, MagicRollback, AutoRollback);
    }

    /// <summary>
    /// The defaults of Lux.Dsl's <c>Deploy</c> record, which the evaluator does not run (an unset init
    /// property reads as absent). A test pins them to <c>new Deploy("x")</c>'s.
    /// </summary>
    internal static class DeployDefaults
    {
        public const string User = "root";
        public const bool InteractiveSudo = false;
        public const bool RemoteBuild = false;
        public const bool MagicRollback = true;
        public const bool AutoRollback = true;
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
                Text(evaluator, deploy, "User", span) ?? DeployDefaults.User,
                Flag(evaluator, deploy, "InteractiveSudo", span, DeployDefaults.InteractiveSudo),
                Flag(evaluator, deploy, "RemoteBuild", span, DeployDefaults.RemoteBuild),
                Flag(evaluator, deploy, "MagicRollback", span, DeployDefaults.MagicRollback),
                Flag(evaluator, deploy, "AutoRollback", span, DeployDefaults.AutoRollback),
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
