using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Check.SshRecovery
{
    /// <summary>
    /// LUX1008: sshd is reachable through the firewall. Exposed means: sshd listens on some port, and the
    /// firewall is off, or services.openssh.openFirewall is on (upstream default: true, which adds the
    /// openssh ports to allowedTCPPorts), or one of the openssh ports is in networking.firewall.allowedTCPPorts.
    /// A disabled firewall counts as exposed: this rule is about reachability for recovery, not about
    /// whether the host should have a firewall.
    /// </summary>
    internal sealed class Lux1008FirewallExposesSsh : RecoveryRule
    {
        private static readonly string[] Ports = RecoveryOptions.SshPorts.For();
        private static readonly string[] OpenFirewall = RecoveryOptions.OpenFirewall.For();
        private static readonly string[] FirewallEnable = RecoveryOptions.FirewallEnable.For();
        private static readonly string[] AllowedPorts = RecoveryOptions.AllowedTcpPorts.For();

        public override string Id => LuxDiagnostics.FirewallClosesSsh.Id;

        public override string Requirement => "SSH must be reachable through the firewall";

        public override IEnumerable<DiagnosticInfo> Check(RecoveryHost host)
        {
            if (new[] { Ports, OpenFirewall, FirewallEnable, AllowedPorts }.Any(host.IsConflicted))
                yield break;

            var portsLeaf = host.Option(Ports);
            var ports = portsLeaf is null ? new List<long> { 22 } : Integers(portsLeaf);
            if (portsLeaf is not null && (ports is null || ports.Count == 0))
            {
                foreach (var source in portsLeaf.Sources)
                    yield return Violation(host, source, ports is null ? LuxDiagnostics.SshPortsUnreadable : LuxDiagnostics.SshPortsEmpty, RecoveryOptions.SshPorts.Nix());
                yield break;
            }

            if (host.Option(FirewallEnable)?.Value is BoolValue { Value: false })
                yield break;
            var openFirewall = host.Option(OpenFirewall);
            if (openFirewall is null || openFirewall.Value is BoolValue { Value: true })
                yield break;
            var allowed = host.Option(AllowedPorts) is { } allowedLeaf ? Integers(allowedLeaf) ?? new List<long>() : new List<long>();
            if (ports!.Any(allowed.Contains))
                yield break;

            var allowStatement = RecoveryOptions.AllowedTcpPorts.CSharp() + " = [" + string.Join(", ", ports!.Select(p => p.ToString(CultureInfo.InvariantCulture))) + "];";
            foreach (var source in openFirewall.Sources)
            {
                yield return Violation(host, source, LuxDiagnostics.FirewallClosesSsh, RecoveryOptions.OpenFirewall.Nix(), RecoveryHost.Nix(openFirewall.Value),
                        RecoveryOptions.AllowedTcpPorts.Nix(), LuxDiagnostics.PortsClause(ports!), allowStatement)
                    .WithFixes((LuxFixes.ReplaceValue, "true"), (LuxFixes.AddHostStatement, allowStatement));
            }
        }

        public override IEnumerable<string[]> Reads(RecoveryHost host) => new[] { Ports, OpenFirewall, FirewallEnable, AllowedPorts };

        public override IEnumerable<NixAssertion> Assertions(RecoveryHost host)
        {
            var ports = RecoveryHost.ConfigPath(Ports);
            yield return Assert(host,
                ports + " != [ ]\n" +
                "&& (\n" +
                "  !" + RecoveryHost.ConfigPath(FirewallEnable) + "\n" +
                "  || " + RecoveryHost.ConfigPath(OpenFirewall) + "\n" +
                "  || builtins.any (port: builtins.elem port " + RecoveryHost.ConfigPath(AllowedPorts) + ") " + ports + "\n" +
                ")",
                "keep services.openssh.openFirewall = true, or add an SSH port to networking.firewall.allowedTCPPorts");
        }

        /// <summary>The integers of a list option; null when some item is not a plain number (raw Nix).</summary>
        private static List<long>? Integers(LeafNode leaf)
        {
            if (leaf.Value is not ListValue list)
                return null;
            var result = new List<long>();
            foreach (var item in list.Items)
            {
                if (item is not IntValue i)
                    return null;
                result.Add(i.Value);
            }
            return result;
        }
    }
}
