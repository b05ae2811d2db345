using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Check.SshRecovery
{
    /// <summary>LUX1004: someone must be able to recover the host: SshRecovery names at least one user.</summary>
    internal sealed class Lux1004RecoveryUsers : RecoveryRule
    {
        public override string Id => "LUX1004";

        public override string Requirement => "at least one recovery user must be named";

        public override IEnumerable<DiagnosticInfo> Check(RecoveryHost host)
        {
            if (host.Recovery.Users.Length == 0)
                yield return Violation(host, host.Recovery.UsersSpan, "SshRecovery.Users is empty; name the users who recover " + host.Name + " over SSH: new(Users: [new Kiri()])");
        }

        /// <summary>A fact, so Lux writes the literal it knows: emptying it in nix-out fails the rebuild.</summary>
        public override IEnumerable<NixAssertion> Assertions(RecoveryHost host)
        {
            yield return Assert(host, RecoveryUserList(host) + " != [ ]", "name at least one user in the host's SshRecovery fact");
        }

        public static string RecoveryUserList(RecoveryHost host) =>
            host.Recovery.Users.Length == 0 ? "[ ]" : "[ " + string.Join(" ", host.Recovery.Users.Select(u => NixSyntax.String(u.Name, SourceSpan.None))) + " ]";
    }
}
