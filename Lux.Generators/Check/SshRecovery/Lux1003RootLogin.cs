using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;

namespace Lux.Generators.Check.SshRecovery
{
    /// <summary>
    /// LUX1003: root cannot log in over SSH; recovery goes through a named user. Only "no" counts: the
    /// upstream default "prohibit-password" still lets root in with a key.
    /// </summary>
    internal sealed class Lux1003RootLogin : RequiredOptionRule
    {
        public override string Requirement => "root login must be disabled";

        protected override RequiredOptionMessages Messages { get; } = new(LuxDiagnostics.RootLoginUndefined, LuxDiagnostics.RootLoginRaw, LuxDiagnostics.RootLoginOther);

        protected override OptionPath Option => RecoveryOptions.PermitRootLogin;

        protected override Value Wanted { get; } = new StringValue("no");

        protected override string UpstreamDefault => "(\"prohibit-password\", which still lets root in with a key)";

        protected override string Meaning(Value value) => value switch
        {
            NullValue => ", which drops the directive and leaves sshd's default (prohibit-password)",
            StringValue { Value: "prohibit-password" or "without-password" } => ", which still lets root in with a key",
            StringValue { Value: "forced-commands-only" } => ", which still lets root run forced commands",
            _ => "",
        };
    }
}
