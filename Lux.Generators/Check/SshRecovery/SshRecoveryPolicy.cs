using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Check.SshRecovery
{
    /// <summary>
    /// The SSH recovery policy: the eight rules every host with an SshRecovery fact must keep, in ID order.
    /// The same rules give the analyzer's diagnostics (<see cref="Check"/>) and the NixOS assertions
    /// written into the host module (<see cref="AssertionsDefinition"/>).
    /// </summary>
    internal static class SshRecoveryPolicy
    {
        public static readonly ImmutableArray<RecoveryRule> Rules = ImmutableArray.Create<RecoveryRule>(
            new Lux1001OpenSshEnabled(),
            new Lux1002PasswordAuthentication(),
            new Lux1003RootLogin(),
            new Lux1004RecoveryUsers(),
            new Lux1005RecoveryUsersExist(),
            new Lux1006AuthorizedKeys(),
            new Lux1007SopsHostKey(),
            new Lux1008FirewallExposesSsh());

        public static IEnumerable<DiagnosticInfo> Check(ResolvedHost host)
        {
            if (host.SshRecovery is not { } recovery)
                return Enumerable.Empty<DiagnosticInfo>();
            var context = new RecoveryHost(host, recovery);
            return Rules.SelectMany(rule => RuleChecks.Safely(rule.Id, () => rule.Check(context)));
        }

        /// <summary>
        /// The policy as a definition of NixOS <c>assertions</c> (a list, so it concatenates with any the config
        /// makes), traced to the host's SshRecovery fact.
        /// </summary>
        public static Definition AssertionsDefinition(ResolvedHost host, SshRecoveryFact recovery)
        {
            var context = new RecoveryHost(host, recovery);
            var items = Rules.SelectMany(rule => rule.Assertions(context)).Select(a => (Value)new RawValue(Write(a))).ToImmutableArray();
            return new Definition(ImmutableArray.Create("assertions"), new ListValue(items), Definition.PlainPriority, recovery.Span,
                DefinitionOrigin.Fact(host.Spec, "SshRecovery"));
        }

        /// <summary>One assertion as a person would write it; a condition of several lines goes below <c>assertion =</c>.</summary>
        private static string Write(NixAssertion assertion)
        {
            var sb = new StringBuilder("{\n");
            if (assertion.Condition.IndexOf('\n') < 0)
            {
                sb.Append("  assertion = ").Append(assertion.Condition).Append(";\n");
            }
            else
            {
                sb.Append("  assertion =\n");
                var lines = assertion.Condition.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                    sb.Append("    ").Append(lines[i]).Append(i == lines.Length - 1 ? ";\n" : "\n");
            }
            sb.Append("  message = ").Append(NixSyntax.String(assertion.Message, SourceSpan.None)).Append(";\n");
            sb.Append('}');
            return sb.ToString();
        }
    }
}
