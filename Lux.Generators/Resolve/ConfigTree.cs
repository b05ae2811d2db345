using System;
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
        public SortedDictionary<string, ConfigNode> Children { get; } = new(StringComparer.Ordinal);

        /// <summary>The definitions of this node as an empty attribute set (<c>users.groups.sops-users = { }</c>).</summary>
        public List<Definition> Declared { get; } = new();

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
