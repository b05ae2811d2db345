using System.Collections.Generic;
using System.Linq;
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
                yield return new DiagnosticInfo("LUX2007", host.Name + ": Deploy.Hostname " + hostname + "; give the address deploy-rs connects to (a DNS name, an IP address or an SSH config Host)", deploy.HostnameSpan);
            if (deploy.SshUser is { } sshUser && WhyNotWord(sshUser) is { } ssh)
                yield return new DiagnosticInfo("LUX2007", host.Name + ": Deploy.SshUser " + ssh + "; name the account deploy-rs logs in as, or leave it unset", deploy.SshUserSpan);
            if (WhyNotWord(deploy.User) is { } user)
                yield return new DiagnosticInfo("LUX2007", host.Name + ": Deploy.User " + user + "; name the account the system profile activates as (usually \"root\")", deploy.UserSpan);

            if (host.SshRecovery is not { } recovery)
                yield break;
            var recoveryUsers = recovery.Users.Select(u => u.Name).ToList();
            var listed = recoveryUsers.Count == 0 ? "none" : string.Join(", ", recoveryUsers);
            if (deploy.SshUser is null)
                yield return new DiagnosticInfo("LUX2007", host.Name + " is recovered over SSH with root login off, so Deploy.SshUser must be set to one of its recovery users (" + listed + "); deploy-rs would otherwise log in as whoever runs it", deploy.Span);
            else if (WhyNotWord(deploy.SshUser) is null && !recoveryUsers.Contains(deploy.SshUser))
                yield return new DiagnosticInfo("LUX2007", host.Name + ": Deploy.SshUser is " + deploy.SshUser + ", who is not one of its SSH recovery users (" + listed + "); deploy as a recovery user, whose key-based login the policy keeps", deploy.SshUserSpan);
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
