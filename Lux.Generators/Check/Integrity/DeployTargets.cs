using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Check.Integrity
{
    /// <summary>
    /// LUX2007: a Deploy fact deploy-rs can act on. The hostname and the users are non-empty single words
    /// (they become an SSH destination), and on a host with SshRecovery, where root login is off, deploy-rs
    /// logs in as one of the recovery users: anyone else may be locked out by the very policy that host keeps.
    /// </summary>
    internal static class DeployTargets
    {
        public static IEnumerable<DiagnosticInfo> Check(ResolvedHost host)
        {
            if (host.Deploy is not { } deploy)
                yield break;
            if (WhyNotWord(deploy.Hostname) is { } hostname)
                yield return LuxDiagnostics.DeployHostname.At(deploy.HostnameSpan, host.Name, hostname);
            if (deploy.SshUser is { } sshUser && WhyNotWord(sshUser) is { } ssh)
                yield return LuxDiagnostics.DeploySshUser.At(deploy.SshUserSpan, host.Name, ssh);
            if (WhyNotWord(deploy.User) is { } user)
                yield return LuxDiagnostics.DeployUser.At(deploy.UserSpan, host.Name, user);

            if (host.SshRecovery is not { } recovery)
                yield break;
            var recoveryUsers = recovery.Users.Select(u => u.Name).ToList();
            var listed = recoveryUsers.Count == 0 ? "none" : string.Join(", ", recoveryUsers);
            if (deploy.SshUser is null)
                yield return LuxDiagnostics.DeploySshUserUnset.At(deploy.Span, host.Name, listed);
            else if (WhyNotWord(deploy.SshUser) is null && !recoveryUsers.Contains(deploy.SshUser))
                yield return LuxDiagnostics.DeploySshUserNotRecovery.At(deploy.SshUserSpan, host.Name, deploy.SshUser, listed);
        }

        /// <summary>Why <paramref name="value"/> cannot be an SSH user or host, or null when it can.</summary>
        private static string? WhyNotWord(string value)
        {
            if (value.Trim().Length == 0)
                return "is empty";
            if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                return "\"" + value + "\" holds whitespace";
            if (value.StartsWith("-", System.StringComparison.Ordinal))
                return "\"" + value + "\" starts with '-', which ssh would read as an option";
            return null;
        }
    }
}
