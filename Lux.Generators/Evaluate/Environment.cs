using System.Collections.Immutable;

namespace Lux.Generators.Evaluate
{
    /// <summary>Names in scope while evaluating: locals and parameters, the current record, a <c>?.</c> target.</summary>
    internal sealed record Environment(ImmutableDictionary<string, Value> Names, RecordValue? This, Value? ConditionalTarget)
    {
        public static readonly Environment Empty = new(ImmutableDictionary<string, Value>.Empty, null, null);

        public Environment With(string name, Value value) => this with { Names = Names.SetItem(name, value) };
    }
}
