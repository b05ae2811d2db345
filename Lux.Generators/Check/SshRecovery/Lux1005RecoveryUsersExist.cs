using System.Collections.Generic;
using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Check.SshRecovery
{
    /// <summary>
    /// LUX1005: every recovery user has an account on the host: the user is among the host's Users, and the
    /// resolved config makes <c>users.users.&lt;name&gt;</c> a normal or system user. Reported at the user in
    /// SshRecovery.Users (a user who is not on the host is also LUX2002, the fact's integrity).
    /// </summary>
    internal sealed class Lux1005RecoveryUsersExist : RecoveryRule
    {
        public override string Id => "LUX1005";

        public override string Requirement => "every recovery user must exist on the host";

        public override IEnumerable<DiagnosticInfo> Check(RecoveryHost host)
        {
            foreach (var user in host.Recovery.Users)
            {
                if (!host.IsOnHost(user))
                {
                    yield return Violation(host, user.Span, user.Name + " is not among " + host.Name + "'s Users; add new " + user.DisplayName + "() to Users",
                        (LuxFixes.AddUserToHost, user.DisplayName));
                }
                else if (!HasAccount(host, user.Name))
                {
                    yield return Violation(host, user.Span, "nothing declares the account: users.users." + user.Name + " is neither a normal nor a system user; " +
                        "set os.Users.Users[user.Name].IsNormalUser = true in a [PerUser] gate " + user.DisplayName + " reaches (PrimaryUser, or the user's own)");
                }
            }
        }

        public override IEnumerable<string[]> Reads(RecoveryHost host)
        {
            foreach (var user in host.Recovery.Users)
            {
                yield return new[] { "users", "users", user.Name, "isNormalUser" };
                yield return new[] { "users", "users", user.Name, "isSystemUser" };
            }
        }

        public override IEnumerable<NixAssertion> Assertions(RecoveryHost host)
        {
            foreach (var user in host.Recovery.Users)
            {
                var account = RecoveryHost.ConfigPath("users", "users", user.Name);
                yield return Assert(host,
                    RecoveryHost.ConfigPath("users", "users") + " ? " + Emit.NixSyntax.AttributeName(user.Name, SourceSpan.None) +
                    " && (" + account + ".isNormalUser || " + account + ".isSystemUser)",
                    "declare the account users.users." + user.Name + " (isNormalUser = true)");
            }
        }

        private static bool HasAccount(RecoveryHost host, string name) =>
            host.Option("users", "users", name, "isNormalUser")?.Value is BoolValue { Value: true } ||
            host.Option("users", "users", name, "isSystemUser")?.Value is BoolValue { Value: true };
    }
}
