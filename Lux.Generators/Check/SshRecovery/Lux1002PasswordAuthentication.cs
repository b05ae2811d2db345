using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;

namespace Lux.Generators.Check.SshRecovery
{
    /// <summary>
    /// LUX1002: no password logins on a host exposed for recovery. Upstream default: true; null drops the
    /// directive, which leaves sshd's own default (yes).
    /// </summary>
    internal sealed class Lux1002PasswordAuthentication : RequiredOptionRule
    {
        public override string Requirement => "password authentication must be disabled";

        protected override RequiredOptionMessages Messages { get; } = new(LuxDiagnostics.PasswordUndefined, LuxDiagnostics.PasswordRaw, LuxDiagnostics.PasswordOther);

        protected override OptionPath Option => RecoveryOptions.PasswordAuthentication;

        protected override Value Wanted => BoolValue.False;

        protected override string UpstreamDefault => "(true)";

        protected override string Meaning(Value value) => value is NullValue ? ", which drops the directive and leaves sshd's default (yes)" : "";
    }
}
