using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Check.SshRecovery
{
    /// <summary>
    /// LUX1006: every recovery user can log in with a key written into the config itself: the resolved
    /// <c>users.users.&lt;name&gt;.openssh.authorizedKeys.keys</c> holds at least one plain key. keyFiles do
    /// not count: they are read at build time, from outside the config. Reported at the user in SshRecovery.Users.
    /// </summary>
    internal sealed class Lux1006AuthorizedKeys : RecoveryRule
    {
        private static readonly string[] Keys = { "openssh", "authorizedKeys", "keys" };

        public override string Id => "LUX1006";

        public override string Requirement => "every recovery user must have a plain authorized SSH key";

        public override IEnumerable<DiagnosticInfo> Check(RecoveryHost host)
        {
            foreach (var user in host.Recovery.Users)
            {
                // A user who is not on the host has no config at all: LUX1005 and LUX2002 say so.
                if (!host.IsOnHost(user) || host.IsConflicted(Path(user.Name)))
                    continue;
                var leaf = host.Option(Path(user.Name));
                if (leaf is not null && leaf.ListItems.Any(i => i.Item is StringValue s && s.Value.Trim().Length > 0))
                    continue;
                var state = leaf is null ? "is not set" : "holds no plain key";
                var keyFiles = host.Option("users", "users", user.Name, "openssh", "authorizedKeys", "keyFiles") is null ? "" : " (keyFiles do not count: they are read at build time)";
                yield return Violation(host, user.Span,
                    "users.users." + user.Name + ".openssh.authorizedKeys.keys " + state + keyFiles + "; give " + user.DisplayName +
                    " AuthorizedSshKeys and include a feature that writes them (os.Users.Users[user.Name].OpenSsh.AuthorizedKeys.Keys = user.AuthorizedSshKeys)",
                    leaf is null ? EquatableArray<SourceSpan>.Empty : leaf.Sources.ToEquatableArray());
            }
        }

        public override IEnumerable<string[]> Reads(RecoveryHost host) => host.Recovery.Users.Select(user => Path(user.Name));

        public override IEnumerable<NixAssertion> Assertions(RecoveryHost host)
        {
            foreach (var user in host.Recovery.Users)
            {
                yield return Assert(host,
                    RecoveryHost.ConfigPath("users", "users") + " ? " + Emit.NixSyntax.AttributeName(user.Name, SourceSpan.None) +
                    " && " + RecoveryHost.ConfigPath(Path(user.Name)) + " != [ ]",
                    "give " + user.Name + " a key in users.users." + user.Name + ".openssh.authorizedKeys.keys");
            }
        }

        private static string[] Path(string user) => new[] { "users", "users", user }.Concat(Keys).ToArray();
    }
}
