using System.Collections.Immutable;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Resolve
{
    /// <summary>
    /// One option definition, as a NixOS module would make it: a path, a value, a priority
    /// (<see cref="DslFacts"/>: plain, Mk.Default, Mk.Force) and the C# span that made it.
    /// </summary>
    internal sealed record Definition(ImmutableArray<string> Path, Value Value, int Priority, SourceSpan Span)
    {
        public const int PlainPriority = DslFacts.PlainPriority;

        public string PathText => string.Join(".", Path);
    }
}
