using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Emit;

namespace Lux.Cli.Explain
{
    /// <summary>What was asked: a host, and an option path (for a user's home-manager with <see cref="User"/>), an aspect, or neither.</summary>
    internal sealed record ExplainQuestion(string Host, string? Path = null, string? User = null, string? Aspect = null);

    internal abstract record ExplainAnswer(string Host);

    /// <summary>The host at a glance: its users, its aspects, how many options it defines, its recovery verdict.</summary>
    internal sealed record HostAnswer(HostExplanation Record) : ExplainAnswer(Record.Name);

    /// <summary>
    /// The options at or below <see cref="Path"/> (one, when the path is an option), each with its definitions, and the
    /// recovery rules that read any of them.
    /// </summary>
    internal sealed record OptionsAnswer(string Host, string? User, string Path, bool Exact, IReadOnlyList<ExplainedOption> Options,
        bool RecoveryHost, IReadOnlyList<RuleVerdict> Rules) : ExplainAnswer(Host);

    /// <summary>
    /// Whether an aspect applies to the host and to which users, through which include chains; when not, who in the fleet
    /// includes it (<see cref="Includers"/>, up to the hosts and users) and where to include it so it would.
    /// </summary>
    internal sealed record AspectAnswer(string Host, string Aspect, string Kind, Place Declared, IReadOnlyList<(string Stage, string Member)> Gates,
        IReadOnlyList<AspectUse> Uses, IReadOnlyList<string> OtherUsers, IReadOnlyList<Includer> Includers,
        IReadOnlyList<ExplainedOption> Made, HostExplanation Record) : ExplainAnswer(Host)
    {
        public bool Applies => Uses.Count > 0;
    }

    /// <summary>Something that includes an aspect, and what includes it in turn (empty for a host or user: the top of a chain).</summary>
    internal sealed record Includer(ChainStep Step, IReadOnlyList<Includer> IncludedBy);

    /// <summary>Answers a question from the explain records of one build; never evaluates the config itself.</summary>
    internal static class Explainer
    {
        public static ExplainAnswer Answer(ExplanationStore store, ExplainQuestion question)
        {
            var index = store.Index;
            if (!index.Hosts.Contains(question.Host))
            {
                throw ExplainException.Unknown("host", question.Host, "lux explain: the fleet has no host '" + question.Host + "'" +
                    (index.Hosts.Count is > 0 and <= 12 ? " (its hosts: " + string.Join(", ", index.Hosts) + ")." : "."),
                    ClosestNames.For(question.Host, index.Hosts));
            }
            var host = store.Host(question.Host);
            if (question.User is { } user && host.Users.All(u => u.Name != user))
            {
                var elsewhere = index.Users.Any(u => u.Name == user) ? " '" + user + "' is a user of the fleet, but not on " + host.Name + "." : "";
                throw ExplainException.Unknown("user", user, "lux explain: " + host.Name + " has no user '" + user + "' (its users: " +
                    (host.Users.Count == 0 ? "none" : string.Join(", ", host.Users.Select(u => u.Name))) + ")." + elsewhere,
                    ClosestNames.For(user, host.Users.Select(u => u.Name)));
            }
            if (question.Aspect is { } aspect)
                return AspectOf(index, host, aspect);
            if (question.Path is { } path)
                return OptionsOf(host, question.User, path);
            return new HostAnswer(host);
        }

        private static OptionsAnswer OptionsOf(HostExplanation host, string? user, string path)
        {
            var scope = user ?? "";
            var query = OptionPath.Segments(path);
            var inScope = host.Options.Where(o => o.User == scope).ToList();
            var options = inScope.Where(o => OptionPath.IsUnder(OptionPath.Segments(o.Path), query)).ToList();
            if (options.Count == 0)
                throw UnknownOption(host, user, path, inScope);
            // An option has nothing below it, so asking for its path finds it alone.
            var exact = options.Count == 1 && OptionPath.Segments(options[0].Path).SequenceEqual(query);
            var rules = user is null && host.Recovery is { } recovery
                ? recovery.Rules.Where(rule => rule.Options.Any(read => Related(OptionPath.Segments(read), query))).ToList()
                : new List<RuleVerdict>();
            return new OptionsAnswer(host.Name, user, path, exact, options, host.Recovery is not null && user is null, rules);
        }

        /// <summary>A rule's option and the question meet: one is the other or lies below it.</summary>
        private static bool Related(IReadOnlyList<string> read, IReadOnlyList<string> query) =>
            OptionPath.IsUnder(read, query) || OptionPath.IsUnder(query, read);

        private static ExplainException UnknownOption(HostExplanation host, string? user, string path, List<ExplainedOption> inScope)
        {
            var where = user is null ? host.Name : host.Name + " (home-manager, " + user + ")";
            var known = OptionPath.WithPrefixes(inScope.Select(o => o.Path)).ToList();
            // A home-manager option asked without --user, or the other way round, is the commonest slip.
            var query = OptionPath.Segments(path);
            var otherScopes = host.Options.Where(o => o.User != (user ?? "") && OptionPath.IsUnder(OptionPath.Segments(o.Path), query))
                .Select(o => o.User).Distinct().ToList();
            var hint = otherScopes.Count == 0 ? ""
                : otherScopes.Contains("") ? " It is a NixOS option of " + host.Name + ": leave out --user."
                : " It is a home-manager option of " + string.Join(", ", otherScopes) + ": add --user " + otherScopes[0] + ".";
            return ExplainException.Unknown("option", path, "lux explain: " + where + " defines no option at or below '" + path + "'." + hint,
                otherScopes.Count > 0 ? Array.Empty<string>() : Suggestions(path, known),
                " (Lux knows what the config defines; an option nothing defines keeps its upstream default.)");
        }

        /// <summary>Paths that complete what was typed, shortest first; else the nearest by edit distance.</summary>
        private static IReadOnlyList<string> Suggestions(string path, List<string> known)
        {
            var completions = known.Where(k => k.StartsWith(path, StringComparison.Ordinal)).OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).Take(3).ToList();
            return completions.Count > 0 ? completions : ClosestNames.For(path, known);
        }

        private static AspectAnswer AspectOf(FleetIndex index, HostExplanation host, string name)
        {
            var indexed = index.Aspects.FirstOrDefault(a => a.Name == name);
            var uses = host.Aspects.Where(a => a.Name == name).ToList();
            if (indexed is null && uses.Count == 0)
            {
                var names = index.Aspects.Select(a => a.Name)
                    .Concat(host.Aspects.Where(a => a.Kind is ChainStep.Profile or ChainStep.Feature).Select(a => a.Name)).Distinct().ToList();
                throw ExplainException.Unknown("aspect", name, "lux explain: the fleet has no aspect (feature or profile) named '" + name + "'.",
                    ClosestNames.For(name, names));
            }
            var kind = indexed?.Kind ?? uses[0].Kind;
            var reached = uses.SelectMany(u => u.Users).ToHashSet();
            var otherUsers = host.Users.Select(u => u.Name).Where(u => !reached.Contains(u)).ToList();
            var made = host.Options.Where(o => o.Definitions.Any(d => d.Aspect == name && d.Stage != "Fact")).ToList();
            var includers = Includers(index, name, new HashSet<string>(StringComparer.Ordinal));
            return new AspectAnswer(host.Name, name, kind, indexed?.Place ?? Place.None, indexed?.Gates ?? new List<(string, string)>(),
                uses, otherUsers, includers, made, host);
        }

        /// <summary>Who includes the aspect, and recursively who includes them, up to hosts and users (each aspect once).</summary>
        private static IReadOnlyList<Includer> Includers(FleetIndex index, string aspect, HashSet<string> seen)
        {
            if (!seen.Add(aspect))
                return Array.Empty<Includer>();
            var indexed = index.Aspects.FirstOrDefault(a => a.Name == aspect);
            if (indexed is null)
                return Array.Empty<Includer>();
            return indexed.IncludedBy.Select(step => new Includer(step,
                step.Kind is ChainStep.Host or ChainStep.User ? Array.Empty<Includer>() : Includers(index, step.Name, seen))).ToList();
        }

        /// <summary>The aspects whose inclusion would bring <paramref name="answer"/>'s aspect in: itself, and every profile or feature that includes it.</summary>
        public static IReadOnlyList<string> Bringers(AspectAnswer answer)
        {
            var names = new List<string> { answer.Aspect };
            void Walk(IEnumerable<Includer> includers)
            {
                foreach (var includer in includers)
                {
                    if (includer.Step.Kind is ChainStep.Profile or ChainStep.Feature && !names.Contains(includer.Step.Name))
                        names.Add(includer.Step.Name);
                    Walk(includer.IncludedBy);
                }
            }
            Walk(answer.Includers);
            return names;
        }

        /// <summary>Why an option has its value, in one sentence: the merge rule that decided it.</summary>
        public static string Why(ExplainedOption option)
        {
            var winners = option.Definitions.Count(d => d.Priority == option.Priority);
            var losers = option.Definitions.Where(d => d.Priority != option.Priority).ToList();
            var rule = option.Merge switch
            {
                MergeKind.Conflict => "a conflict (LUX2001): the " + winners + " definitions at " + Priority(option.Priority) +
                    " give different values, so the option has none and the build stops until one is removed or given another priority",
                MergeKind.Attrs => "an attribute set: what is defined below it merges key by key",
                MergeKind.Concat when winners > 1 => "a list: the " + winners + " definitions at " + Priority(option.Priority) + " are concatenated in the order they were made",
                MergeKind.Concat => "a list with one definition at " + Priority(option.Priority),
                MergeKind.Equal => winners + " definitions at " + Priority(option.Priority) + " give the same value",
                _ when losers.Count == 0 => "the only definition",
                _ => "the one definition at " + Priority(option.Priority),
            };
            if (losers.Count > 0)
            {
                rule += "; " + Count(losers.Count, "definition") + " at the weaker " +
                    string.Join(", ", losers.Select(d => d.Priority).Distinct().OrderBy(p => p).Select(Priority)) +
                    (losers.Count == 1 ? " loses" : " lose") + " (the lowest number wins)";
            }
            return rule;
        }

        /// <summary>Whether a definition is one the option's value comes from: at the winning priority, unless they conflict.</summary>
        public static bool Wins(ExplainedOption option, ExplainedDefinition definition) =>
            option.Merge != MergeKind.Conflict && definition.Priority == option.Priority;

        /// <summary>A priority as the Nix that makes it: 100 plain, 1000 mkDefault, 50 mkForce, else mkOverride.</summary>
        public static string Priority(int priority) => priority switch
        {
            100 => "priority 100 (plain)",
            1000 => "priority 1000 (mkDefault)",
            50 => "priority 50 (mkForce)",
            _ => "priority " + priority + " (mkOverride " + priority + ")",
        };

        public static string Count(int n, string noun) => n + " " + noun + (n == 1 ? "" : "s");
    }
}
