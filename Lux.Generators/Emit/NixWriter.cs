using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Emit
{
    /// <summary>
    /// Writes a merged configuration as Nix a person would write: two-space indent, single-child
    /// attribute chains collapsed to dotted paths (<c>services.openssh.enable</c>), short lists on one
    /// line, and the C# file and line of each definition as a trailing comment.
    /// </summary>
    internal sealed class NixWriter
    {
        private const int LineWidth = 100;
        private readonly StringBuilder sb = TextBuilders.Rent();
        private readonly RelativePaths paths;

        public NixWriter(string projectDirectory)
            : this(new RelativePaths(projectDirectory))
        {
        }

        /// <param name="paths">The places' files, shared by the writers of one host's files.</param>
        public NixWriter(RelativePaths paths)
        {
            this.paths = paths;
        }

        public NixWriter Line(string text = "", int indent = 0)
        {
            if (text.Length > 0)
                sb.Append(' ', indent * 2).Append(text);
            sb.Append('\n');
            return this;
        }

        /// <summary>The text written; the writer is done with.</summary>
        public string Finish() => TextBuilders.Finish(sb);

        /// <summary>The members of an attribute set, one per line; <c>imports</c> first, as people write it.</summary>
        public void Body(AttrsNode node, int indent)
        {
            // The children are in ordinal order already, so only imports moves.
            if (node.Children.TryGetValue("imports", out var imports))
                Member("imports", imports, indent);
            foreach (var child in node.Children)
            {
                if (child.Key != "imports")
                    Member(child.Key, child.Value, indent);
            }
        }

        private void Member(string key, ConfigNode node, int indent)
        {
            // A chain of single-member sets collapses into one dotted name; most members are not one.
            List<string>? chain = null;
            while (node is AttrsNode { Children.Count: 1, Declared.Count: 0 } single)
            {
                var only = single.Children[0];
                (chain ??= new List<string> { key }).Add(only.Key);
                node = only.Value;
            }
            var span = node is LeafNode l ? l.Sources.FirstOrDefault() ?? SourceSpan.None : SourceSpan.None;
            var name = chain is null ? NixSyntax.AttributeName(key, span) : DottedName(chain, span);
            switch (node)
            {
                case LeafNode leaf:
                    Leaf(name, leaf, indent);
                    break;
                case AttrsNode { Children.Count: 0 } empty:
                    Line(name + " = { };" + Comment(empty.Declared.Select(d => d.Span).ToImmutableArray()), indent);
                    break;
                case AttrsNode attrs:
                    Line(name + " = {" + (attrs.Declared.Count > 0 ? Comment(attrs.Declared.Select(d => d.Span).ToImmutableArray()) : ""), indent);
                    Body(attrs, indent + 1);
                    Line("};", indent);
                    break;
            }
        }

        private static string DottedName(List<string> chain, SourceSpan at) => string.Join(".", chain.Select(c => NixSyntax.AttributeName(c, at)));

        private void Leaf(string name, LeafNode leaf, int indent)
        {
            var wrapper = PriorityWrapper(leaf.Priority);
            var at = leaf.Sources.FirstOrDefault() ?? SourceSpan.None;
            if (leaf.IsList)
            {
                var sources = leaf.ListItems.Select(i => i.Span).Distinct().ToList();
                var items = leaf.ListItems.Select(i => Term(Inline(i.Item, i.Span))).ToList();
                var inline = "[ " + string.Join(" ", items) + (items.Count > 0 ? " " : "") + "]";
                if (items.Count == 0)
                    inline = "[ ]";
                var single = name + " = " + wrapper + inline + ";";
                if (sources.Count <= 1 && items.All(i => i.IndexOf('\n') < 0) && indent * 2 + single.Length <= LineWidth)
                {
                    Line(single + Comment(leaf.Sources), indent);
                    return;
                }
                Line(name + " = " + wrapper + "[" + (sources.Count <= 1 ? Comment(leaf.Sources) : ""), indent);
                SourceSpan? previous = null;
                foreach (var (item, span) in leaf.ListItems)
                {
                    var comment = sources.Count > 1 && !Equals(previous, span) ? Comment(ImmutableArray.Create(span)) : "";
                    Block(Term(Inline(item, span)), comment, indent + 1);
                    previous = span;
                }
                Line("];", indent);
                return;
            }
            var value = Apply(wrapper, Inline(leaf.Value, at));
            if (name.IndexOf('\n') < 0 && value.IndexOf('\n') < 0)
            {
                // One line, the usual option: written straight into the text rather than joined into a line first.
                sb.Append(' ', indent * 2).Append(name).Append(" = ").Append(value).Append(';');
                AppendComment(leaf.Sources);
                sb.Append('\n');
                return;
            }
            Block(name + " = " + value + ";", Comment(leaf.Sources), indent);
        }

        /// <summary>Writes text that may span lines (a multi-line attribute set in a list), the comment on its first line.</summary>
        private void Block(string text, string comment, int indent)
        {
            var lines = text.Split('\n');
            Line(lines[0] + comment, indent);
            for (var i = 1; i < lines.Length; i++)
                Line(lines[i], indent);
        }

        /// <summary>A value as a Nix expression; attribute sets inside lists are written inline.</summary>
        public static string Inline(Value value, SourceSpan at)
        {
            switch (value)
            {
                case NullValue: return "null";
                case BoolValue b: return b.Value ? "true" : "false";
                case IntValue i: return NixSyntax.Integer(i.Value);
                case FloatValue f: return NixSyntax.Float(f.Value, at);
                case StringValue s: return NixSyntax.String(s.Value, at);
                case RawValue raw: return raw.Text;
                case PriorityValue p: return "(" + Apply(PriorityWrapper(p.Priority), Inline(p.Inner, at)) + ")";
                case ListValue list:
                    return InlineList(list, at);
                case OptionObjectValue obj:
                    return InlineObject(obj, at);
                default:
                    throw EvaluationException.At(at, LuxDiagnostics.NotANixValue, value.Describe());
            }
        }

        // Apart from Inline, whose every call would otherwise allocate these lambdas' closure.
        private static string InlineList(ListValue list, SourceSpan at) =>
            list.Items.Length == 0 ? "[ ]" : "[ " + string.Join(" ", list.Items.Select(i => Term(Inline(i, at)))) + " ]";

        private static string InlineObject(OptionObjectValue obj, SourceSpan at) =>
            obj.Members.Length == 0 ? "{ }" : "{ " + string.Join(" ", obj.Members.Select(m => NixSyntax.AttributeName(m.Name, at) + " = " + Inline(m.Value, at) + ";")) + " }";

        /// <summary>
        /// A list item or a function argument: anything but a single term is parenthesised, or Nix reads it
        /// otherwise (<c>[ f x ]</c> is two items, <c>[ -1 ]</c> a syntax error, <c>lib.mkForce -1</c> a subtraction).
        /// </summary>
        private static string Term(string item) =>
            item.StartsWith("-", System.StringComparison.Ordinal) ||
            !(item.StartsWith("(", System.StringComparison.Ordinal) || item.StartsWith("\"", System.StringComparison.Ordinal) ||
              item.StartsWith("[", System.StringComparison.Ordinal) || item.StartsWith("{", System.StringComparison.Ordinal) ||
              item.IndexOf(' ') < 0)
                ? "(" + item + ")"
                : item;

        /// <summary>A priority wrapper applied to a value: <c>lib.mkForce (-1)</c>.</summary>
        private static string Apply(string wrapper, string value) => wrapper.Length == 0 ? value : wrapper + Term(value);

        public static string PriorityWrapper(int priority) => priority switch
        {
            DslFacts.PlainPriority => "",
            DslFacts.ForcePriority => "lib.mkForce ",
            DslFacts.DefaultPriority => "lib.mkDefault ",
            _ => "lib.mkOverride " + priority.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ",
        };

        private string Comment(ImmutableArray<SourceSpan> sources)
        {
            var start = sb.Length;
            AppendComment(sources);
            var comment = sb.ToString(start, sb.Length - start);
            sb.Length = start;
            return comment;
        }

        /// <summary>
        /// Appends " # File.cs:12, Other.cs:3", each place of <paramref name="sources"/> once, in order; nothing when none has a
        /// place. Without a list of places: an option has a few sources, usually one.
        /// </summary>
        private void AppendComment(ImmutableArray<SourceSpan> sources)
        {
            var separator = " # ";
            for (var i = 0; i < sources.Length; i++)
            {
                if (sources[i].IsNone || PlaceSeenBefore(sources, i))
                    continue;
                sb.Append(separator).Append(paths.Of(sources[i])).Append(':').Append(sources[i].StartLine + 1);
                separator = ", ";
            }
        }

        /// <summary>Whether an earlier source has the same file and line (one file has one relative path).</summary>
        private static bool PlaceSeenBefore(ImmutableArray<SourceSpan> sources, int i)
        {
            for (var j = 0; j < i; j++)
            {
                if (!sources[j].IsNone && sources[j].StartLine == sources[i].StartLine && sources[j].Path == sources[i].Path)
                    return true;
            }
            return false;
        }
    }

    /// <summary>Each C# file's path relative to the project (<see cref="SourceSpan.RelativePath"/>), made once per file rather than once per definition.</summary>
    internal sealed class RelativePaths
    {
        private readonly string projectDirectory;
        private readonly Dictionary<string, string> made = new(System.StringComparer.Ordinal);

        public RelativePaths(string projectDirectory) => this.projectDirectory = projectDirectory;

        public string Of(SourceSpan span)
        {
            if (!made.TryGetValue(span.Path, out var path))
                made[span.Path] = path = span.RelativePath(projectDirectory);
            return path;
        }
    }
}
