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
        public override string Id => LuxDiagnostics.RecoveryUserNotOnHost.Id;

        public override string Requirement => "every recovery user must exist on the host";

        public override IEnumerable<DiagnosticInfo> Check(RecoveryHost host)
        {
            foreach (var user in host.Recovery.Users)
            {
                if (!host.IsOnHost(user))
                {
                    yield return Violation(host, user.Span, LuxDiagnostics.RecoveryUserNotOnHost, user.Name, user.DisplayName)
                        .WithFixes((LuxFixes.AddUserToHost, user.DisplayName));
                }
                else if (!HasAccount(host, user.Name))
                {
                    yield return Violation(host, user.Span, LuxDiagnostics.RecoveryUserWithoutAccount,
                        RecoveryOptions.Account.Nix(user.Name), RecoveryOptions.IsNormalUser.CSharp("user.Name"), user.DisplayName);
                }
            }
        }

        public override IEnumerable<string[]> Reads(RecoveryHost host)
        {
            foreach (var user in host.Recovery.Users)
            {
                yield return RecoveryOptions.IsNormalUser.For(user.Name);
                yield return RecoveryOptions.IsSystemUser.For(user.Name);
            }
        }

        public override IEnumerable<NixAssertion> Assertions(RecoveryHost host)
        {
            foreach (var user in host.Recovery.Users)
            {
                var account = RecoveryHost.ConfigPath(RecoveryOptions.Account.For(user.Name));
                yield return Assert(host,
                    RecoveryHost.ConfigPath("users", "users") + " ? " + NixSyntax.AttributeName(user.Name, SourceSpan.None) +
                    " && (" + account + ".isNormalUser || " + account + ".isSystemUser)",
                    "declare the account " + RecoveryOptions.Account.Nix(user.Name) + " (isNormalUser = true)");
            }
        }

        private static bool HasAccount(RecoveryHost host, string name) =>
            host.Option(RecoveryOptions.IsNormalUser.For(name))?.Value is BoolValue { Value: true } ||
            host.Option(RecoveryOptions.IsSystemUser.For(name))?.Value is BoolValue { Value: true };
    }
}
