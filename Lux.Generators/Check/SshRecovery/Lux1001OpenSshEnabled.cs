using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;

namespace Lux.Generators.Check.SshRecovery
{
    /// <summary>LUX1001: a host recovered over SSH runs sshd. Upstream default: disabled.</summary>
    internal sealed class Lux1001OpenSshEnabled : RequiredOptionRule
    {
        public override string Requirement => "OpenSSH must be enabled";

        protected override RequiredOptionMessages Messages { get; } = new(LuxDiagnostics.OpenSshUndefined, LuxDiagnostics.OpenSshRaw, LuxDiagnostics.OpenSshOther);

        protected override OptionPath Option => RecoveryOptions.OpenSshEnable;

        protected override Value Wanted => BoolValue.True;

        protected override string UpstreamDefault => "(false)";
    }
}
