using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Check.Integrity
{
    /// <summary>
    /// LUX2002: a host fact names only the host's own users. Sops.AdminKeyUsers and SshRecovery.Users are
    /// reported at the user they name, with a fix that adds the user to the host.
    /// </summary>
    internal static class UsersOnHost
    {
        public static IEnumerable<DiagnosticInfo> Check(ResolvedHost host)
        {
            var named = (host.Sops?.AdminKeyUsers ?? Enumerable.Empty<NamedUser>()).Select(u => (Fact: "Sops.AdminKeyUsers", User: u))
                .Concat((host.SshRecovery?.Users ?? Enumerable.Empty<NamedUser>()).Select(u => (Fact: "SshRecovery.Users", User: u)));
            foreach (var (fact, user) in named)
            {
                if (host.UserNames.Contains(user.Name))
                    continue;
                yield return LuxDiagnostics.UserNotOnHost
                    .At(user.Span, host.Name, fact, user.Name, host.UserNames.Length == 0 ? "none" : string.Join(", ", host.UserNames), user.DisplayName)
                    .With(LuxFixes.HostTypeKey, host.Spec.TypeName)
                    .WithFixes((LuxFixes.AddUserToHost, user.DisplayName));
            }
        }
    }
}
