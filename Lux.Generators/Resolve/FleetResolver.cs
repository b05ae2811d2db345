using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Parse;

namespace Lux.Generators.Resolve
{
    /// <summary>
    /// The Resolve stage, with den's meaning: a host's composition is the host, its includes and their
    /// includes; each user adds its own baseline. <c>[PerHost]</c> gates run once per host for every
    /// aspect reached; <c>[PerUser]</c> gates once per (host, user) for the host's aspects and that user's.
    /// An aspect reached twice (same record, same properties) applies once per context.
    /// </summary>
    internal sealed class FleetResolver
    {
        private readonly Evaluator evaluator;
        private readonly NixFileIndex nixFiles;
        private readonly Func<ResolvedHost, SshRecoveryFact, Definition> recoveryAssertions;

        /// <summary>What the gate running now defines, before each definition goes to the host's NixOS or a user's home; reused from gate to gate.</summary>
        private readonly List<(ParameterRole Role, Definition Definition)> gateDefinitions = new();

        private FleetResolver(Evaluator evaluator, NixFileIndex nixFiles, Func<ResolvedHost, SshRecoveryFact, Definition> recoveryAssertions)
        {
            this.evaluator = evaluator;
            this.nixFiles = nixFiles;
            this.recoveryAssertions = recoveryAssertions;
        }

        /// <summary>
        /// Resolves one host: a host's configuration depends only on the host, the aspects it reaches and
        /// the facts it reads, all found through <paramref name="evaluator"/>, so hosts resolve independently
        /// (the generator resolves each in its own incremental step). Never null.
        /// </summary>
        /// <param name="recoveryAssertions">
        /// The SSH recovery policy as NixOS assertions, for a host with an SshRecovery fact: a definition merged with the
        /// host's own. Check states the policy (Check/SshRecovery); the caller passes it in, as Resolve comes first.
        /// </param>
        public static ResolvedHost Resolve(DeclarationSpec host, Evaluator evaluator, NixFileIndex nixFiles, Func<ResolvedHost, SshRecoveryFact, Definition> recoveryAssertions) =>
            new FleetResolver(evaluator, nixFiles, recoveryAssertions).ResolveHost(host)!;

        /// <summary>
        /// The secrets policy's recipients and path rule, evaluated here rather than while emitting .sops.yaml, so
        /// the IDE reports what would stop the file as the build does.
        /// </summary>
        internal static SopsRules SopsRules(Evaluator evaluator, RecordValue policy)
        {
            var spec = policy.Spec!;
            var recipients = new List<(string Name, string PublicKey)>();
            foreach (var item in Evaluator.AsList(evaluator.Property(policy, "Recipients", ListValue.Empty, spec.Span), SpanOf(spec, "Recipients")).Items)
            {
                if (item is not RecordValue { TypeName: LuxSymbols.AgeRecipientName } recipient)
                    throw EvaluationException.At(SpanOf(spec, "Recipients"), LuxDiagnostics.NotARecipient, item.Describe());
                recipients.Add((YamlText(evaluator.Property(recipient, "Name", null, spec.Span), spec, "Recipients"),
                    YamlText(evaluator.Property(recipient, "PublicKey", null, spec.Span), spec, "Recipients")));
            }
            var regex = evaluator.Property(policy, "PathRegex", null, spec.Span) is StringValue { } rule
                ? YamlText(rule, spec, "PathRegex")
                : DslFacts.DefaultSecretsPathRegex;
            return new SopsRules(recipients, regex);
        }

        /// <summary>Text for a line of .sops.yaml: a string, and one line (a quoted YAML scalar folds a line break into a space).</summary>
        private static string YamlText(Value value, DeclarationSpec spec, string property)
        {
            var text = AsString(value, spec, property);
            var reason = NixSyntax.WhyNotText(text) ??
                (text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029') ? "it holds a line break or control character, which .sops.yaml cannot carry as written" : null);
            return reason is null ? text : throw EvaluationException.At(SpanOf(spec, property), LuxDiagnostics.FactNotNixText, spec.DisplayName, property, reason);
        }

        private ResolvedHost? ResolveHost(DeclarationSpec spec)
        {
            var record = evaluator.Instantiate(spec);
            string name;
            try
            {
                name = AsString(evaluator.Property(record, "Name", null, spec.Span), spec, "Name");
            }
            catch (EvaluationException e)
            {
                var failed = new ResolvedHost(spec, record, DslFacts.DefaultName(spec.DisplayName));
                failed.Errors.Add(e.Diagnostic);
                return failed;
            }
            var host = new ResolvedHost(spec, record, name);
            try
            {
                Compose(host);
            }
            catch (EvaluationException e)
            {
                host.Errors.Add(e.Diagnostic);
            }
            return host;
        }

        private void Compose(ResolvedHost host)
        {
            var spec = host.Spec;
            var record = host.Record;
            host.System = Text(AsString(evaluator.Property(record, "System", null, spec.Span), spec, "System"), spec, "System");
            var users = Evaluator.AsList(evaluator.Property(record, "Users", ListValue.Empty, spec.Span), SpanOf(spec, "Users")).Items;
            var userRecords = new List<RecordValue>();
            foreach (var user in users)
            {
                if (user is not RecordValue { Spec.Kind: DeclarationKind.User } userRecord)
                    throw EvaluationException.At(SpanOf(spec, "Users"), LuxDiagnostics.HostUsersNotUsers, host.Name, user.Describe());
                userRecords.Add(userRecord);
            }
            host.Users = userRecords.ToImmutableArray();
            host.UserNames = userRecords.Select(u => AsString(evaluator.Property(u, "Name", null, spec.Span), u.Spec!, "Name")).ToImmutableArray();
            for (var i = 0; i < userRecords.Count; i++)
            {
                // The name becomes home/<name>.nix and a path in the host module.
                if (NixSyntax.WhyNotPathSegment(host.UserNames[i]) is { } reason)
                    throw EvaluationException.At(SpanOf(userRecords[i].Spec!, "Name"), LuxDiagnostics.UserNameNotPath, userRecords[i].DisplayName, reason);
            }
            foreach (var duplicate in host.UserNames.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
                host.Errors.Add(LuxDiagnostics.UserListedTwice.At(SpanOf(spec, "Users"), host.Name, duplicate.Key));

            ReadFacts(host);

            var hostAspects = Closure(record, host.IncludeEdges);
            var hostKeys = new HashSet<string>(hostAspects.Select(a => a.Key), StringComparer.Ordinal);
            // Each user's aspects that the host's composition does not reach already.
            var userOwn = userRecords.Select(user => Closure(user, host.IncludeEdges).Where(a => !hostKeys.Contains(a.Key)).ToList()).ToList();
            var all = Union(new[] { hostAspects }.Concat(userOwn));
            host.Aspects = all.ToImmutableArray();

            DefineCore(host);

            // [PerHost]: once per host, for every aspect its composition (or a user's) reaches.
            foreach (var aspect in all)
                RunGates(host, aspect, GateKind.PerHost, null, null);

            // [PerUser]: once per (host, user), for the host's aspects and that user's own.
            for (var i = 0; i < userRecords.Count; i++)
            {
                var user = userRecords[i];
                var userName = host.UserNames[i];
                foreach (var aspect in hostAspects)
                    RunGates(host, aspect, GateKind.PerUser, user, userName);
                foreach (var aspect in userOwn[i])
                    RunGates(host, aspect, GateKind.PerUser, user, userName);
            }

            // Defence in depth: the recovery policy travels with the host as NixOS assertions.
            if (host.SshRecovery is { } recovery)
                host.Definitions.Add(recoveryAssertions(host, recovery));

            var scope = host.Name;
            host.NixOS = OptionMerger.Merge(host.Definitions, scope, host.Errors, host.Conflicts);
            foreach (var userName in host.UserNames.Distinct())
            {
                var conflicts = host.HomeConflicts[userName] = new List<ConflictedOption>();
                host.Homes.Add(new KeyValuePair<string, AttrsNode>(userName,
                    OptionMerger.Merge(host.HomeDefinitions[userName], scope + ", home-manager user " + userName, host.Errors, conflicts)));
            }
        }

        /// <summary>The facts checks and assertions read; a fact that cannot be evaluated is an error of its own, not the host's end.</summary>
        private void ReadFacts(ResolvedHost host)
        {
            try
            {
                host.SshRecovery = HostFactReader.SshRecovery(evaluator, host);
            }
            catch (EvaluationException e)
            {
                host.Errors.Add(e.Diagnostic);
            }
            try
            {
                host.Sops = HostFactReader.Sops(evaluator, host);
            }
            catch (EvaluationException e)
            {
                host.Errors.Add(e.Diagnostic);
            }
            try
            {
                host.Deploy = DeployFactReader.Read(evaluator, host);
            }
            catch (EvaluationException e)
            {
                host.Errors.Add(e.Diagnostic);
            }
        }

        /// <summary>What Lux itself defines for every host: identity, platform, state versions, the hardware module.</summary>
        private void DefineCore(ResolvedHost host)
        {
            var spec = host.Spec;
            var record = host.Record;
            host.Definitions.Add(new Definition(ImmutableArray.Create("networking", "hostName"), new StringValue(host.Name), Definition.PlainPriority, SpanOf(spec, "Name"), DefinitionOrigin.Fact(spec, "Name")));
            host.Definitions.Add(new Definition(ImmutableArray.Create("nixpkgs", "hostPlatform"), new StringValue(host.System), Definition.PlainPriority, SpanOf(spec, "System"), DefinitionOrigin.Fact(spec, "System")));
            var stateVersion = evaluator.Property(record, "StateVersion", null, spec.Span);
            if (stateVersion is StringValue version)
                Text(version.Value, spec, "StateVersion");
            if (stateVersion is StringValue)
                host.Definitions.Add(new Definition(ImmutableArray.Create("system", "stateVersion"), stateVersion, Definition.PlainPriority, SpanOf(spec, "StateVersion"), DefinitionOrigin.Fact(spec, "StateVersion")));

            var hardware = evaluator.Property(record, "Hardware", null, spec.Span);
            if (hardware is RecordValue file)
            {
                var path = AsString(evaluator.Property(file, "Path", null, spec.Span), spec, "Hardware").Replace('\\', '/');
                var match = nixFiles.Find(path) ?? throw EvaluationException.At(SpanOf(spec, "Hardware"), LuxDiagnostics.MissingNixFile, host.Name, path);
                host.HardwarePath = match;
                host.Definitions.Add(new Definition(ImmutableArray.Create("imports"), new ListValue(ImmutableArray.Create<Value>(new RawValue("./hardware-configuration.nix"))),
                    Definition.PlainPriority, SpanOf(spec, "Hardware"), DefinitionOrigin.Fact(spec, "Hardware")));
            }

            for (var i = 0; i < host.Users.Length; i++)
            {
                var userName = host.UserNames[i];
                host.HomeDefinitions[userName] = new List<Definition>();
                if (stateVersion is StringValue)
                {
                    // A default: a user's own home.stateVersion (from an older install) wins.
                    host.HomeDefinitions[userName].Add(new Definition(ImmutableArray.Create("home", "stateVersion"), stateVersion, DslFacts.DefaultPriority, SpanOf(spec, "StateVersion"), DefinitionOrigin.Fact(spec, "StateVersion")));
                }
                host.Definitions.Add(new Definition(ImmutableArray.Create("home-manager", "users", userName, "imports"),
                    new ListValue(ImmutableArray.Create<Value>(new RawValue("./home/" + userName + ".nix"))), Definition.PlainPriority, SpanOf(spec, "Users"), DefinitionOrigin.Fact(spec, "Users")));
            }
        }

        private void RunGates(ResolvedHost host, RecordValue aspect, GateKind kind, RecordValue? user, string? userName)
        {
            if (aspect.Spec is null)
                return;
            foreach (var gate in aspect.Spec.Gates)
            {
                if (gate.Kind != kind)
                    continue;
                var env = Evaluate.Environment.Empty with { This = aspect };
                foreach (var parameter in gate.Parameters)
                {
                    switch (parameter.Role)
                    {
                        case ParameterRole.Host: env = env.With(parameter.Name, host.Record); break;
                        case ParameterRole.User: env = env.With(parameter.Name, user!); break;
                        default:
                            env = env.With(parameter.Name, new OptionPathValue(parameter.Name, ImmutableArray<string>.Empty));
                            break;
                    }
                }
                try
                {
                    gateDefinitions.Clear();
                    new GateRunner(evaluator, gate.Parameters, gateDefinitions, DefinitionOrigin.Gate(aspect, gate)).Run(gate.Body, env);
                    foreach (var (role, definition) in gateDefinitions)
                    {
                        if (role == ParameterRole.HomeManager)
                            host.HomeDefinitions[userName!].Add(definition);
                        else
                            host.Definitions.Add(definition);
                    }
                }
                catch (EvaluationException e)
                {
                    host.Errors.Add(e.Diagnostic);
                }
            }
        }

        /// <summary>How deep includes may nest, and how many aspects one composition may reach.</summary>
        private const int MaxIncludeDepth = 64;
        private const int MaxAspects = 4096;

        /// <summary>
        /// The aspect and everything it includes, depth first, each once; a cycle is LUX0005. A feature that
        /// includes itself with new arguments (<c>F(N) => [new F(N + 1)]</c>) is no cycle by key but never ends:
        /// the bounds stop it with LUX0005 before the recursion overflows the compiler's stack.
        /// </summary>
        /// <param name="edges">Gets every (includer, included) pair met on the way, repeats too, for the fleet map.</param>
        private List<RecordValue> Closure(RecordValue root, List<(RecordValue Includer, RecordValue Included)> edges)
        {
            var result = new List<RecordValue>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var path = new List<RecordValue>();

            void Visit(RecordValue aspect)
            {
                if (path.Any(p => p.Key == aspect.Key))
                {
                    var cycle = string.Join(" → ", path.SkipWhile(p => p.Key != aspect.Key).Select(p => p.DisplayName).Concat(new[] { aspect.DisplayName }));
                    throw EvaluationException.At(aspect.Spec!.Span, LuxDiagnostics.IncludeCycle, cycle);
                }
                if (!seen.Add(aspect.Key))
                    return;
                if (path.Count >= MaxIncludeDepth || result.Count >= MaxAspects)
                {
                    var chain = string.Join(" → ", path.Take(3).Select(p => p.Describe())) + " → … → " + aspect.Describe();
                    throw path.Count >= MaxIncludeDepth
                        ? EvaluationException.At(aspect.Spec!.Span, LuxDiagnostics.IncludesTooDeep, MaxIncludeDepth, chain)
                        : EvaluationException.At(aspect.Spec!.Span, LuxDiagnostics.TooManyAspects, MaxAspects, aspect.Describe());
                }
                result.Add(aspect);
                path.Add(aspect);
                var spec = aspect.Spec!;
                var includes = Evaluator.AsList(evaluator.Property(aspect, "Includes", ListValue.Empty, spec.Span), SpanOf(spec, "Includes")).Items;
                foreach (var include in includes)
                {
                    if (include is not RecordValue { Spec.Kind: DeclarationKind.Feature or DeclarationKind.Profile } included)
                        throw EvaluationException.At(SpanOf(spec, "Includes"), LuxDiagnostics.NotAnAspect, spec.DisplayName, include.Describe());
                    edges.Add((aspect, included));
                    Visit(included);
                }
                path.RemoveAt(path.Count - 1);
            }

            Visit(root);
            return result;
        }

        private static List<RecordValue> Union(IEnumerable<List<RecordValue>> closures)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<RecordValue>();
            foreach (var closure in closures)
            {
                foreach (var aspect in closure)
                {
                    if (seen.Add(aspect.Key))
                        result.Add(aspect);
                }
            }
            return result;
        }

        /// <summary>A host fact that becomes a Nix string (system, stateVersion): text Nix can hold, or LUX0004 at the fact.</summary>
        private static string Text(string text, DeclarationSpec spec, string property) =>
            NixSyntax.WhyNotText(text) is { } reason ? throw EvaluationException.At(SpanOf(spec, property), LuxDiagnostics.FactNotNixText, spec.DisplayName, property, reason) : text;

        private static string AsString(Value value, DeclarationSpec spec, string property) =>
            value is StringValue s ? s.Value : throw EvaluationException.At(SpanOf(spec, property), LuxDiagnostics.NotAString, spec.DisplayName, property, value.Describe());

        /// <summary>The span of a property's declaration, or of the record when it does not declare it.</summary>
        public static SourceSpan SpanOf(DeclarationSpec spec, string property) =>
            spec.Property(property)?.Span ?? spec.Span;
    }
}
