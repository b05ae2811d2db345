using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Resolve
{
    /// <summary>
    /// Merges definitions the way nixpkgs' lib/modules.nix does, before Nix ever runs: attribute sets
    /// merge key by key, only the strongest priority of an option counts, lists at that priority
    /// concatenate in definition order, and two different values for one scalar are a conflict (LUX2001)
    /// naming both places.
    /// </summary>
    internal static class OptionMerger
    {
        /// <param name="conflicted">Receives every option left out because its definitions conflict, with those definitions.</param>
        public static AttrsNode Merge(IEnumerable<Definition> definitions, string scope, List<DiagnosticInfo> diagnostics, List<ConflictedOption> conflicted)
        {
            // Sized for the usual definition of one option; an option object adds one for each of its other members.
            var flat = new List<Definition>(definitions is ICollection<Definition> made ? made.Count : 0);
            foreach (var definition in definitions)
                Flatten(definition, definition.Path, definition.Value, definition.Priority, definition.Span, flat);

            // Group by path, keeping first-definition order; an empty-object definition declares an attribute set.
            var root = new AttrsNode();
            var byPath = new Dictionary<ImmutableArray<string>, List<Definition>>(flat.Count, PathComparer.Instance);
            var order = new List<ImmutableArray<string>>(flat.Count);
            foreach (var definition in flat)
            {
                if (definition.Value is OptionObjectValue)
                {
                    if (EnsureAttrs(root, definition.Path, definition.Path.Length, definition, scope, diagnostics) is { } declared)
                        declared.Declared.Add(definition);
                    continue;
                }
                if (!byPath.TryGetValue(definition.Path, out var list))
                {
                    byPath[definition.Path] = list = new List<Definition>(1);
                    order.Add(definition.Path);
                }
                list.Add(definition);
            }

            foreach (var key in order)
            {
                var group = byPath[key];
                var path = group[0].Path;
                var parent = EnsureAttrs(root, path, path.Length - 1, group[0], scope, diagnostics);
                if (parent is null)
                    continue;
                var name = path[path.Length - 1];
                if (parent.Children.TryGetValue(name, out var existing) && existing is AttrsNode)
                {
                    diagnostics.Add(LuxDiagnostics.ValueUnderAttributes.At(group[0].Span, scope, group[0].PathText));
                    conflicted.Add(new ConflictedOption(path, group.ToImmutableArray()));
                    continue;
                }
                if (Resolve(group, scope, diagnostics) is { } leaf)
                    parent.Children[name] = leaf;
                else
                    conflicted.Add(new ConflictedOption(path, group.ToImmutableArray()));
            }
            return root;
        }

        /// <summary>Option objects become one definition per leaf; a priority on an object applies to each leaf (pushDownProperties).</summary>
        /// <param name="made">The definition as made: each flat one keeps its origin.</param>
        private static void Flatten(Definition made, ImmutableArray<string> path, Value value, int priority, SourceSpan span, List<Definition> into)
        {
            switch (value)
            {
                case PriorityValue p:
                    Flatten(made, path, p.Inner, p.Priority, span, into);
                    break;
                case OptionObjectValue obj when obj.Members.Length == 0:
                    into.Add(made with { Path = path, Value = obj, Priority = priority, Span = span });
                    break;
                case OptionObjectValue obj:
                    foreach (var member in obj.Members)
                        Flatten(made, path.Add(member.Name), member.Value, priority, member.Span.IsNone ? span : member.Span, into);
                    break;
                default:
                    // Usually the definition as made: kept, not copied.
                    var unchanged = path == made.Path && ReferenceEquals(value, made.Value) && priority == made.Priority && ReferenceEquals(span, made.Span);
                    into.Add(unchanged ? made : made with { Path = path, Value = value, Priority = priority, Span = span });
                    break;
            }
        }

        /// <summary>Option paths compared segment by segment (a path is grouped by, not joined into a key string).</summary>
        private sealed class PathComparer : IEqualityComparer<ImmutableArray<string>>
        {
            public static readonly PathComparer Instance = new();

            public bool Equals(ImmutableArray<string> a, ImmutableArray<string> b) => a.AsSpan().SequenceEqual(b.AsSpan());

            public int GetHashCode(ImmutableArray<string> path)
            {
                var hash = 17;
                foreach (var segment in path)
                    hash = unchecked(hash * 31 + segment.GetHashCode());
                return hash;
            }
        }

        /// <summary>The attribute set at the first <paramref name="depth"/> segments of the path, made where missing; null where a value is.</summary>
        private static AttrsNode? EnsureAttrs(AttrsNode root, ImmutableArray<string> path, int depth, Definition cause, string scope, List<DiagnosticInfo> diagnostics)
        {
            var node = root;
            for (var i = 0; i < depth; i++)
            {
                var segment = path[i];
                if (!node.Children.TryGetValue(segment, out var child))
                    node.Children[segment] = child = new AttrsNode();
                if (child is not AttrsNode attrs)
                {
                    var leaf = (LeafNode)child;
                    diagnostics.Add(Also(LuxDiagnostics.AttributesUnderValue.At(cause.Span, scope, cause.PathText), leaf.Sources.FirstOrDefault()));
                    return null;
                }
                node = attrs;
            }
            return node;
        }

        private static LeafNode? Resolve(List<Definition> group, string scope, List<DiagnosticInfo> diagnostics)
        {
            // Most options have one definition of one value: it is the option, without the grouping below.
            if (group.Count == 1 && group[0].Value is not ListValue)
            {
                var only = group[0];
                return new LeafNode(only.Priority, only.Value, ImmutableArray.Create(only.Span), ImmutableArray<(Value, SourceSpan)>.Empty, isList: false,
                    ImmutableArray.Create(only));
            }
            var best = group.Min(d => d.Priority);
            var winners = group.Where(d => d.Priority == best).ToList();
            if (winners.All(d => d.Value is ListValue or NullValue) && winners.Any(d => d.Value is ListValue))
            {
                var items = winners.SelectMany(d => d.Value is ListValue list ? list.Items.Select(i => (i, d.Span)) : Enumerable.Empty<(Value, SourceSpan)>())
                    .ToImmutableArray();
                return new LeafNode(best, new ListValue(items.Select(i => i.Item1).ToImmutableArray()),
                    winners.Select(w => w.Span).ToImmutableArray(), items, isList: true, group.ToImmutableArray());
            }
            var first = winners[0];
            foreach (var other in winners.Skip(1))
            {
                if (other.Value.Key != first.Value.Key)
                {
                    var conflict = best == Definition.PlainPriority
                        ? LuxDiagnostics.ConflictingValues.At(other.Span, scope, other.PathText, other.Value.Describe(), first.Value.Describe(), first.Span.ToCanonical())
                        : LuxDiagnostics.ConflictingValuesAtPriority.At(other.Span, scope, other.PathText, other.Value.Describe(), first.Value.Describe(), first.Span.ToCanonical(), best);
                    diagnostics.Add(Also(conflict, first.Span));
                    return null;
                }
            }
            return new LeafNode(best, first.Value, winners.Select(w => w.Span).ToImmutableArray(), ImmutableArray<(Value, SourceSpan)>.Empty, isList: false,
                group.ToImmutableArray());
        }

        /// <summary>The conflict with the other definition it names as an additional place.</summary>
        private static DiagnosticInfo Also(DiagnosticInfo conflict, SourceSpan? other) =>
            other is null || other.IsNone ? conflict : conflict with { AdditionalSpans = new[] { other }.ToEquatableArray() };
    }

    /// <summary>An option Nix gets no value for: the definitions that conflict (and any weaker ones), in the order made.</summary>
    internal sealed record ConflictedOption(ImmutableArray<string> Path, ImmutableArray<Definition> Definitions)
    {
        public string PathText => string.Join(".", Path);
    }
}
