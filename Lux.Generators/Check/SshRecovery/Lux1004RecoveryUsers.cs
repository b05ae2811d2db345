using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Check.SshRecovery
{
    /// <summary>LUX1004: someone must be able to recover the host: SshRecovery names at least one user.</summary>
    internal sealed class Lux1004RecoveryUsers : RecoveryRule
    {
        public override string Id => LuxDiagnostics.NoRecoveryUsers.Id;

        public override string Requirement => "at least one recovery user must be named";

        public override IEnumerable<DiagnosticInfo> Check(RecoveryHost host)
        {
            if (host.Recovery.Users.Length > 0)
                yield break;
            // The example names one of the host's own users: a recovery user must be on the host (LUX1005).
            yield return host.Resolved.Users.FirstOrDefault() is { } user
                ? Violation(host, host.Recovery.UsersSpan, LuxDiagnostics.NoRecoveryUsers, user.DisplayName)
                : Violation(host, host.Recovery.UsersSpan, LuxDiagnostics.NoRecoveryUsersNorUsers);
        }

        /// <summary>A fact, so Lux writes the literal it knows: emptying it in nix-out fails the rebuild.</summary>
        public override IEnumerable<NixAssertion> Assertions(RecoveryHost host)
        {
            yield return Assert(host, RecoveryUserList(host) + " != [ ]", "name at least one user in the host's SshRecovery fact");
        }

        public static string RecoveryUserList(RecoveryHost host) =>
            host.Recovery.Users.Length == 0 ? "[ ]" : "[ " + string.Join(" ", host.Recovery.Users.Select(u => NixSyntax.String(u.Name, u.Span))) + " ]";
    }
}
