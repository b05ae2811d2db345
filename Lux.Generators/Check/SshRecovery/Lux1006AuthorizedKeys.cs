using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Diagnostics;
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
        public override string Id => LuxDiagnostics.RecoveryKeysNotSet.Id;

        public override string Requirement => "every recovery user must have a plain authorized SSH key";

        public override IEnumerable<DiagnosticInfo> Check(RecoveryHost host)
        {
            foreach (var user in host.Recovery.Users)
            {
                var keys = RecoveryOptions.AuthorizedKeys.For(user.Name);
                // A user who is not on the host has no config at all: LUX1005 and LUX2002 say so.
                if (!host.IsOnHost(user) || host.IsConflicted(keys))
                    continue;
                var leaf = host.Option(keys);
                if (leaf is not null && leaf.ListItems.Any(i => i.Item is StringValue s && s.Value.Trim().Length > 0))
                    continue;
                var keyFiles = LuxDiagnostics.KeyFilesClause(host.Option(RecoveryOptions.AuthorizedKeyFiles.For(user.Name)) is not null);
                var violation = Violation(host, user.Span, leaf is null ? LuxDiagnostics.RecoveryKeysNotSet : LuxDiagnostics.RecoveryKeysNotPlain,
                    RecoveryOptions.AuthorizedKeys.Nix(user.Name), keyFiles, user.DisplayName, RecoveryOptions.AuthorizedKeys.CSharp("user.Name"));
                yield return leaf is null ? violation : violation with { AdditionalSpans = leaf.Sources.ToEquatableArray() };
            }
        }

        public override IEnumerable<string[]> Reads(RecoveryHost host) => host.Recovery.Users.Select(user => RecoveryOptions.AuthorizedKeys.For(user.Name));

        public override IEnumerable<NixAssertion> Assertions(RecoveryHost host)
        {
            foreach (var user in host.Recovery.Users)
            {
                yield return Assert(host,
                    RecoveryHost.ConfigPath("users", "users") + " ? " + NixSyntax.AttributeName(user.Name, SourceSpan.None) +
                    " && " + RecoveryHost.ConfigPath(RecoveryOptions.AuthorizedKeys.For(user.Name)) + " != [ ]",
                    "give " + user.Name + " a key in " + RecoveryOptions.AuthorizedKeys.Nix(user.Name));
            }
        }
    }
}
