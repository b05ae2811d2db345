using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Lux.Generators.Diagnostics
{
    /// <summary>
    /// Every diagnostic Lux reports. LUX0xxx: the language subset and evaluation; LUX1xxx: the SSH recovery
    /// policy; LUX2xxx: integrity of the fleet. Each has a page under docs/diagnostics/.
    /// </summary>
    internal static class LuxDiagnostics
    {
        private const string Language = "Lux.Language";
        private const string EvaluationCategory = "Lux.Evaluation";
        private const string Integrity = "Lux.Integrity";
        private const string SshRecovery = "Lux.SshRecovery";
        private const string OptionsCategory = "Lux.Options";
        private const string HelpBase = "docs/diagnostics/";

        public static readonly DiagnosticDescriptor Internal = Error("LUX0000", "Lux failed internally",
            "{0}", EvaluationCategory);

        public static readonly DiagnosticDescriptor Unsupported = Error("LUX0001", "C# outside the Lux subset",
            "{0}", Language);

        public static readonly DiagnosticDescriptor GateShape = Error("LUX0002", "Stage gate with the wrong shape",
            "{0}", Language);

        public static readonly DiagnosticDescriptor Evaluation = Error("LUX0003", "Config cannot be evaluated",
            "{0}", EvaluationCategory);

        public static readonly DiagnosticDescriptor NotRepresentable = Error("LUX0004", "Value Nix cannot represent",
            "{0}", EvaluationCategory);

        public static readonly DiagnosticDescriptor IncludeCycle = Error("LUX0005", "Aspects include each other",
            "{0}", EvaluationCategory);

        public static readonly DiagnosticDescriptor MissingNixFile = Error("LUX0006", "Nix file not found",
            "{0}", EvaluationCategory);

        public static readonly DiagnosticDescriptor OpenSshNotEnabled = Error("LUX1001", "SSH recovery: OpenSSH must be enabled",
            "{0}", SshRecovery);

        public static readonly DiagnosticDescriptor PasswordAuthentication = Error("LUX1002", "SSH recovery: password authentication must be disabled",
            "{0}", SshRecovery);

        public static readonly DiagnosticDescriptor RootLogin = Error("LUX1003", "SSH recovery: root login must be disabled",
            "{0}", SshRecovery);

        public static readonly DiagnosticDescriptor NoRecoveryUsers = Error("LUX1004", "SSH recovery: at least one recovery user",
            "{0}", SshRecovery);

        public static readonly DiagnosticDescriptor RecoveryUserMissing = Error("LUX1005", "SSH recovery: every recovery user must exist on the host",
            "{0}", SshRecovery);

        public static readonly DiagnosticDescriptor RecoveryUserWithoutKey = Error("LUX1006", "SSH recovery: every recovery user must have a plain authorized SSH key",
            "{0}", SshRecovery);

        public static readonly DiagnosticDescriptor SopsHostKeyMissing = Error("LUX1007", "SSH recovery: the SOPS SSH host key path must be set",
            "{0}", SshRecovery);

        public static readonly DiagnosticDescriptor SshNotExposed = Error("LUX1008", "SSH recovery: SSH must be reachable through the firewall",
            "{0}", SshRecovery);

        public static readonly DiagnosticDescriptor ConflictingDefinitions = Error("LUX2001", "Conflicting option definitions",
            "{0}", Integrity);

        public static readonly DiagnosticDescriptor UserNotOnHost = Error("LUX2002", "User named by a host fact is not on the host",
            "{0}", Integrity);

        public static readonly DiagnosticDescriptor DuplicateName = Error("LUX2003", "Duplicate name",
            "{0}", Integrity);

        public static readonly DiagnosticDescriptor MalformedSshKey = Error("LUX2004", "Malformed SSH public key",
            "{0}", Integrity);

        public static readonly DiagnosticDescriptor MalformedAgeRecipient = Error("LUX2005", "Malformed age recipient",
            "{0}", Integrity);

        public static readonly DiagnosticDescriptor PrivateKeyMaterial = Error("LUX2006", "Private key material in the config",
            "{0}", Integrity);

        public static readonly DiagnosticDescriptor InvalidDeploy = Error("LUX2007", "Deploy fact deploy-rs cannot act on",
            "{0}", Integrity);

        public static readonly DiagnosticDescriptor UnknownOption = Error("LUX3001", "No such option",
            "{0}", OptionsCategory);

        public static readonly DiagnosticDescriptor WrongOptionType = Error("LUX3002", "Value not of the option's type",
            "{0}", OptionsCategory);

        public static readonly DiagnosticDescriptor OutOfRange = Error("LUX3003", "Integer out of the option's range",
            "{0}", OptionsCategory);

        public static readonly DiagnosticDescriptor NotAnEnumValue = Error("LUX3004", "Not one of the option's values",
            "{0}", OptionsCategory);

        public static readonly DiagnosticDescriptor ReadOnlyOption = Error("LUX3005", "Read-only option defined",
            "{0}", OptionsCategory);

        public static readonly DiagnosticDescriptor RenamedOption = new("LUX3006", "Option renamed upstream",
            "{0}", OptionsCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "LUX3006.md");

        public static readonly DiagnosticDescriptor RemovedOption = Error("LUX3007", "Option removed upstream",
            "{0}", OptionsCategory);

        /// <summary>All descriptors, by ID, for turning a <c>DiagnosticInfo</c> back into a Roslyn diagnostic.</summary>
        public static readonly System.Collections.Immutable.ImmutableDictionary<string, DiagnosticDescriptor> ById =
            new[] { Internal, Unsupported, GateShape, Evaluation, NotRepresentable, IncludeCycle, MissingNixFile,
                    OpenSshNotEnabled, PasswordAuthentication, RootLogin, NoRecoveryUsers, RecoveryUserMissing, RecoveryUserWithoutKey, SopsHostKeyMissing, SshNotExposed,
                    ConflictingDefinitions, UserNotOnHost, DuplicateName, MalformedSshKey, MalformedAgeRecipient, PrivateKeyMaterial, InvalidDeploy,
                    UnknownOption, WrongOptionType, OutOfRange, NotAnEnumValue, ReadOnlyOption, RenamedOption, RemovedOption }
            .ToImmutableDictionary(d => d.Id);

        /// <summary>
        /// Policy findings a user may knowingly suppress (#pragma, [SuppressMessage], .editorconfig): the output
        /// is still complete and correct Nix. Everything else (the subset, conflicts, duplicates, private keys)
        /// means the output is incomplete or unsafe, and always blocks.
        /// </summary>
        public static bool IsSuppressible(string id) => Suppressible.Contains(id);

        private static readonly System.Collections.Generic.HashSet<string> Suppressible = new(System.StringComparer.Ordinal)
        {
            "LUX1001", "LUX1002", "LUX1003", "LUX1004", "LUX1005", "LUX1006", "LUX1007", "LUX1008", "LUX2002", "LUX2004", "LUX2005",
        };

        private static DiagnosticDescriptor Error(string id, string title, string format, string category) =>
            new(id, title, format, category, DiagnosticSeverity.Error, isEnabledByDefault: true,
                helpLinkUri: HelpBase + id + ".md");
    }
}
