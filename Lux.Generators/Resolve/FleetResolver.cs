using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

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

        private FleetResolver(Evaluator evaluator, NixFileIndex nixFiles)
        {
            this.evaluator = evaluator;
            this.nixFiles = nixFiles;
        }

        /// <summary>
        /// Resolves one host: a host's configuration depends only on the host, the aspects it reaches and
        /// the facts it reads, all found through <paramref name="evaluator"/>, so hosts resolve independently
        /// (the generator resolves each in its own incremental step). Never null.
        /// </summary>
        public static ResolvedHost Resolve(DeclarationSpec host, Evaluator evaluator, NixFileIndex nixFiles) =>
            new FleetResolver(evaluator, nixFiles).ResolveHost(host)!;

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
                var failed = new ResolvedHost(spec, record, spec.DisplayName.ToLowerInvariant());
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
            host.System = AsString(evaluator.Property(record, "System", null, spec.Span), spec, "System");
            var users = Evaluator.AsList(evaluator.Property(record, "Users", ListValue.Empty, spec.Span), SpanOf(spec, "Users")).Items;
            var userRecords = new List<RecordValue>();
            foreach (var user in users)
            {
                if (user is not RecordValue { Spec.Kind: DeclarationKind.User } userRecord)
                    throw EvaluationException.At(SpanOf(spec, "Users"), host.Name + ": Users lists " + user.Describe() + ", which is not a [User] record");
                userRecords.Add(userRecord);
            }
            host.Users = userRecords.ToImmutableArray();
            host.UserNames = userRecords.Select(u => AsString(evaluator.Property(u, "Name", null, spec.Span), u.Spec!, "Name")).ToImmutableArray();
            foreach (var duplicate in host.UserNames.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
                host.Errors.Add(new DiagnosticInfo("LUX2003", host.Name + " lists the user '" + duplicate.Key + "' more than once", SpanOf(spec, "Users")));

            var hostAspects = Closure(record);
            var userAspects = userRecords.Select(Closure).ToList();
            var all = Union(new[] { hostAspects }.Concat(userAspects));
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
                foreach (var aspect in Union(new[] { hostAspects, userAspects[i] }))
                    RunGates(host, aspect, GateKind.PerUser, user, userName);
            }

            var scope = host.Name;
            host.NixOS = OptionMerger.Merge(host.Definitions, scope, host.Errors);
            foreach (var userName in host.UserNames.Distinct())
                host.Homes.Add(new KeyValuePair<string, AttrsNode>(userName,
                    OptionMerger.Merge(host.HomeDefinitions[userName], scope + ", home-manager user " + userName, host.Errors)));
        }

        /// <summary>What Lux itself defines for every host: identity, platform, state versions, the hardware module.</summary>
        private void DefineCore(ResolvedHost host)
        {
            var spec = host.Spec;
            var record = host.Record;
            host.Definitions.Add(new Definition(ImmutableArray.Create("networking", "hostName"), new StringValue(host.Name), Definition.PlainPriority, SpanOf(spec, "Name")));
            host.Definitions.Add(new Definition(ImmutableArray.Create("nixpkgs", "hostPlatform"), new StringValue(host.System), Definition.PlainPriority, SpanOf(spec, "System")));
            var stateVersion = evaluator.Property(record, "StateVersion", null, spec.Span);
            if (stateVersion is StringValue)
                host.Definitions.Add(new Definition(ImmutableArray.Create("system", "stateVersion"), stateVersion, Definition.PlainPriority, SpanOf(spec, "StateVersion")));

            var hardware = evaluator.Property(record, "Hardware", null, spec.Span);
            if (hardware is RecordValue file)
            {
                var path = AsString(evaluator.Property(file, "Path", null, spec.Span), spec, "Hardware").Replace('\\', '/');
                var match = nixFiles.Find(path);
                if (match is null)
                    throw EvaluationException.At(SpanOf(spec, "Hardware"), host.Name + ": the Nix file '" + path +
                        "' is not among the project's AdditionalFiles; add <AdditionalFiles Include=\"" + path + "\" /> to the config project", "LUX0006");
                host.Hardware = match;
                host.Definitions.Add(new Definition(ImmutableArray.Create("imports"), new ListValue(ImmutableArray.Create<Value>(new RawValue("./hardware-configuration.nix"))),
                    Definition.PlainPriority, SpanOf(spec, "Hardware")));
            }

            for (var i = 0; i < host.Users.Length; i++)
            {
                var userName = host.UserNames[i];
                host.HomeDefinitions[userName] = new List<Definition>();
                if (stateVersion is StringValue)
                {
                    // A default: a user's own home.stateVersion (from an older install) wins.
                    host.HomeDefinitions[userName].Add(new Definition(ImmutableArray.Create("home", "stateVersion"), stateVersion, 1000, SpanOf(spec, "StateVersion")));
                }
                host.Definitions.Add(new Definition(ImmutableArray.Create("home-manager", "users", userName, "imports"),
                    new ListValue(ImmutableArray.Create<Value>(new RawValue("./home/" + userName + ".nix"))), Definition.PlainPriority, SpanOf(spec, "Users")));
            }
        }

        private void RunGates(ResolvedHost host, RecordValue aspect, GateKind kind, RecordValue? user, string? userName)
        {
            if (aspect.Spec is null)
                return;
            foreach (var gate in aspect.Spec.Gates.Where(g => g.Kind == kind))
            {
                var env = Evaluate.Environment.Empty with { This = aspect };
                var roots = new Dictionary<string, ParameterRole>();
                foreach (var parameter in gate.Parameters)
                {
                    switch (parameter.Role)
                    {
                        case ParameterRole.Host: env = env.With(parameter.Name, host.Record); break;
                        case ParameterRole.User: env = env.With(parameter.Name, user!); break;
                        default:
                            roots[parameter.Name] = parameter.Role;
                            env = env.With(parameter.Name, new OptionPathValue(parameter.Name, ImmutableArray<string>.Empty));
                            break;
                    }
                }
                try
                {
                    var sink = new List<(ParameterRole Role, Definition Definition)>();
                    new GateRunner(evaluator, roots, sink).Run(gate.Body, env);
                    foreach (var (role, definition) in sink)
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

        /// <summary>The aspect and everything it includes, depth first, each once; a cycle is LUX0005.</summary>
        private List<RecordValue> Closure(RecordValue root)
        {
            var result = new List<RecordValue>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var path = new List<RecordValue>();

            void Visit(RecordValue aspect)
            {
                if (path.Any(p => p.Key == aspect.Key))
                {
                    var cycle = string.Join(" → ", path.SkipWhile(p => p.Key != aspect.Key).Select(p => p.DisplayName).Concat(new[] { aspect.DisplayName }));
                    throw EvaluationException.At(aspect.Spec!.Span, "Aspects include each other: " + cycle + "; break the cycle", "LUX0005");
                }
                if (!seen.Add(aspect.Key))
                    return;
                result.Add(aspect);
                path.Add(aspect);
                var spec = aspect.Spec!;
                var includes = Evaluator.AsList(evaluator.Property(aspect, "Includes", ListValue.Empty, spec.Span), SpanOf(spec, "Includes")).Items;
                foreach (var include in includes)
                {
                    if (include is not RecordValue { Spec.Kind: DeclarationKind.Feature or DeclarationKind.Profile } included)
                        throw EvaluationException.At(SpanOf(spec, "Includes"), spec.DisplayName + " includes " + include.Describe() +
                            ", which is not a [Feature] or [Profile] record");
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

        private static string AsString(Value value, DeclarationSpec spec, string property) =>
            value is StringValue s ? s.Value : throw EvaluationException.At(SpanOf(spec, property), spec.DisplayName + "." + property + " must be a string; it is " + value.Describe());

        /// <summary>The span of a property's declaration, or of the record when it does not declare it.</summary>
        public static SourceSpan SpanOf(DeclarationSpec spec, string property) =>
            spec.Properties.FirstOrDefault(p => p.Name == property)?.Span ?? spec.Span;
    }
}
