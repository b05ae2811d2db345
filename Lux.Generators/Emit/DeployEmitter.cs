using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Emit
{
    /// <summary>
    /// The flake's outputs for existing engines, from the hosts' Deploy facts: <c>deploy.nodes</c> for deploy-rs
    /// (and its input, only when some host is deployable), <c>hydraJobs</c> (every host's system) and
    /// <c>checks</c> (deploy-rs's checks with every host's system, per platform). deploy-rs's attributes:
    /// https://github.com/serokell/deploy-rs#node
    /// </summary>
    internal static class DeployEmitter
    {
        public const string InputName = "deploy-rs";
        public const string InputUrl = "github:serokell/deploy-rs";

        /// <summary>The check a host's system is, in <c>checks.&lt;system&gt;</c> (deploy-rs's own are <c>deploy-*</c>).</summary>
        public static string ToplevelCheck(string host) => "toplevel-" + host;

        /// <summary>The input, when some host is deployable; it follows the fleet's nixpkgs like the others.</summary>
        public static void Input(NixWriter w, IReadOnlyList<DeployNode> nodes)
        {
            if (nodes.Count == 0)
                return;
            w.Line(InputName + " = {", 2)
             .Line("url = \"" + InputUrl + "\";", 3)
             .Line("inputs.nixpkgs.follows = \"nixpkgs\";", 3)
             .Line("};", 2);
        }

        /// <summary>The names the outputs function takes beyond the module inputs.</summary>
        public static string Arguments(IReadOnlyList<DeployNode> nodes) => nodes.Count == 0 ? "self" : "self, " + InputName;

        /// <summary>The outputs after <c>nixosConfigurations</c>, at the outputs' indentation.</summary>
        public static void Outputs(NixWriter w, IReadOnlyList<(string Name, string System)> hosts, IReadOnlyList<DeployNode> nodes, int indent)
        {
            var deployable = new HashSet<string>(nodes.Select(n => n.Host), StringComparer.Ordinal);
            var local = hosts.Select(h => h.Name).Where(n => !deployable.Contains(n)).ToList();

            w.Line();
            if (nodes.Count == 0)
            {
                w.Line("# No host has a Deploy fact, so there are no deploy.nodes: switch each on the host itself.", indent);
            }
            else
            {
                w.Line("# deploy-rs: `deploy ./nix-out#<host>` deploys one host, `deploy ./nix-out` every one.", indent);
                if (local.Count > 0)
                    w.Line("# Not deployable (no Deploy fact, switched on the host itself): " + string.Join(", ", local) + ".", indent);
                w.Line("deploy.nodes = {", indent);
                foreach (var node in nodes)
                    Node(w, node, indent + 1);
                w.Line("};", indent);
            }

            w.Line()
             .Line("# Every host's system, for Hydra or any Nix CI.", indent);
            if (hosts.Count == 0)
            {
                w.Line("hydraJobs = { };", indent);
            }
            else
            {
                w.Line("hydraJobs = {", indent);
                foreach (var (name, _) in hosts)
                    w.Line(Attr(name) + " = " + Toplevel(name) + ";", indent + 1);
                w.Line("};", indent);
            }

            w.Line()
             .Line(nodes.Count == 0
                 ? "# `nix flake check`: every host's system, on its platform."
                 : "# `nix flake check`: deploy-rs's schema and activation checks, and every host's system, on its platform.", indent);
            if (nodes.Count == 0)
            {
                Toplevels(w, hosts, indent, "checks = ", ";");
            }
            else
            {
                // Merged per platform: deploy-rs has checks for each platform it supports, the hosts for theirs.
                w.Line("checks = builtins.zipAttrsWith (system: builtins.foldl' (all: checks: all // checks) { }) [", indent)
                 .Line("(builtins.mapAttrs (system: deployLib: deployLib.deployChecks self.deploy) " + InputName + ".lib)", indent + 1);
                Toplevels(w, hosts, indent + 1, "", "");
                w.Line("];", indent);
            }
        }

        private static void Node(NixWriter w, DeployNode node, int indent)
        {
            w.Line(Attr(node.Host) + " = {", indent)
             .Line("hostname = " + Text(node.Hostname) + ";", indent + 1);
            if (node.SshUser is { } sshUser)
                w.Line("sshUser = " + Text(sshUser) + ";", indent + 1);
            w.Line("interactiveSudo = " + Bool(node.InteractiveSudo) + ";", indent + 1)
             .Line("remoteBuild = " + Bool(node.RemoteBuild) + ";", indent + 1)
             .Line("magicRollback = " + Bool(node.MagicRollback) + ";", indent + 1)
             .Line("autoRollback = " + Bool(node.AutoRollback) + ";", indent + 1)
             .Line("profiles.system = {", indent + 1)
             .Line("user = " + Text(node.User) + ";", indent + 2)
             .Line("path = " + InputName + ".lib." + Attr(node.System) + ".activate.nixos self.nixosConfigurations." + Attr(node.Host) + ";", indent + 2)
             .Line("};", indent + 1)
             .Line("};", indent);
        }

        /// <summary><c>{ &lt;system&gt; = { toplevel-&lt;host&gt; = …; }; }</c>, the hosts grouped by platform.</summary>
        private static void Toplevels(NixWriter w, IReadOnlyList<(string Name, string System)> hosts, int indent, string prefix, string suffix)
        {
            if (hosts.Count == 0)
            {
                w.Line(prefix + "{ }" + suffix, indent);
                return;
            }
            w.Line(prefix + "{", indent);
            foreach (var platform in hosts.GroupBy(h => h.System, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                w.Line(Attr(platform.Key) + " = {", indent + 1);
                foreach (var (name, _) in platform)
                    w.Line(Attr(ToplevelCheck(name)) + " = " + Toplevel(name) + ";", indent + 2);
                w.Line("};", indent + 1);
            }
            w.Line("}" + suffix, indent);
        }

        private static string Toplevel(string host) => "self.nixosConfigurations." + Attr(host) + ".config.system.build.toplevel";

        private static string Attr(string name) => NixSyntax.AttributeName(Writable(name), SourceSpan.None);

        private static string Text(string text) => NixSyntax.String(Writable(text), SourceSpan.None);

        /// <summary>
        /// Text no Nix string can hold (a NUL) has already failed its host (LUX0004 or LUX2007), which blocks
        /// writing; the flake is still built from the summaries, so it must not throw over it.
        /// </summary>
        private static string Writable(string text) =>
            NixSyntax.WhyNotText(text) is null ? text : new string(text.Select(c => c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c).ToArray());

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
