using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Emit
{
    /// <summary>The fleet's declared aspects and users and who includes whom among them, as the context declares them.</summary>
    /// <remarks>
    /// Edges of an aspect no host reaches (a profile nobody includes yet) are known only here, so "why not" can name it.
    /// A parameterised aspect whose Includes reads its arguments has no edges here; the hosts' maps give those it was reached with.
    /// </remarks>
    internal sealed record ExplainCatalog(EquatableArray<CatalogAspect> Aspects, EquatableArray<IndexedUser> Users, EquatableArray<CatalogEdge> Edges)
    {
        public static readonly ExplainCatalog Empty = new(EquatableArray<CatalogAspect>.Empty, EquatableArray<IndexedUser>.Empty, EquatableArray<CatalogEdge>.Empty);
    }

    /// <summary>A feature or profile, where it is declared, and its gates ("PerHost Compositor").</summary>
    internal sealed record CatalogAspect(string Name, string Kind, Place Place, EquatableArray<string> Gates);

    /// <summary>A user, profile or feature that includes the aspect named <paramref name="Included"/>.</summary>
    internal sealed record CatalogEdge(ChainStep Includer, string Included);

    /// <summary>The explain records' index (<see cref="FleetIndex"/>): the names <c>lux explain</c> checks and suggests, and who includes each aspect.</summary>
    internal static class ExplainIndexEmitter
    {
        public static ExplainCatalog Catalog(FleetContext context)
        {
            try
            {
                var evaluator = context.CreateEvaluator();
                var aspects = new List<CatalogAspect>();
                var users = new List<IndexedUser>();
                var edges = new List<CatalogEdge>();
                foreach (var declaration in context.Declarations)
                {
                    if (declaration.Kind is not (DeclarationKind.Feature or DeclarationKind.Profile or DeclarationKind.User))
                        continue;
                    var record = evaluator.Instantiate(declaration);
                    ChainStep includer;
                    if (declaration.Kind == DeclarationKind.User)
                    {
                        var name = TryRead(() => evaluator.Property(record, "Name", null, declaration.Span)) is StringValue s ? s.Value : declaration.DisplayName.ToLowerInvariant();
                        users.Add(new IndexedUser(name, declaration.DisplayName));
                        includer = new ChainStep(ChainStep.User, name);
                    }
                    else
                    {
                        var kind = declaration.Kind == DeclarationKind.Profile ? ChainStep.Profile : ChainStep.Feature;
                        aspects.Add(new CatalogAspect(declaration.DisplayName, kind,
                            new Place(declaration.Span.RelativePath(context.ProjectDirectory), declaration.Span.StartLine + 1),
                            declaration.Gates.Select(g => g.Kind + " " + g.Name).ToEquatableArray()));
                        includer = new ChainStep(kind, declaration.DisplayName);
                    }
                    if (TryRead(() => evaluator.Property(record, "Includes", ListValue.Empty, declaration.Span)) is ListValue includes)
                    {
                        foreach (var included in includes.Items.OfType<RecordValue>().Where(r => r.Spec?.Kind is DeclarationKind.Feature or DeclarationKind.Profile))
                            edges.Add(new CatalogEdge(includer, included.DisplayName));
                    }
                }
                return new ExplainCatalog(aspects.ToEquatableArray(), users.ToEquatableArray(), edges.Distinct().ToEquatableArray());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The index is a convenience: an aspect missing from it is reported by lux explain, not by the build.
                return ExplainCatalog.Empty;
            }
        }

        /// <param name="hosts">The emitted hosts' names and maps, in name order.</param>
        public static string Emit(IReadOnlyList<(string Name, HostMap Map)> hosts, ExplainCatalog catalog)
        {
            var index = new FleetIndex();
            index.Hosts.AddRange(hosts.Select(h => h.Name));
            index.Users.AddRange(catalog.Users.OrderBy(u => u.Name, StringComparer.Ordinal));
            var includedBy = new Dictionary<string, HashSet<ChainStep>>(StringComparer.Ordinal);
            foreach (var edge in catalog.Edges)
                Add(edge.Included, edge.Includer);
            foreach (var (_, map) in hosts)
            {
                foreach (var aspect in map.Aspects)
                {
                    foreach (var source in aspect.BroughtBy)
                        Add(aspect.Name, new ChainStep(source.Kind.ToString().ToLowerInvariant(), source.Name));
                }
            }
            foreach (var aspect in catalog.Aspects.OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Kind, StringComparer.Ordinal))
            {
                var indexed = new IndexedAspect { Name = aspect.Name, Kind = aspect.Kind, Place = aspect.Place };
                foreach (var gate in aspect.Gates)
                {
                    var space = gate.IndexOf(' ');
                    indexed.Gates.Add(space < 0 ? (gate, "") : (gate.Substring(0, space), gate.Substring(space + 1)));
                }
                if (includedBy.TryGetValue(aspect.Name, out var includers))
                    indexed.IncludedBy.AddRange(includers.OrderBy(s => KindOrder(s.Kind)).ThenBy(s => s.Name, StringComparer.Ordinal));
                index.Aspects.Add(indexed);
            }
            return ExplainRecordFormat.Write(index);

            void Add(string aspect, ChainStep includer)
            {
                if (!includedBy.TryGetValue(aspect, out var set))
                    includedBy[aspect] = set = new HashSet<ChainStep>();
                set.Add(includer);
            }
        }

        private static int KindOrder(string kind) => kind switch
        {
            ChainStep.Host => 0,
            ChainStep.User => 1,
            ChainStep.Profile => 2,
            _ => 3,
        };

        private static Value? TryRead(Func<Value> read)
        {
            try
            {
                return read();
            }
            catch (EvaluationException)
            {
                return null;
            }
        }
    }
}
