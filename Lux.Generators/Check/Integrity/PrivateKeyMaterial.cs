using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Check.Integrity
{
    /// <summary>
    /// LUX2006: no private key material in the config. Found in any value that reaches nix-out (option
    /// definitions, the secrets policy, hand-written Nix files) it is reported where it enters the config;
    /// the analyzer also reports any string literal holding it. Lux never echoes the material: messages
    /// are redacted, and no nix-out file that would hold it is written (Steps/Outgoing).
    /// </summary>
    internal static class PrivateKeyMaterial
    {
        // PEM and OpenSSH private keys ("-----BEGIN OPENSSH PRIVATE KEY-----", "... RSA PRIVATE KEY", PGP's "... PRIVATE KEY BLOCK")
        // and age identities (Bech32 "AGE-SECRET-KEY-1...", either case).
        private static readonly Regex Marker = new(
            @"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|AGE-SECRET-KEY-1[A-Z0-9]*",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>What kind of private key the text holds, or null.</summary>
        public static string? Find(string text)
        {
            var match = Marker.Match(text);
            if (!match.Success)
                return null;
            return match.Value.StartsWith("AGE", System.StringComparison.OrdinalIgnoreCase) ? "an age secret key" : "a private key (" + match.Value.Trim('-') + ")";
        }

        /// <summary>The text with every private key marker and what follows it on the line replaced, for messages.</summary>
        public static string Redact(string text) =>
            Find(text) is null ? text : Regex.Replace(text, @"(-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|AGE-SECRET-KEY-1)[^\n]*", "[private key material withheld]",
                RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>What the hosts define. The Nix files they bring in are judged where they are copied (Steps/Outgoing).</summary>
        public static IEnumerable<DiagnosticInfo> CheckHosts(ResolvedFleet fleet)
        {
            foreach (var host in fleet.Hosts)
            {
                foreach (var definition in host.Definitions.Concat(host.HomeDefinitions.SelectMany(h => h.Value)))
                {
                    if (FindIn(definition.Value) is { } kind)
                        yield return LuxDiagnostics.PrivateKeyInDefinition.At(definition.Span, definition.PathText, kind);
                }
            }
        }

        /// <summary>The secrets policy's recipients.</summary>
        public static IEnumerable<DiagnosticInfo> CheckRecipients(ResolvedFleet fleet)
        {
            foreach (var recipient in AgeRecipients.Read(fleet))
            {
                if (Find(recipient.PublicKey) is { } kind)
                    yield return LuxDiagnostics.PrivateKeyAsRecipient.At(recipient.KeySpan, recipient.Name, kind);
            }
        }

        private static string? FindIn(Value value) => value switch
        {
            StringValue s => Find(s.Value),
            RawValue raw => Find(raw.Text),
            ListValue list => list.Items.Select(FindIn).FirstOrDefault(k => k is not null),
            OptionObjectValue obj => obj.Members.Select(m => FindIn(m.Value)).FirstOrDefault(k => k is not null),
            PriorityValue priority => FindIn(priority.Inner),
            _ => null,
        };
    }
}
