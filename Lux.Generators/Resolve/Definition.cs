using System.Collections.Immutable;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Resolve
{
    /// <summary>
    /// One option definition, as a NixOS module would make it: a path, a value, a priority
    /// (100 for plain, 1000 mkDefault, 50 mkForce) and the C# span that made it.
    /// </summary>
    internal sealed record Definition(ImmutableArray<string> Path, Value Value, int Priority, SourceSpan Span)
    {
        public const int PlainPriority = 100;

        public string PathText => string.Join(".", Path);
    }
}
