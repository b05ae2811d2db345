using System.Collections.Generic;
using System.Text;

namespace Lux.Generators.Options
{
    /// <summary>
    /// How a Nix attribute name becomes a C# member name in the generated option trees. Shared, as source,
    /// by the tree writer (lux options generate) and the generator (messages and fixes name C# paths), so
    /// the two cannot disagree.
    /// </summary>
    public static class OptionNames
    {
        /// <summary>Names whose words Nix runs together, where the C# reader expects them apart.</summary>
        private static readonly Dictionary<string, string> Words = new()
        {
            ["openssh"] = "OpenSsh",
            ["networkmanager"] = "NetworkManager",
        };

        /// <summary>Members every option node already has (OptionNode, object).</summary>
        private static readonly HashSet<string> Taken = new()
        {
            "Set", "SetUnchecked", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals",
        };

        /// <summary>
        /// PascalCase from a Nix name: words split at anything not a letter or digit, each word's first letter
        /// upper-cased and the rest kept (<c>systemd-boot</c> → <c>SystemdBoot</c>, <c>allowedTCPPorts</c> →
        /// <c>AllowedTCPPorts</c>, <c>DP-1</c> → <c>DP1</c>); a leading digit gets <c>_</c>.
        /// </summary>
        public static string Pascal(string nixName)
        {
            if (Words.TryGetValue(nixName, out var word))
                return word;
            var builder = new StringBuilder(nixName.Length + 1);
            var upper = true;
            foreach (var c in nixName)
            {
                if (!IsAsciiLetterOrDigit(c))
                {
                    upper = true;
                    continue;
                }
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            if (builder.Length == 0 || char.IsDigit(builder[0]))
                builder.Insert(0, '_');
            return builder.ToString();
        }

        /// <summary>The C# name of an option member, before any collision in its class is resolved.</summary>
        public static string Member(string nixName)
        {
            var name = Pascal(nixName);
            return Taken.Contains(name) ? name + "_" : name;
        }

        /// <summary>The C# path of an option (<c>os.Services.OpenSsh.Settings.PermitRootLogin</c>); attribute-set keys as indexers.</summary>
        public static string CSharpPath(string root, IEnumerable<string> nixPath)
        {
            var builder = new StringBuilder(root);
            foreach (var segment in nixPath)
                builder.Append('.').Append(Member(segment));
            return builder.ToString();
        }

        /// <summary>The C# member of a generated string enum for a Nix value (<c>"prohibit-password"</c> → <c>ProhibitPassword</c>).</summary>
        public static string EnumMember(string nixValue) => nixValue.Length == 0 ? "Empty" : Pascal(nixValue);

        private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
    }
}
