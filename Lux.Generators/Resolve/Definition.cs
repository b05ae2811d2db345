using System.Collections.Immutable;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Resolve
{
    /// <summary>
    /// One option definition, as a NixOS module would make it: a path, a value, a priority
    /// (<see cref="DslFacts"/>: plain, Mk.Default, Mk.Force), the C# span that made it and the aspect member behind it.
    /// </summary>
    internal sealed record Definition(ImmutableArray<string> Path, Value Value, int Priority, SourceSpan Span, DefinitionOrigin Origin)
    {
        public const int PlainPriority = DslFacts.PlainPriority;

        public string PathText => string.Join(".", Path);
    }

    /// <summary>What made a definition: a stage gate of an aspect, or Lux itself from a host fact.</summary>
    internal enum OriginKind
    {
        PerHost,
        PerUser,
        Fact,
    }

    /// <summary>
    /// The record and member behind a definition: <c>OpenSsh</c>'s <c>[PerHost] Server</c>, or the host
    /// <c>Orion</c>'s fact <c>StateVersion</c>. <c>lux explain</c> names it beside the file and line.
    /// </summary>
    internal sealed record DefinitionOrigin(string Aspect, string Member, OriginKind Kind)
    {
        public static DefinitionOrigin Gate(RecordValue aspect, GateSpec gate) =>
            new(aspect.DisplayName, gate.Name, gate.Kind == GateKind.PerHost ? OriginKind.PerHost : OriginKind.PerUser);

        public static DefinitionOrigin Fact(DeclarationSpec host, string property) => new(host.DisplayName, property, OriginKind.Fact);
    }
}
