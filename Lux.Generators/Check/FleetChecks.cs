using System.Collections.Generic;
using Lux.Generators.Check.Integrity;
using Lux.Generators.Check.SshRecovery;
using Lux.Generators.Diagnostics;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Check
{
    /// <summary>
    /// The Check stage: rules judged on the resolved fleet (after includes, profiles, priorities and
    /// host exceptions), each reported at the span that causes it. LUX1xxx: the SSH recovery policy
    /// (Check/SshRecovery, one file per rule); LUX2xxx: the fleet's integrity (Check/Integrity).
    /// Each rule runs on its own, so a failure in one is a LUX0000 and the others still judge.
    /// </summary>
    internal static class FleetChecks
    {
        /// <summary>The rules judged on each host of <paramref name="fleet"/> (the generator runs them per host).</summary>
        public static List<DiagnosticInfo> CheckHosts(ResolvedFleet fleet)
        {
            var diagnostics = new List<DiagnosticInfo>();
            foreach (var host in fleet.Hosts)
            {
                diagnostics.AddRange(SshRecoveryPolicy.Check(host));
                diagnostics.AddRange(RuleChecks.Safely(LuxDiagnostics.UserNotOnHost.Id, () => UsersOnHost.Check(host)));
                diagnostics.AddRange(RuleChecks.Safely(LuxDiagnostics.DisplayListedTwice.Id, () => DuplicateNames.CheckHost(fleet, host)));
                diagnostics.AddRange(RuleChecks.Safely(LuxDiagnostics.DeployHostname.Id, () => DeployTargets.Check(host)));
            }
            diagnostics.AddRange(RuleChecks.Safely(LuxDiagnostics.DefinedKeyMalformed.Id, () => SshPublicKeys.CheckHosts(fleet)));
            diagnostics.AddRange(RuleChecks.Safely(LuxDiagnostics.PrivateKeyInDefinition.Id, () => PrivateKeyMaterial.CheckHosts(fleet)));
            return diagnostics;
        }

        /// <summary>The rules on what no host owns: users across the fleet and the secrets policy (the generator runs them once).</summary>
        public static List<DiagnosticInfo> CheckLibrary(ResolvedFleet fleet)
        {
            var diagnostics = new List<DiagnosticInfo>();
            diagnostics.AddRange(RuleChecks.Safely(LuxDiagnostics.UserNameClash.Id, () => DuplicateNames.CheckFleet(fleet)));
            diagnostics.AddRange(RuleChecks.Safely(LuxDiagnostics.UserKeyMalformed.Id, () => SshPublicKeys.CheckUsers(fleet)));
            diagnostics.AddRange(RuleChecks.Safely(LuxDiagnostics.MalformedAgeRecipient.Id, () => AgeRecipients.Check(fleet)));
            diagnostics.AddRange(RuleChecks.Safely(LuxDiagnostics.PrivateKeyAsRecipient.Id, () => PrivateKeyMaterial.CheckRecipients(fleet)));
            return diagnostics;
        }
    }
}
