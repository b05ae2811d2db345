using System.Collections.Generic;
using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Check.SshRecovery
{
    /// <summary>
    /// LUX1007: a host recovered over SSH decrypts its secrets with its own SSH host key
    /// (Sops.HostSshKeyPath), so a reinstall that keeps the host keys decrypts on first boot with no admin key on disk.
    /// </summary>
    internal sealed class Lux1007SopsHostKey : RecoveryRule
    {
        public override string Id => LuxDiagnostics.NoSopsFact.Id;

        public override string Requirement => "the SOPS SSH host key path must be set";

        public override IEnumerable<DiagnosticInfo> Check(RecoveryHost host)
        {
            var sops = host.Resolved.Sops;
            if (sops is null)
                yield return Violation(host, host.FactSpan, LuxDiagnostics.NoSopsFact);
            else if (string.IsNullOrWhiteSpace(sops.HostSshKeyPath))
                yield return Violation(host, ItemSpans.OfArgument(host.Resolved.Spec, "Sops", "HostSshKeyPath"), LuxDiagnostics.SopsHostKeyUnset);
        }

        /// <summary>A fact: Lux writes the path it knows (null when unset), so the assertion records what was checked.</summary>
        public override IEnumerable<NixAssertion> Assertions(RecoveryHost host)
        {
            var path = host.Resolved.Sops?.HostSshKeyPath;
            var literal = string.IsNullOrWhiteSpace(path) ? "null" : NixSyntax.String(path!, ItemSpans.OfArgument(host.Resolved.Spec, "Sops", "HostSshKeyPath"));
            yield return Assert(host, literal + " != null", "set Sops.HostSshKeyPath on the host in the Lux config");
        }
    }
}
