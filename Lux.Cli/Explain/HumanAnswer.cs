using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Lux.Generators.Emit;

namespace Lux.Cli.Explain
{
    /// <summary>An answer as a person reads it in a terminal: the value first, then who made it and why it won.</summary>
    internal static class HumanAnswer
    {
        private const int ListedValueWidth = 48;
        private const int ListedNames = 8;

        public static void Write(ExplainAnswer answer, TextWriter output)
        {
            switch (answer)
            {
                case OptionsAnswer { Exact: true } option:
                    Option(option, output);
                    break;
                case OptionsAnswer options:
                    Listing(options, output);
                    break;
                case AspectAnswer aspect:
                    Aspect(aspect, output);
                    break;
                case HostAnswer host:
                    Host(host.Record, output);
                    break;
            }
        }

        private static void Option(OptionsAnswer answer, TextWriter output)
        {
            var option = answer.Options[0];
            var conflict = option.Merge == MergeKind.Conflict;
            if (conflict)
                output.WriteLine(Scope(answer.Host, answer.User) + ": " + option.Path + " has no value: its definitions conflict (LUX2001).");
            else
                WriteValue(Scope(answer.Host, answer.User) + ": " + option.Path + " =", option.Value, output);
            output.WriteLine();
            output.WriteLine(option.Definitions.Count == 1 ? "Defined once:" : "Defined " + option.Definitions.Count + " times:");
            var rows = option.Definitions.Select(d => (Mark: Explainer.Wins(option, d) ? "wins" : conflict && d.Priority == option.Priority ? "clash" : "loses",
                Place: d.Place.ToString(), Origin: Origin(d), Priority: Explainer.Priority(d.Priority), Value: d.Value == option.Value ? "" : d.Value)).ToList();
            var placeWidth = rows.Max(r => r.Place.Length);
            var originWidth = rows.Max(r => r.Origin.Length);
            foreach (var row in rows)
            {
                var line = "  " + row.Mark.PadRight(6) + row.Place.PadRight(placeWidth + 2) + row.Origin.PadRight(originWidth + 2) + row.Priority;
                if (row.Value.Length == 0)
                    output.WriteLine(line);
                else
                    WriteValue(line + "  =", row.Value, output);
            }
            output.WriteLine("Why: " + Explainer.Why(option) + ".");
            Recovery(answer, output);
        }

        private static void Listing(OptionsAnswer answer, TextWriter output)
        {
            var prefix = OptionPath.Segments(answer.Path).Count;
            output.WriteLine(Scope(answer.Host, answer.User) + ": " + answer.Path + " is an attribute set; " +
                Explainer.Count(answer.Options.Count, "option") + " defined below it:");
            output.WriteLine();
            var rows = answer.Options.Select(o => (Path: Relative(o.Path, prefix), Value: o.Merge == MergeKind.Conflict ? "(conflict, LUX2001)" : OneLine(o.Value),
                Source: o.Definitions.Count == 1 ? o.Definitions[0].Place + "  " + Origin(o.Definitions[0]) : o.Definitions.Count + " definitions: " + Explainer.Why(o))).ToList();
            var pathWidth = rows.Max(r => r.Path.Length);
            var valueWidth = rows.Max(r => r.Value.Length);
            foreach (var row in rows)
                output.WriteLine("  " + row.Path.PadRight(pathWidth) + " = " + row.Value.PadRight(valueWidth) + "  " + row.Source);
            output.WriteLine();
            output.WriteLine("Attribute sets merge key by key: each option has its own definitions. Ask for one: lux explain " + answer.Host +
                (answer.User is null ? "" : " --user " + answer.User) + " " + answer.Options[0].Path);
            Recovery(answer, output);
        }

        private static void Recovery(OptionsAnswer answer, TextWriter output)
        {
            if (!answer.RecoveryHost)
                return;
            output.WriteLine();
            if (answer.Rules.Count == 0)
            {
                output.WriteLine("SSH recovery: " + answer.Host + " is a recovery host; no rule of the policy reads this option.");
                return;
            }
            output.WriteLine("SSH recovery: " + answer.Host + " is a recovery host; the rules that read " + (answer.Exact ? "this option" : "these options") + ":");
            foreach (var rule in answer.Rules)
                Rule(rule, output);
        }

        private static void Rule(RuleVerdict rule, TextWriter output)
        {
            output.WriteLine("  " + rule.Id + " " + rule.Requirement + ": " + (rule.Met ? "met" : "FAILED"));
            foreach (var finding in rule.Findings)
                output.WriteLine("    " + finding.Place + ": " + finding.Message);
        }

        private static void Aspect(AspectAnswer answer, TextWriter output)
        {
            var title = answer.Aspect + " (" + answer.Kind + (answer.Declared.IsNone ? "" : ", " + answer.Declared) + ")";
            if (answer.Applies)
            {
                output.WriteLine(title + " applies to " + answer.Host + ".");
                foreach (var use in answer.Uses)
                {
                    if (use.Instance != use.Name)
                        output.WriteLine("  As " + use.Instance + ":");
                    foreach (var chain in use.Chains)
                        output.WriteLine("  Reached by " + Chain(chain));
                    output.WriteLine("  " + GatesRun(answer, use.Users));
                }
                if (answer.OtherUsers.Count > 0)
                    output.WriteLine("  Not for " + string.Join(", ", answer.OtherUsers) + ": only " + string.Join(", ", answer.Uses.SelectMany(u => u.Users).Distinct()) +
                        "'s own composition reaches it, so its [PerUser] gates do not run for " + string.Join(", ", answer.OtherUsers) + ".");
                if (answer.Made.Count > 0)
                {
                    output.WriteLine("  It defines " + Explainer.Count(answer.Made.Count, "option") + " on " + answer.Host + ":");
                    foreach (var option in answer.Made)
                        output.WriteLine("    " + (option.User.Length == 0 ? "" : option.User + ": ") + option.Path);
                }
                return;
            }

            output.WriteLine(title + " does not apply to " + answer.Host + ": neither " + answer.Host + "'s composition nor " +
                (answer.Record.Users.Count == 0 ? "a user's" : string.Join(", ", answer.Record.Users.Select(u => u.Name)) + "'s") + " reaches it.");
            output.WriteLine("  " + answer.Host + "'s composition: " + Composition(answer.Record));
            if (answer.Includers.Count == 0)
            {
                output.WriteLine("  Nothing in the fleet includes " + answer.Aspect + ": no host, user, profile or feature.");
            }
            else
            {
                output.WriteLine("  Who includes " + answer.Aspect + " in the fleet:");
                Includers(answer.Includers, 2, output);
            }
            var bringers = Explainer.Bringers(answer).Select(name => "new " + name + "()").ToList();
            var targets = new List<string> { answer.Record.Record + ".Includes (" + answer.Record.Includes + ")" };
            targets.AddRange(answer.Record.Users.Select(u => u.Record + ".Includes (" + u.Includes + ", for " + u.Name + " only)"));
            output.WriteLine("  To bring it to " + answer.Host + ", include " + string.Join(" or ", bringers) + " in " + string.Join(", or ", targets) + ".");
            var perHost = Gates(answer, "PerHost");
            var perUser = Gates(answer, "PerUser");
            if (perHost.Length > 0 || perUser.Length > 0)
            {
                output.WriteLine("  Then " + string.Join(", and ", new[]
                {
                    perHost.Length == 0 ? "" : perHost + " would run once for " + answer.Host,
                    perUser.Length == 0 ? "" : perUser + " for every user of " + answer.Host + " (included through a user's Includes, for that user only)",
                }.Where(part => part.Length > 0)) + ".");
            }
        }

        private static string Gates(AspectAnswer answer, string stage) =>
            string.Join(", ", answer.Gates.Where(g => g.Stage == stage).Select(g => "[" + stage + "] " + g.Member));

        private static string GatesRun(AspectAnswer answer, IReadOnlyList<string> users)
        {
            var perHost = Gates(answer, "PerHost");
            var perUser = Gates(answer, "PerUser");
            var parts = new List<string>();
            if (perHost.Length > 0)
                parts.Add(perHost + " ran once for " + answer.Host);
            if (perUser.Length > 0)
                parts.Add(perUser + (users.Count == 0 ? " ran for no user" : " ran for " + string.Join(", ", users)));
            return parts.Count == 0 ? "It has no gates of its own." : string.Join("; ", parts) + ".";
        }

        private static void Includers(IReadOnlyList<Includer> includers, int indent, TextWriter output)
        {
            var pad = new string(' ', indent * 2);
            foreach (var group in includers.Where(i => i.Step.Kind is ChainStep.Host or ChainStep.User).GroupBy(i => i.Step.Kind))
                output.WriteLine(pad + "the " + group.Key + (group.Count() == 1 ? " " : "s ") + Names(group.Select(i => i.Step.Name).ToList()));
            foreach (var includer in includers.Where(i => i.Step.Kind is ChainStep.Profile or ChainStep.Feature))
            {
                output.WriteLine(pad + includer.Step + (includer.IncludedBy.Count == 0 ? ", which nothing includes" : ", included by:"));
                Includers(includer.IncludedBy, indent + 1, output);
            }
        }

        private static void Host(HostExplanation host, TextWriter output)
        {
            output.WriteLine(host.Name + " (" + host.Record + ", " + host.Includes.File + "): users " +
                (host.Users.Count == 0 ? "none" : string.Join(", ", host.Users.Select(u => u.Name))) + ".");
            output.WriteLine("Aspects, with the chain that brought each:");
            var rows = host.Aspects.Where(a => a.Kind is ChainStep.Profile or ChainStep.Feature)
                .Select(a => (Name: a.Instance + " (" + a.Kind + ")", Chains: string.Join("; ", a.Chains.Select(Chain)))).ToList();
            var width = rows.Count == 0 ? 0 : rows.Max(r => r.Name.Length);
            foreach (var row in rows)
                output.WriteLine("  " + row.Name.PadRight(width) + "  " + row.Chains);
            var nixos = host.Options.Count(o => o.User.Length == 0);
            output.WriteLine("Options: " + nixos + " NixOS" + string.Concat(host.Users.Select(u => ", " + host.Options.Count(o => o.User == u.Name) + " home-manager for " + u.Name)) +
                " (lux explain " + host.Name + " <path> for one; a prefix such as services lists what is below it).");
            if (host.Recovery is { } recovery)
            {
                output.WriteLine("SSH recovery: " + recovery.Rules.Count(r => r.Met) + " of " + recovery.Rules.Count + " rules met (recovery users: " +
                    string.Join(", ", recovery.Users) + ").");
                foreach (var rule in recovery.Rules.Where(r => !r.Met))
                    Rule(rule, output);
            }
            else
            {
                output.WriteLine("SSH recovery: not a recovery host (no SshRecovery fact).");
            }
            foreach (var error in host.Errors)
                output.WriteLine("error: " + error.Place + ": " + error.Message);
        }

        /// <summary>The host's and its users' compositions, each chain once: the longest ones, so every aspect shows on one.</summary>
        private static string Composition(HostExplanation host)
        {
            // A user with no includes is a chain of one step: nothing to show.
            var chains = host.Aspects.SelectMany(a => a.Chains).Where(c => c.Count > 1).Select(Chain).Distinct().ToList();
            var longest = chains.Where(c => !chains.Any(other => other != c && other.StartsWith(c + " → ", StringComparison.Ordinal))).ToList();
            return string.Join("; ", longest);
        }

        private static string Chain(IReadOnlyList<ChainStep> chain) => string.Join(" → ", chain.Select(step => step.Name));

        private static string Origin(ExplainedDefinition definition) =>
            definition.Stage == "Fact" ? definition.Aspect + "." + definition.Member + " (host fact)" : definition.Aspect + " [" + definition.Stage + "] " + definition.Member;

        private static string Scope(string host, string? user) => user is null ? host : host + ", home-manager user " + user;

        private static string Relative(string path, int prefix)
        {
            var segments = OptionPath.Segments(path);
            if (segments.Count <= prefix)
                return "(itself)";
            // Cut the written path after the prefix's segments, keeping the rest's quotes as Nix wrote them.
            var dots = 0;
            var quoted = false;
            for (var i = 0; i < path.Length; i++)
            {
                if (path[i] == '"')
                    quoted = !quoted;
                else if (path[i] == '.' && !quoted && ++dots == prefix)
                    return path.Substring(i + 1);
            }
            return path;
        }

        private static string OneLine(string value)
        {
            var line = value.Replace("\n", " ");
            return line.Length <= ListedValueWidth ? line : line.Substring(0, ListedValueWidth - 1) + "…";
        }

        private static string Names(IReadOnlyList<string> names) =>
            names.Count <= ListedNames ? string.Join(", ", names) : string.Join(", ", names.Take(ListedNames)) + " and " + (names.Count - ListedNames) + " more";

        /// <summary>A value after its label, or on the lines below it when it spans lines.</summary>
        private static void WriteValue(string label, string value, TextWriter output)
        {
            if (value.IndexOf('\n') < 0)
            {
                output.WriteLine(label + " " + value);
                return;
            }
            output.WriteLine(label);
            foreach (var line in value.Split('\n'))
                output.WriteLine("    " + line);
        }
    }
}
