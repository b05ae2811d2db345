namespace Lux.Generators.Evaluate
{
    /// <summary>Names in scope while evaluating: locals and parameters, the current record, a <c>?.</c> target.</summary>
    internal sealed record Environment(RecordValue? This, Value? ConditionalTarget)
    {
        public static readonly Environment Empty = new(null, null);

        /// <summary>
        /// The names, newest first; a newer binding hides an older one of the same name. A scope holds a few names and gates
        /// bind them per host and user, so a chain (one small object a name) rather than an immutable dictionary (several).
        /// </summary>
        private Binding? names;

        public Environment With(string name, Value value) => this with { names = new Binding(name, value, names) };

        public bool TryGetValue(string name, out Value value)
        {
            for (var binding = names; binding is not null; binding = binding.Next)
            {
                if (binding.Name == name)
                {
                    value = binding.Value;
                    return true;
                }
            }
            value = NullValue.Instance;
            return false;
        }

        private sealed class Binding
        {
            public Binding(string name, Value value, Binding? next)
            {
                Name = name;
                Value = value;
                Next = next;
            }

            public string Name { get; }

            public Value Value { get; }

            public Binding? Next { get; }
        }
    }
}
