using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Options;
using Lux.Generators.Resolve;
using Microsoft.CodeAnalysis;

namespace Lux.Generators.Check.SshRecovery
{
    /// <summary>
    /// One rule of the SSH recovery policy, stated twice from one place: as a check of the resolved host
    /// (a diagnostic at the span that causes the violation) and as NixOS assertions in the generated host
    /// module, so a hand edit of nix-out still fails at nixos-rebuild.
    /// </summary>
    internal abstract class RecoveryRule
    {
        /// <summary>The rule's ID, as its diagnostics have it and its NixOS assertions print it.</summary>
        public abstract string Id { get; }

        /// <summary>What the rule demands, as messages say it: "password authentication must be disabled".</summary>
        public abstract string Requirement { get; }

        public abstract IEnumerable<DiagnosticInfo> Check(RecoveryHost host);

        public abstract IEnumerable<NixAssertion> Assertions(RecoveryHost host);

        /// <summary>The options the rule reads, for <c>lux explain</c>'s verdict on an option; none for a rule on a host fact.</summary>
        public virtual IEnumerable<string[]> Reads(RecoveryHost host) => Enumerable.Empty<string[]>();

        /// <summary>
        /// A diagnostic of this rule, "orion: password authentication must be disabled (SSH recovery): …": the host and the
        /// requirement, then <paramref name="details"/>. It names the host record, for the fixes that edit it.
        /// </summary>
        protected DiagnosticInfo Violation(RecoveryHost host, SourceSpan at, DiagnosticDescriptor descriptor, params object?[] details) =>
            descriptor.At(at, new object?[] { host.Name, Requirement }.Concat(details).ToArray()).With(LuxFixes.HostTypeKey, host.Resolved.Spec.TypeName);

        /// <summary>The assertion's message: "LUX1002 (orion): password authentication must be disabled: fix".</summary>
        protected NixAssertion Assert(RecoveryHost host, string condition, string fix) =>
            new(condition, Id + " (" + host.Name + "): " + Requirement + ": " + fix);
    }

    /// <summary>A NixOS assertion: a condition over <c>config</c> and the message nixos-rebuild prints when it fails.</summary>
    internal sealed record NixAssertion(string Condition, string Message);

    /// <summary>
    /// A recovery-critical host as the rules see it: its facts, its resolved NixOS configuration, and how
    /// each option the policy reads resolved (winning definitions, or the upstream default when nothing defines it).
    /// </summary>
    internal sealed class RecoveryHost
    {
        public RecoveryHost(ResolvedHost host, SshRecoveryFact recovery)
        {
            Resolved = host;
            Recovery = recovery;
        }

        public ResolvedHost Resolved { get; }

        public SshRecoveryFact Recovery { get; }

        public string Name => Resolved.Name;

        /// <summary>Where "the host needs this" is reported when nothing in the config is the cause: its SshRecovery property.</summary>
        public SourceSpan FactSpan => Recovery.Span;

        public LeafNode? Option(params string[] path) => Resolved.NixOS.Find(path) as LeafNode;

        /// <summary>Whether the option's definitions conflict (LUX2001 said so already): the policy does not guess a winner.</summary>
        public bool IsConflicted(params string[] path) => Resolved.Conflicts.Any(c => c.Path.SequenceEqual(path));

        public bool IsOnHost(NamedUser user) => Resolved.UserNames.Contains(user.Name);

        public static string Nix(Value value) => value switch
        {
            BoolValue b => b.Value ? "true" : "false",
            StringValue s => NixSyntax.String(s.Value, SourceSpan.None),
            NullValue => "null",
            RawValue raw => raw.Text,
            IntValue i => NixSyntax.Integer(i.Value),
            _ => value.Describe(),
        };

        /// <summary>An attribute path of <c>config</c> with names quoted where Nix needs it: <c>config.users.users."a-b".openssh</c>.</summary>
        public static string ConfigPath(params string[] path) =>
            "config." + string.Join(".", path.Select(p => NixSyntax.AttributeName(p, SourceSpan.None)));
    }

    /// <summary>
    /// The shape rules 1–3 share: one option that must hold one value. Undefined means the upstream default
    /// (nix-facts.md), reported at the host's SshRecovery fact with a fix that adds the value as a host
    /// exception; defined otherwise, each winning definition is the cause and is offered a rewrite.
    /// </summary>
    internal abstract class RequiredOptionRule : RecoveryRule
    {
        public override string Id => Messages.Undefined.Id;

        /// <summary>The rule's messages (Diagnostics/LuxDiagnostics): nothing defines the option; raw Nix does; another value does.</summary>
        protected abstract RequiredOptionMessages Messages { get; }

        /// <summary>The option, services.openssh.settings.PasswordAuthentication (<see cref="RecoveryOptions"/>).</summary>
        protected abstract OptionPath Option { get; }

        /// <summary>The option in C#, named as the generated tree names it: os.Services.OpenSsh.Settings.PasswordAuthentication.</summary>
        protected string CSharpPath => Option.CSharp();

        protected abstract Value Wanted { get; }

        /// <summary>The wanted value as C#: false, or the generated enum's member (Lux.NixOSOptions.PermitRootLogin.No).</summary>
        protected string WantedCSharp => Wanted switch
        {
            BoolValue { Value: var b } => b ? "true" : "false",
            StringValue { Value: var text } when OptionEnums.ByPath.TryGetValue("nixos:" + Option.Nix(), out var enumType) =>
                enumType + "." + OptionNames.EnumMember(text),
            StringValue { Value: var text } => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true),
            _ => RecoveryHost.Nix(Wanted),
        };

        /// <summary>The upstream default, which applies when nothing defines the option (never the wanted value here).</summary>
        protected abstract string UpstreamDefault { get; }

        /// <summary>What a defined value other than the wanted one means, when it needs saying (null drops the directive).</summary>
        protected virtual string Meaning(Value value) => "";

        public override IEnumerable<DiagnosticInfo> Check(RecoveryHost host)
        {
            var path = Option.For();
            if (host.IsConflicted(path))
                yield break;
            var leaf = host.Option(path);
            if (leaf is null)
            {
                yield return Violation(host, host.FactSpan, Messages.Undefined, Option.Nix(), UpstreamDefault, CSharpPath, WantedCSharp)
                    .WithFixes((LuxFixes.AddHostStatement, CSharpPath + " = " + WantedCSharp + ";"));
                yield break;
            }
            if (leaf.Value.Key == Wanted.Key)
                yield break;
            var priority = LuxDiagnostics.PriorityClause(leaf.Priority, Definition.PlainPriority);
            foreach (var source in leaf.Sources)
            {
                var violation = leaf.Value is RawValue
                    ? Violation(host, source, Messages.Raw, Option.Nix(), RecoveryHost.Nix(leaf.Value), priority, WantedCSharp)
                    : Violation(host, source, Messages.Other, Option.Nix(), RecoveryHost.Nix(leaf.Value), Meaning(leaf.Value), priority, WantedCSharp);
                yield return violation.WithFixes((LuxFixes.ReplaceValue, WantedCSharp));
            }
        }

        public override IEnumerable<string[]> Reads(RecoveryHost host) => new[] { Option.For() };

        public override IEnumerable<NixAssertion> Assertions(RecoveryHost host)
        {
            yield return Assert(host, RecoveryHost.ConfigPath(Option.For()) + " == " + RecoveryHost.Nix(Wanted),
                "set " + Option.Nix() + " = " + RecoveryHost.Nix(Wanted) + " (in the Lux config: " + CSharpPath + " = " + WantedCSharp + ")");
        }
    }

    /// <summary>The three messages of a <see cref="RequiredOptionRule"/>.</summary>
    internal sealed record RequiredOptionMessages(DiagnosticDescriptor Undefined, DiagnosticDescriptor Raw, DiagnosticDescriptor Other);
}
