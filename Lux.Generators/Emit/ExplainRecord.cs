using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Lux.Generators.Emit
{
    /// <summary>
    /// What <c>lux explain</c> knows about one host, as the compiler found it: every option the host defines (per user
    /// for home-manager) with every definition, who made it and which won; the aspects that apply and the include
    /// chains that brought them; the SSH recovery verdict. Written by <see cref="ExplainEmitter"/>, read by the CLI:
    /// this file, the model and its reading, is compiled into both (as Transport/GeneratedSourceFormat.cs is); the
    /// writing (ExplainRecordWriting.cs) is the generator's, and the explain tests read back what it wrote.
    /// </summary>
    internal sealed class HostExplanation
    {
        public string Name { get; set; } = "";

        /// <summary>The host's C# record, and where its Includes is (the record when it has none).</summary>
        public string Record { get; set; } = "";

        public Place Includes { get; set; } = Place.None;

        public List<ExplainedUser> Users { get; } = new();

        /// <summary>Every aspect the host's composition or a user's reaches; each runs its [PerHost] gates for the host.</summary>
        public List<AspectUse> Aspects { get; } = new();

        public List<ExplainedOption> Options { get; } = new();

        /// <summary>Null when the host has no SshRecovery fact.</summary>
        public RecoveryVerdict? Recovery { get; set; }

        /// <summary>The host's errors ("LUX2001: message" at its place): an answer about a host that does not build may be incomplete.</summary>
        public List<Finding> Errors { get; } = new();
    }

    /// <summary>A file of the config project (relative to it) and a one-based line; <see cref="None"/> when Lux made it.</summary>
    internal sealed record Place(string File, int Line)
    {
        public static readonly Place None = new("", 0);

        public bool IsNone => string.IsNullOrEmpty(File);

        public override string ToString() => IsNone ? "(Lux)" : File + ":" + Line.ToString(CultureInfo.InvariantCulture);
    }

    internal sealed class ExplainedUser
    {
        public string Name { get; set; } = "";

        public string Record { get; set; } = "";

        public Place Includes { get; set; } = Place.None;
    }

    /// <summary>One step of an include chain: the host or a user at its start, then profiles and features.</summary>
    internal sealed record ChainStep(string Kind, string Name)
    {
        public const string Host = "host";
        public const string User = "user";
        public const string Profile = "profile";
        public const string Feature = "feature";

        public override string ToString() => Name + " (" + Kind + ")";
    }

    /// <summary>An aspect that applies to the host, the users whose [PerUser] gates it runs for, and how it was reached.</summary>
    internal sealed class AspectUse
    {
        public string Name { get; set; } = "";

        public string Kind { get; set; } = "";

        /// <summary>The instance, with the arguments it was made with (<c>Shell { Program = "fish" }</c>).</summary>
        public string Instance { get; set; } = "";

        public List<string> Users { get; } = new();

        /// <summary>The first chain from the host and from each user whose composition reaches the aspect.</summary>
        public List<List<ChainStep>> Chains { get; } = new();
    }

    /// <summary>How an option's value came from its winning definitions.</summary>
    internal static class MergeKind
    {
        /// <summary>One definition at the winning priority.</summary>
        public const string Single = "single";

        /// <summary>Several definitions at the winning priority, all with the same value.</summary>
        public const string Equal = "equal";

        /// <summary>A list: the winning definitions concatenated in the order made.</summary>
        public const string Concat = "concat";

        /// <summary>An empty attribute set (<c>{ }</c>) that other definitions may add keys to.</summary>
        public const string Attrs = "attrs";

        /// <summary>Different values at the winning priority (LUX2001): the option has no value and none of them wins.</summary>
        public const string Conflict = "conflict";
    }

    internal sealed class ExplainedOption
    {
        public ExplainedOption()
            : this(1)
        {
        }

        /// <param name="definitions">How many definitions the option has: usually one.</param>
        public ExplainedOption(int definitions)
        {
            Definitions = new List<ExplainedDefinition>(definitions);
        }

        /// <summary>The home-manager user the option belongs to, or "" for the host's NixOS configuration.</summary>
        public string User { get; set; } = "";

        /// <summary>The attribute path as Nix writes it (<c>services.openssh.settings.PasswordAuthentication</c>).</summary>
        public string Path { get; set; } = "";

        /// <summary>The winning priority: the lowest number among the definitions.</summary>
        public int Priority { get; set; }

        public string Merge { get; set; } = MergeKind.Single;

        /// <summary>The final value, as Nix; empty for a <see cref="MergeKind.Conflict"/>.</summary>
        public string Value { get; set; } = "";

        public List<ExplainedDefinition> Definitions { get; }
    }

    internal sealed class ExplainedDefinition
    {
        public int Priority { get; set; }

        public Place Place { get; set; } = Place.None;

        public string Aspect { get; set; } = "";

        public string Member { get; set; } = "";

        /// <summary>PerHost, PerUser, or Fact (Lux's own definition from a host fact).</summary>
        public string Stage { get; set; } = "";

        /// <summary>The value this definition gave, as Nix.</summary>
        public string Value { get; set; } = "";
    }

    internal sealed class RecoveryVerdict
    {
        public List<string> Users { get; } = new();

        public List<RuleVerdict> Rules { get; } = new();
    }

    internal sealed class RuleVerdict
    {
        public string Id { get; set; } = "";

        public string Requirement { get; set; } = "";

        public bool Met => Findings.Count == 0;

        /// <summary>The options the rule reads (dotted Nix paths); none for a rule on a host fact.</summary>
        public List<string> Options { get; } = new();

        public List<Finding> Findings { get; } = new();
    }

    internal sealed record Finding(Place Place, string Message);

    /// <summary>The fleet at a glance, for names and "why not": every host, user and aspect, and who includes each aspect.</summary>
    internal sealed class FleetIndex
    {
        public List<string> Hosts { get; } = new();

        public List<IndexedUser> Users { get; } = new();

        public List<IndexedAspect> Aspects { get; } = new();
    }

    internal sealed record IndexedUser(string Name, string Record);

    internal sealed class IndexedAspect
    {
        public string Name { get; set; } = "";

        public string Kind { get; set; } = "";

        public Place Place { get; set; } = Place.None;

        public List<(string Stage, string Member)> Gates { get; } = new();

        /// <summary>Every host, user, profile and feature that includes it somewhere in the fleet.</summary>
        public List<ChainStep> IncludedBy { get; } = new();
    }

    /// <summary>
    /// The records as text: one item per line, tab-separated fields, each field with <c>\</c>, tab, LF and CR escaped.
    /// Internal to Lux (versioned by its first line); scripts read <c>lux explain --json</c> instead. Plain text, which
    /// knows nothing of the transport: the host's generated source carries it as one entry.
    /// </summary>
    internal static partial class ExplainRecordFormat
    {
        private const string HostHeader = "lux-explain-host\t1";
        private const string IndexHeader = "lux-explain-index\t1";

        /// <summary>Null when the text is not a host record of this version.</summary>
        public static HostExplanation? ReadHost(string text) => Rows(text, HostHeader) is { } rows ? HostOf(rows) : null;

        private static HostExplanation HostOf(List<string[]> rows)
        {
            var host = new HostExplanation();
            AspectUse? aspect = null;
            ExplainedOption? option = null;
            RuleVerdict? rule = null;
            foreach (var f in rows)
            {
                switch (f[0])
                {
                    case "host" when f.Length >= 5:
                        host.Name = f[1];
                        host.Record = f[2];
                        host.Includes = PlaceOf(f[3], f[4]);
                        break;
                    case "user" when f.Length >= 5:
                        host.Users.Add(new ExplainedUser { Name = f[1], Record = f[2], Includes = PlaceOf(f[3], f[4]) });
                        break;
                    case "aspect" when f.Length >= 4:
                        aspect = new AspectUse { Name = f[1], Kind = f[2], Instance = f[3] };
                        aspect.Users.AddRange(f.Skip(4));
                        host.Aspects.Add(aspect);
                        break;
                    case "chain" when aspect is not null:
                        var chain = new List<ChainStep>();
                        for (var i = 1; i + 1 < f.Length; i += 2)
                            chain.Add(new ChainStep(f[i], f[i + 1]));
                        aspect.Chains.Add(chain);
                        break;
                    case "option" when f.Length >= 6:
                        option = new ExplainedOption { User = f[1], Path = f[2], Priority = ParseNumber(f[3]), Merge = f[4], Value = f[5] };
                        host.Options.Add(option);
                        break;
                    case "def" when option is not null && f.Length >= 8:
                        option.Definitions.Add(new ExplainedDefinition
                        {
                            Priority = ParseNumber(f[1]), Place = PlaceOf(f[2], f[3]), Aspect = f[4], Member = f[5], Stage = f[6],
                            Value = f[7].Length == 0 ? option.Value : f[7],
                        });
                        break;
                    case "recovery":
                        host.Recovery = new RecoveryVerdict();
                        host.Recovery.Users.AddRange(f.Skip(1));
                        break;
                    case "rule" when host.Recovery is not null && f.Length >= 3:
                        rule = new RuleVerdict { Id = f[1], Requirement = f[2] };
                        rule.Options.AddRange(f.Skip(3));
                        host.Recovery.Rules.Add(rule);
                        break;
                    case "finding" when rule is not null && f.Length >= 4:
                        rule.Findings.Add(new Finding(PlaceOf(f[1], f[2]), f[3]));
                        break;
                    case "error" when f.Length >= 4:
                        host.Errors.Add(new Finding(PlaceOf(f[1], f[2]), f[3]));
                        break;
                }
            }
            return host;
        }

        /// <summary>Null when the text is not an index of this version.</summary>
        public static FleetIndex? ReadIndex(string text) => Rows(text, IndexHeader) is { } rows ? IndexOf(rows) : null;

        private static FleetIndex IndexOf(List<string[]> rows)
        {
            var index = new FleetIndex();
            IndexedAspect? aspect = null;
            foreach (var f in rows)
            {
                switch (f[0])
                {
                    case "host" when f.Length >= 2:
                        index.Hosts.Add(f[1]);
                        break;
                    case "user" when f.Length >= 3:
                        index.Users.Add(new IndexedUser(f[1], f[2]));
                        break;
                    case "aspect" when f.Length >= 5:
                        aspect = new IndexedAspect { Name = f[1], Kind = f[2], Place = PlaceOf(f[3], f[4]) };
                        index.Aspects.Add(aspect);
                        break;
                    case "gate" when aspect is not null && f.Length >= 3:
                        aspect.Gates.Add((f[1], f[2]));
                        break;
                    case "included-by" when aspect is not null && f.Length >= 2:
                        aspect.IncludedBy.AddRange(f.Skip(2).Select(name => new ChainStep(f[1], name)));
                        break;
                }
            }
            return index;
        }

        private static int ParseNumber(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

        private static Place PlaceOf(string file, string line) => file.Length == 0 ? Place.None : new Place(file, ParseNumber(line));

        /// <summary>The rows after <paramref name="header"/>, split into unescaped fields; null when the header is not the first line.</summary>
        private static List<string[]>? Rows(string text, string header)
        {
            var lines = text.Split('\n');
            if (lines.Length == 0 || lines[0] != header)
                return null;
            var rows = new List<string[]>(lines.Length);
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].Length > 0)
                    rows.Add(lines[i].Split('\t').Select(Unescape).ToArray());
            }
            return rows;
        }

        private static string Unescape(string field)
        {
            if (field.IndexOf('\\') < 0)
                return field;
            var sb = new StringBuilder(field.Length);
            for (var i = 0; i < field.Length; i++)
            {
                var c = field[i];
                if (c != '\\' || i + 1 == field.Length)
                {
                    sb.Append(c);
                    continue;
                }
                var next = field[++i];
                sb.Append(next switch { 't' => '\t', 'n' => '\n', 'r' => '\r', _ => next });
            }
            return sb.ToString();
        }
    }
}
