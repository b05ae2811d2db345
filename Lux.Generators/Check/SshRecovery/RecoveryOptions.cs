using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Options;

namespace Lux.Generators.Check.SshRecovery
{
    /// <summary>
    /// The NixOS options the SSH recovery policy reads, by their Nix path. Messages and code fixes name them in C# as
    /// the generated option trees do (<see cref="OptionNames"/> writes both), and Lux.Tests walks each path through
    /// Lux.Dsl's NixOS tree, so an option renamed there fails a test rather than a fix that no longer compiles.
    /// </summary>
    internal static class RecoveryOptions
    {
        public static readonly OptionPath OpenSshEnable = new("services", "openssh", "enable");
        public static readonly OptionPath PasswordAuthentication = new("services", "openssh", "settings", "PasswordAuthentication");
        public static readonly OptionPath PermitRootLogin = new("services", "openssh", "settings", "PermitRootLogin");
        public static readonly OptionPath SshPorts = new("services", "openssh", "ports");
        public static readonly OptionPath OpenFirewall = new("services", "openssh", "openFirewall");
        public static readonly OptionPath FirewallEnable = new("networking", "firewall", "enable");
        public static readonly OptionPath AllowedTcpPorts = new("networking", "firewall", "allowedTCPPorts");

        /// <summary><c>users.users.&lt;name&gt;</c>: a user's account.</summary>
        public static readonly OptionPath Account = new("users", "users", OptionPath.Key);
        public static readonly OptionPath IsNormalUser = Account.Then("isNormalUser");
        public static readonly OptionPath IsSystemUser = Account.Then("isSystemUser");
        public static readonly OptionPath AuthorizedKeys = Account.Then("openssh", "authorizedKeys", "keys");
        public static readonly OptionPath AuthorizedKeyFiles = Account.Then("openssh", "authorizedKeys", "keyFiles");
    }

    /// <summary>An option's path in the NixOS tree; <see cref="Key"/> stands for an attribute-set key (a user's name).</summary>
    internal sealed class OptionPath
    {
        public const string Key = "<name>";

        public OptionPath(params string[] segments) => Segments = segments;

        public IReadOnlyList<string> Segments { get; }

        public OptionPath Then(params string[] more) => new(Segments.Concat(more).ToArray());

        /// <summary>The segments, with <paramref name="key"/> for the attribute-set key.</summary>
        public string[] For(string? key = null) => Segments.Select(s => s == Key && key is not null ? key : s).ToArray();

        /// <summary>The path as Nix writes it: <c>users.users.kiri.isNormalUser</c>.</summary>
        public string Nix(string? key = null) => string.Join(".", For(key));

        /// <summary>
        /// The path in C#, on a gate's NixOS parameter, as the generated trees name it:
        /// <c>os.Users.Users[user.Name].IsNormalUser</c>, <paramref name="keyExpression"/> for the key.
        /// </summary>
        public string CSharp(string keyExpression = "") =>
            LuxFixes.NixOSParameter + string.Concat(Segments.Select(s => s == Key ? "[" + keyExpression + "]" : "." + OptionNames.Member(s)));
    }
}
