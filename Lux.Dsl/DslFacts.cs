namespace Lux
{
    /// <summary>
    /// What the Lux generator must know about this DSL without running it: the defaults of the base records' facts, the
    /// default name, the module-system priorities of <see cref="Mk"/>. Compiled into Lux.Dsl, whose members read it, and
    /// into Lux.Generators (linked as source), which evaluates a fleet without running the DSL; so there is one place for
    /// each value, and Lux.Tests/Dsl/DslFactsTests runs the DSL's members against it.
    /// </summary>
    internal static class DslFacts
    {
        /// <summary><see cref="Host.System"/> of a host that does not override it.</summary>
        public const string DefaultSystem = "x86_64-linux";

        /// <summary><see cref="Host.Name"/> and <see cref="User.Name"/> of a record that does not override them: its record name in lower case.</summary>
        public static string DefaultName(string recordName) => recordName.ToLowerInvariant();

        /// <summary><see cref="SecretsPolicy.PathRegex"/> of a policy that does not override it.</summary>
        public const string DefaultSecretsPathRegex = @"secrets/[^/]+\.(yaml|json|env|ini)$";

        /// <summary>The priority of a plain definition (lib.mkOverride's scale: the lower, the stronger).</summary>
        public const int PlainPriority = 100;

        /// <summary><see cref="Mk.Default{T}(T)"/>: lib.mkDefault.</summary>
        public const int DefaultPriority = 1000;

        /// <summary><see cref="Mk.Force{T}(T)"/>: lib.mkForce.</summary>
        public const int ForcePriority = 50;

        /// <summary>The members of <see cref="Deploy"/> a host may leave unset.</summary>
        public static class DeployDefaults
        {
            public const string User = "root";
            public const bool InteractiveSudo = false;
            public const bool RemoteBuild = false;
            public const bool MagicRollback = true;
            public const bool AutoRollback = true;
        }
    }
}
