using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Emit
{
    /// <summary>
    /// nix-out/bootstrap/&lt;host&gt;.sh: installs the host with nixos-anywhere from the flake beside it
    /// (https://github.com/nix-community/nixos-anywhere/blob/main/docs/cli.md), made from the host's facts.
    /// A host that decrypts with its SSH host key keeps the machine's host keys (<c>--copy-host-keys</c>);
    /// a host with an admin key gets it through <c>--extra-files</c>, from a local file given as an argument,
    /// at the fact's path with mode 0440, owned by root: the group sops-users does not exist before the first
    /// activation, whose tmpfiles rule (Lux.Config's SopsNix) then gives it the file.
    /// </summary>
    internal static class BootstrapScript
    {
        public static string PathFor(string host) => "bootstrap/" + host + ".sh";

        /// <summary>The mode of the admin key in the new system: read by root and, once it owns the file, the group.</summary>
        public const string AdminKeyMode = "0440";

        public static OutputFile Emit(ResolvedHost host)
        {
            var name = host.Name;
            var script = PathFor(name);
            var copyHostKeys = !string.IsNullOrWhiteSpace(host.Sops?.HostSshKeyPath);
            var adminKey = string.IsNullOrWhiteSpace(host.Sops?.AdminKeyPath) ? null : Absolute(host.Sops!.AdminKeyPath!);

            var s = TextBuilders.Rent();
            void L(string line = "") => s.Append(line).Append('\n');

            L("#!/usr/bin/env bash");
            L("# Installs NixOS on a machine as the host " + name + ", with nixos-anywhere. " + FleetEmitter.Banner);
            L("# Run it from any directory: bash nix-out/" + script + " --help");
            L("set -euo pipefail");
            L();
            L("name=" + Quote(script));
            L();
            L("usage() {");
            L("  cat <<'USAGE'");
            L("Usage: bash nix-out/" + script + " --target-host <destination>" + (adminKey is null ? "" : " --admin-key <file>") + " [-- <nixos-anywhere option>...]");
            L();
            L("Installs NixOS on a machine as the host " + name + " of the flake beside this script");
            L("(nix-out#" + name + "), with nixos-anywhere. It partitions and formats the machine's disks:");
            L("everything on them is lost.");
            L();
            L("Required:");
            L("  --target-host <destination>  the SSH destination of the machine to install (user@address): it runs");
            L("                               the NixOS installer, or any Linux nixos-anywhere can kexec from, and the");
            L("                               user is root or has passwordless sudo");
            if (adminKey is not null)
            {
                L("  --admin-key <file>           the admin age key, a local file; the new system gets it at");
                L("                               " + Heredoc(adminKey) + " with mode " + AdminKeyMode + " (root, and the group sops-users");
                L("                               from its first activation)");
            }
            L();
            L("Options:");
            L("  -h, --help                   show this text");
            L("  -- <option>...               pass the rest to nixos-anywhere as they are (for example -- --build-on-remote)");
            if (copyHostKeys)
            {
                L();
                L(name + " keeps the machine's SSH host keys (--copy-host-keys): it decrypts its SOPS secrets with");
                L(Heredoc(host.Sops!.HostSshKeyPath!) + ", the key its .sops.yaml recipient was made from.");
            }
            L("USAGE");
            L("}");
            L();
            L("missing_value() {");
            L("  echo \"$name: $1 needs a value; see --help\" >&2");
            L("  exit 2");
            L("}");
            L();
            L("target_host=''");
            if (adminKey is not null)
                L("admin_key=''");
            L("while [ \"$#\" -gt 0 ]; do");
            L("  case $1 in");
            L("    -h | --help)");
            L("      usage");
            L("      exit 0");
            L("      ;;");
            Option(L, "--target-host", "target_host");
            if (adminKey is not null)
                Option(L, "--admin-key", "admin_key");
            L("    --)");
            L("      shift");
            L("      break");
            L("      ;;");
            L("    *)");
            L("      echo \"$name: unknown argument '$1'; see --help\" >&2");
            L("      exit 2");
            L("      ;;");
            L("  esac");
            L("done");
            L();
            L("missing=0");
            Required(L, "target_host", "--target-host <destination>", "the SSH destination of the machine to install (user@address)");
            if (adminKey is not null)
                Required(L, "admin_key", "--admin-key <file>", "the admin age key, a local file, installed at " + adminKey);
            L("if [ \"$missing\" -ne 0 ]; then");
            L("  echo \"Usage: bash nix-out/$name --target-host <destination>" + (adminKey is null ? "" : " --admin-key <file>") + " [-- <nixos-anywhere option>...]; see --help\" >&2");
            L("  exit 2");
            L("fi");
            if (adminKey is not null)
            {
                L("if [ ! -f \"$admin_key\" ] || [ ! -r \"$admin_key\" ]; then");
                L("  echo \"$name: --admin-key: '$admin_key' is not a readable file\" >&2");
                L("  exit 2");
                L("fi");
            }
            L();
            L("# The flake is the directory above this script, wherever it is run from.");
            L("flake=\"$(cd -- \"$(dirname -- \"${BASH_SOURCE[0]}\")/..\" && pwd)\"");
            L();
            var arguments = new List<string> { "--flake \"$flake#" + name + "\"" };
            if (copyHostKeys)
                arguments.Add("--copy-host-keys");
            if (adminKey is not null)
            {
                // nixos-anywhere copies the tree over / of the new system as it is: every directory in it
                // needs the mode it should have there (a mktemp directory is 0700).
                var segments = adminKey.Split(new[] { '/' }, System.StringSplitOptions.RemoveEmptyEntries);
                L("# The tree nixos-anywhere copies over / of the new system, modes and all; removed on exit.");
                L("extra_files=\"$(mktemp -d)\"");
                L("trap 'rm -rf -- \"$extra_files\"' EXIT");
                L("chmod 0755 \"$extra_files\"");
                for (var i = 1; i < segments.Length; i++)
                {
                    var directory = "/" + string.Join("/", segments.Take(i));
                    // The key's own directory is closed to others, as the host's tmpfiles rule keeps it.
                    L("install -d -m " + (i == segments.Length - 1 ? "0750" : "0755") + " \"$extra_files\"" + Quote(directory));
                }
                L("install -m " + AdminKeyMode + " -- \"$admin_key\" \"$extra_files\"" + Quote(adminKey));
                arguments.Add("--extra-files \"$extra_files\"");
            }
            arguments.Add("--target-host \"$target_host\"");
            arguments.Add("\"$@\"");
            L();
            L("nixos-anywhere \\");
            for (var i = 0; i < arguments.Count; i++)
                L("  " + arguments[i] + (i == arguments.Count - 1 ? "" : " \\"));
            return new OutputFile(script, TextBuilders.Finish(s));
        }

        // L is the script's line writer, named like the local function L that Emit passes in.
#pragma warning disable IDE1006
        private static void Option(System.Action<string> L, string option, string variable)
        {
            L("    " + option + ")");
            L("      [ \"$#\" -ge 2 ] || missing_value \"$1\"");
            L("      " + variable + "=$2");
            L("      shift 2");
            L("      ;;");
        }

        private static void Required(System.Action<string> L, string variable, string option, string what)
        {
            L("if [ -z \"$" + variable + "\" ]; then");
            L("  echo \"$name: missing " + option + ": \"" + Quote(what) + " >&2");
            L("  missing=1");
            L("fi");
        }
#pragma warning restore IDE1006

        /// <summary>The path as the new system has it: a path sops-nix reads is absolute.</summary>
        private static string Absolute(string path) => path.StartsWith("/", System.StringComparison.Ordinal) ? path : "/" + path;

        /// <summary>A single-quoted shell word that reads back as exactly <paramref name="text"/>.</summary>
        public static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";

        /// <summary>Text inside the quoted here-document of the usage: nothing expands there, but a line equal to its end word would end it.</summary>
        private static string Heredoc(string text) => text.Replace("\n", " ");
    }
}
