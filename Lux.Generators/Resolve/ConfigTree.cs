using System.Collections.Generic;
using System.Collections.Immutable;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Resolve
{
    /// <summary>A merged configuration: attribute sets down to resolved leaves, keys in ordinal order.</summary>
    internal abstract class ConfigNode
    {
    }

    internal sealed class AttrsNode : ConfigNode
    {
        public AttrsMembers Children { get; } = new();

        /// <summary>The definitions of this node as an empty attribute set (<c>users.groups.sops-users = { }</c>).</summary>
        public List<Definition> Declared { get; } = new(0);

        public ConfigNode? Find(params string[] path)
        {
            ConfigNode? node = this;
            foreach (var segment in path)
            {
                if (node is not AttrsNode attrs || !attrs.Children.TryGetValue(segment, out node))
                    return null;
            }
            return node;
        }
    }

    /// <summary>
    /// An attribute set's members in ordinal key order. A sorted list rather than a tree: most sets have a handful of
    /// keys, and a host has tens of thousands of sets, each read in order by Emit and explain.
    /// </summary>
    internal sealed class AttrsMembers
    {
        private readonly List<KeyValuePair<string, ConfigNode>> members = new(1);

        public int Count => members.Count;

        /// <summary>The member at a position in key order.</summary>
        public KeyValuePair<string, ConfigNode> this[int index] => members[index];

        /// <summary>Sets a member, replacing the one of that name if there is one.</summary>
        public ConfigNode this[string key]
        {
            set
            {
                var at = IndexOf(key);
                if (at >= 0)
                    members[at] = new KeyValuePair<string, ConfigNode>(key, value);
                else
                    members.Insert(~at, new KeyValuePair<string, ConfigNode>(key, value));
            }
        }

        public bool TryGetValue(string key, out ConfigNode value)
        {
            var at = IndexOf(key);
            value = at >= 0 ? members[at].Value : null!;
            return at >= 0;
        }

        public List<KeyValuePair<string, ConfigNode>>.Enumerator GetEnumerator() => members.GetEnumerator();

        /// <summary>The member's position, or the complement of where it would go.</summary>
        private int IndexOf(string key)
        {
            int low = 0, high = members.Count - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) >> 1);
                var order = string.CompareOrdinal(members[middle].Key, key);
                if (order == 0)
                    return middle;
                if (order < 0)
                    low = middle + 1;
                else
                    high = middle - 1;
            }
            return ~low;
        }
    }

    /// <summary>
    /// An option's winning definitions after priorities: one value, or for a list the concatenation
    /// of every definition at the winning priority, each item with the span that gave it. The winners are the
    /// <see cref="Definitions"/> at <see cref="Priority"/>.
    /// </summary>
    internal sealed class LeafNode : ConfigNode
    {
        public LeafNode(int priority, Value value, ImmutableArray<SourceSpan> sources, ImmutableArray<(Value Item, SourceSpan Span)> listItems, bool isList,
            ImmutableArray<Definition> definitions)
        {
            Priority = priority;
            Value = value;
            Sources = sources;
            ListItems = listItems;
            IsList = isList;
            Definitions = definitions;
        }

        public int Priority { get; }

        public Value Value { get; }

        public ImmutableArray<SourceSpan> Sources { get; }

        public bool IsList { get; }

        public ImmutableArray<(Value Item, SourceSpan Span)> ListItems { get; }

        /// <summary>Every definition of the option in the order made, those that lost to a stronger priority too.</summary>
        public ImmutableArray<Definition> Definitions { get; }
    }
}
