using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Lux.Generators.Check.SshRecovery;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;
using Microsoft.CodeAnalysis;

namespace Lux.Generators.Emit
{
    /// <summary>
    /// A resolved host as <c>lux explain</c> reads it (<see cref="HostExplanation"/>): read off what Resolve and Check
    /// made — the merged trees with every definition, the include edges, the host's diagnostics — never judged again.
    /// </summary>
    internal sealed class ExplainEmitter
    {
        private readonly RelativePaths paths;

        private ExplainEmitter(RelativePaths paths)
        {
            this.paths = paths;
        }

        /// <summary>The host's record as text (<see cref="ExplainRecordFormat"/>).</summary>
        /// <param name="paths">The places' files, shared with the host's Nix (<see cref="FleetEmitter.EmitHost"/>).</param>
        public static string Emit(ResolvedHost host, IReadOnlyList<DiagnosticInfo> diagnostics, RelativePaths paths) =>
            ExplainRecordFormat.Write(Explain(host, diagnostics, paths));

        public static HostExplanation Explain(ResolvedHost host, IReadOnlyList<DiagnosticInfo> diagnostics, RelativePaths paths) =>
            new ExplainEmitter(paths).Explain(host, diagnostics);

        private HostExplanation Explain(ResolvedHost host, IReadOnlyList<DiagnosticInfo> diagnostics)
        {
            var explanation = new HostExplanation
            {
                Name = host.Name,
                Record = host.Spec.DisplayName,
                Includes = PlaceOf(FleetResolver.SpanOf(host.Spec, "Includes")),
            };
            for (var i = 0; i < host.Users.Length && i < host.UserNames.Length; i++)
            {
                var user = host.Users[i];
                explanation.Users.Add(new ExplainedUser
                {
                    Name = host.UserNames[i],
                    Record = user.DisplayName,
                    Includes = user.Spec is { } spec ? PlaceOf(FleetResolver.SpanOf(spec, "Includes")) : Place.None,
                });
            }
            Compose(host, explanation);

            Options(host.NixOS, "", explanation.Options);
            explanation.Options.AddRange(host.Conflicts.Select(c => ConflictOf(c, "")));
            foreach (var home in host.Homes)
            {
                Options(home.Value, home.Key, explanation.Options);
                if (host.HomeConflicts.TryGetValue(home.Key, out var conflicts))
                    explanation.Options.AddRange(conflicts.Select(c => ConflictOf(c, home.Key)));
            }

            if (host.SshRecovery is { } recovery)
                explanation.Recovery = Verdict(new RecoveryHost(host, recovery), diagnostics);
            foreach (var error in diagnostics.Where(IsError))
                explanation.Errors.Add(new Finding(PlaceOf(error.Span), error.Id + ": " + error.Message));
            return explanation;
        }

        /// <summary>
        /// Each aspect with the users whose [PerUser] gates it runs for, and the first include chain from the host and
        /// from each user that reaches it, found over the edges Resolve met (as FleetResolver composes: the host's
        /// aspects run for every user, a user's own for that user).
        /// </summary>
        private static void Compose(ResolvedHost host, HostExplanation explanation)
        {
            var includes = new Dictionary<string, List<RecordValue>>(StringComparer.Ordinal);
            foreach (var (includer, included) in host.IncludeEdges)
            {
                if (!includes.TryGetValue(includer.Key, out var list))
                    includes[includer.Key] = list = new List<RecordValue>();
                if (!list.Any(r => r.Key == included.Key))
                    list.Add(included);
            }
            var hostChains = Chains(host.Record, new ChainStep(ChainStep.Host, host.Name), includes);
            var userChains = new List<(string Name, Dictionary<string, List<ChainStep>> Chains)>();
            for (var i = 0; i < host.Users.Length && i < host.UserNames.Length; i++)
                userChains.Add((host.UserNames[i], Chains(host.Users[i], new ChainStep(ChainStep.User, host.UserNames[i]), includes)));

            foreach (var aspect in host.Aspects)
            {
                var use = new AspectUse { Name = aspect.DisplayName, Kind = KindOf(aspect), Instance = aspect.Describe() };
                var byHost = hostChains.TryGetValue(aspect.Key, out var fromHost);
                if (byHost)
                    use.Chains.Add(fromHost!);
                foreach (var (user, chains) in userChains)
                {
                    var byUser = chains.TryGetValue(aspect.Key, out var fromUser);
                    if (byUser)
                        use.Chains.Add(fromUser!);
                    if ((byHost || byUser) && !use.Users.Contains(user))
                        use.Users.Add(user);
                }
                explanation.Aspects.Add(use);
            }
        }

        /// <summary>Breadth first from a root, so each aspect gets its shortest chain; the root's own chain is itself.</summary>
        private static Dictionary<string, List<ChainStep>> Chains(RecordValue root, ChainStep start, Dictionary<string, List<RecordValue>> includes)
        {
            var chains = new Dictionary<string, List<ChainStep>>(StringComparer.Ordinal) { [root.Key] = new List<ChainStep> { start } };
            var queue = new Queue<RecordValue>();
            queue.Enqueue(root);
            while (queue.Count > 0)
            {
                var aspect = queue.Dequeue();
                if (!includes.TryGetValue(aspect.Key, out var children))
                    continue;
                foreach (var child in children)
                {
                    if (chains.ContainsKey(child.Key))
                        continue;
                    chains[child.Key] = new List<ChainStep>(chains[aspect.Key]) { new(KindOf(child), child.DisplayName) };
                    queue.Enqueue(child);
                }
            }
            return chains;
        }

        /// <summary>Every option of a merged tree, in path order: its value, its definitions, and how the winners made the value.</summary>
        private void Options(AttrsNode root, string user, List<ExplainedOption> into) => Options(root, user, new StringBuilder(), into);

        /// <param name="path">The node's path as Nix writes it (empty at the root), made into a string only for an option.</param>
        private void Options(AttrsNode node, string user, StringBuilder path, List<ExplainedOption> into)
        {
            if (node.Declared.Count > 0)
            {
                var option = new ExplainedOption(node.Declared.Count)
                {
                    User = user, Path = path.ToString(), Priority = node.Declared.Min(d => d.Priority), Merge = MergeKind.Attrs,
                    Value = node.Children.Count == 0 ? "{ }" : "{ … }",
                };
                foreach (var definition in node.Declared)
                    option.Definitions.Add(DefinitionOf(definition, "{ }"));
                into.Add(option);
            }
            var parent = path.Length;
            foreach (var child in node.Children)
            {
                if (parent > 0)
                    path.Append('.');
                path.Append(NixSyntax.AttributeName(child.Key, SourceSpan.None));
                switch (child.Value)
                {
                    case AttrsNode attrs:
                        Options(attrs, user, path, into);
                        break;
                    case LeafNode leaf:
                        into.Add(OptionOf(leaf, user, path.ToString()));
                        break;
                }
                path.Length = parent;
            }
        }

        private ExplainedOption OptionOf(LeafNode leaf, string user, string path)
        {
            var at = leaf.Sources.FirstOrDefault() ?? SourceSpan.None;
            var winners = 0;
            foreach (var definition in leaf.Definitions)
                winners += definition.Priority == leaf.Priority ? 1 : 0;
            var option = new ExplainedOption(leaf.Definitions.Length)
            {
                User = user,
                Path = path,
                Priority = leaf.Priority,
                Merge = leaf.IsList ? MergeKind.Concat : winners > 1 ? MergeKind.Equal : MergeKind.Single,
                Value = NixWriter.Inline(leaf.Value, at),
            };
            // The usual option has one definition, whose value is the option's: its Nix is written once.
            foreach (var definition in leaf.Definitions)
                option.Definitions.Add(DefinitionOf(definition, leaf.Definitions.Length == 1 ? option.Value : NixWriter.Inline(definition.Value, definition.Span)));
            return option;
        }

        /// <summary>An option Nix gets no value for, its definitions conflicting (LUX2001): every definition, none winning.</summary>
        private ExplainedOption ConflictOf(ConflictedOption conflict, string user)
        {
            var option = new ExplainedOption(conflict.Definitions.Length)
            {
                User = user,
                Path = PathText(conflict.Path),
                Priority = conflict.Definitions.Min(d => d.Priority),
                Merge = MergeKind.Conflict,
            };
            foreach (var definition in conflict.Definitions)
                option.Definitions.Add(DefinitionOf(definition, NixWriter.Inline(definition.Value, definition.Span)));
            return option;
        }

        private ExplainedDefinition DefinitionOf(Definition definition, string value) => new()
        {
            Priority = definition.Priority,
            Place = PlaceOf(definition.Span),
            Aspect = definition.Origin.Aspect,
            Member = definition.Origin.Member,
            Stage = definition.Origin.Kind.ToString(),
            Value = value,
        };

        /// <summary>Each rule of the policy, met or with the findings Check made (the host's own diagnostics of that rule).</summary>
        private RecoveryVerdict Verdict(RecoveryHost host, IReadOnlyList<DiagnosticInfo> diagnostics)
        {
            var verdict = new RecoveryVerdict();
            verdict.Users.AddRange(host.Recovery.Users.Select(u => u.Name));
            foreach (var rule in SshRecoveryPolicy.Rules)
            {
                var judged = new RuleVerdict { Id = rule.Id, Requirement = rule.Requirement };
                judged.Options.AddRange(rule.Reads(host).Select(PathText));
                foreach (var finding in diagnostics.Where(d => d.Id == rule.Id))
                    judged.Findings.Add(new Finding(PlaceOf(finding.Span), finding.Message));
                verdict.Rules.Add(judged);
            }
            return verdict;
        }

        private static bool IsError(DiagnosticInfo diagnostic) => diagnostic.Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

        private static string PathText(IEnumerable<string> path) => string.Join(".", path.Select(p => NixSyntax.AttributeName(p, SourceSpan.None)));

        private Place PlaceOf(SourceSpan span)
        {
            if (span.IsNone)
                return Place.None;
            return new Place(paths.Of(span), span.StartLine + 1);
        }

        private static string KindOf(RecordValue record) => record.Spec?.Kind switch
        {
            DeclarationKind.Host => ChainStep.Host,
            DeclarationKind.User => ChainStep.User,
            DeclarationKind.Profile => ChainStep.Profile,
            _ => ChainStep.Feature,
        };
    }
}
