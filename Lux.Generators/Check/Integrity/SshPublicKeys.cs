using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Check.Integrity
{
    /// <summary>
    /// LUX2004: every SSH public key in the config is well formed: users' AuthorizedSshKeys (reported at the key
    /// in the user's list) and whatever else the resolved hosts put in users.users.&lt;n&gt;.openssh.authorizedKeys.keys
    /// (reported at the definition). A key is reported once, where it is written.
    /// </summary>
    internal static class SshPublicKeys
    {
        /// <summary>Each user's keys, at the user.</summary>
        public static List<DiagnosticInfo> CheckUsers(ResolvedFleet fleet) => Users(fleet, new HashSet<string>(StringComparer.Ordinal));

        /// <summary>Keys that reach a host's accounts other than from a user's own keys (those are reported at the user).</summary>
        public static List<DiagnosticInfo> CheckHosts(ResolvedFleet fleet)
        {
            // The users' malformed keys, read only when a host defines a malformed key: reading every user for every host
            // made Check cost hosts × users, for a set that is empty in a fleet without such a key.
            var reported = new Lazy<HashSet<string>>(() =>
            {
                var keys = new HashSet<string>(StringComparer.Ordinal);
                Users(fleet, keys);
                return keys;
            });
            return HostsPart(fleet, reported, new List<DiagnosticInfo>());
        }

        private static List<DiagnosticInfo> Users(ResolvedFleet fleet, HashSet<string> reported)
        {
            var diagnostics = new List<DiagnosticInfo>();
            foreach (var spec in fleet.Declarations.Where(d => d.Kind == DeclarationKind.User))
            {
                IReadOnlyList<Value> keys;
                try
                {
                    var user = fleet.Evaluator.Instantiate(spec);
                    keys = Evaluator.AsList(fleet.Evaluator.Property(user, "AuthorizedSshKeys", ListValue.Empty, spec.Span), FleetResolver.SpanOf(spec, "AuthorizedSshKeys")).Items;
                }
                catch (EvaluationException)
                {
                    continue; // Reported where the user is used.
                }
                var spans = ItemSpans.Of(spec, "AuthorizedSshKeys", null, keys.Count);
                for (var i = 0; i < keys.Count; i++)
                {
                    if (keys[i] is StringValue key && Problem(key.Value) is { } problem)
                    {
                        reported.Add(key.Value);
                        diagnostics.Add(LuxDiagnostics.UserKeyMalformed.At(spans[i], spec.DisplayName, Preview(key.Value), problem));
                    }
                }
            }
            return diagnostics;
        }

        private static List<DiagnosticInfo> HostsPart(ResolvedFleet fleet, Lazy<HashSet<string>> reported, List<DiagnosticInfo> diagnostics)
        {
            foreach (var host in fleet.Hosts)
            {
                if (host.NixOS.Find("users", "users") is not AttrsNode accounts)
                    continue;
                foreach (var account in accounts.Children)
                {
                    if ((account.Value as AttrsNode)?.Find("openssh", "authorizedKeys", "keys") is not LeafNode leaf)
                        continue;
                    foreach (var (item, span) in leaf.ListItems)
                    {
                        if (item is StringValue key && Problem(key.Value) is { } problem && !reported.Value.Contains(key.Value))
                            diagnostics.Add(LuxDiagnostics.DefinedKeyMalformed.At(span, account.Key, Preview(key.Value), problem));
                    }
                }
            }
            return diagnostics;
        }

        /// <summary>Private key material is LUX2006's, and never echoed.</summary>
        private static string? Problem(string key) => PrivateKeyMaterial.Find(key) is null ? SshPublicKeyFormat.Problem(key) : null;

        public static string Preview(string text)
        {
            var line = text.Replace("\n", " ").Replace("\r", " ").Trim();
            return "'" + (line.Length > 32 ? line.Substring(0, 32) + "…" : line) + "'";
        }
    }
}
