using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Lux.Generators.Emit
{
    /// <summary>
    /// The fleet map's diagram, drawn in groups (see <see cref="FleetMapEmitter"/>): one box per set of hosts that
    /// include the same profiles, one per set of users on the same boxes with the same own aspects, one per
    /// aspect, and each include once. Every list is in a fixed order, so the same fleet draws the same text.
    /// </summary>
    internal sealed class FleetGraph
    {
        /// <summary>More user arrows than this and the diagram leaves users to the host × user table.</summary>
        public const int MaxUserEdges = 24;

        /// <summary>Names a box lists in full; a bigger group shows its count and a few names.</summary>
        private const int NamesInFull = 3;

        public sealed record Node(string Id, MapKind Kind, string Label);

        /// <summary>An arrow; a label says how many of the box's members it holds for ("3 of 10"), null when all.</summary>
        public sealed record Edge(string From, string To, string? Label);

        public sealed record HostGroup(string Id, IReadOnlyList<string> Profiles, IReadOnlyList<string> Hosts);

        public sealed record AspectColumn(string Name, MapKind Kind);

        private FleetGraph()
        {
        }

        /// <summary>A graph to fill by hand (FLEET.md's second diagram).</summary>
        public static FleetGraph Empty() => new();

        /// <summary>Every aspect some host reaches, profiles first, each by name.</summary>
        public List<AspectColumn> Aspects { get; } = new();

        public List<string> UserNames { get; } = new();

        public List<HostGroup> HostGroups { get; } = new();

        public List<Node> UserNodes { get; } = new();

        public List<Node> HostNodes { get; } = new();

        public List<Node> ProfileNodes { get; } = new();

        public List<Node> FeatureNodes { get; } = new();

        public List<Edge> Edges { get; } = new();

        /// <summary>True when the users' arrows (<see cref="UserEdgeCount"/>) are too many to draw.</summary>
        public bool UsersCollapsed { get; private set; }

        public int UserEdgeCount { get; private set; }

        public IEnumerable<(string Title, List<Node> Nodes)> Clusters()
        {
            yield return ("Users", UserNodes);
            yield return ("Hosts", HostNodes);
            yield return ("Profiles", ProfileNodes);
            yield return ("Features", FeatureNodes);
        }

        /// <param name="hosts">In name order.</param>
        public static FleetGraph Of(IReadOnlyList<(string Name, HostMap Map)> hosts)
        {
            var graph = new FleetGraph();

            graph.Aspects.AddRange(hosts.SelectMany(h => h.Map.Aspects).Select(a => new AspectColumn(a.Name, a.Kind)).Distinct()
                .OrderBy(a => a.Kind).ThenBy(a => a.Name, StringComparer.Ordinal));
            var aspectIds = new Dictionary<AspectColumn, string>();
            foreach (var aspect in graph.Aspects)
            {
                var profile = aspect.Kind == MapKind.Profile;
                var nodes = profile ? graph.ProfileNodes : graph.FeatureNodes;
                var id = (profile ? "p" : "f") + (nodes.Count + 1).ToString(CultureInfo.InvariantCulture);
                aspectIds[aspect] = id;
                nodes.Add(new Node(id, aspect.Kind, aspect.Name));
            }

            // Hosts that include the same profiles themselves share a box.
            var groups = hosts.GroupBy(h => string.Join("\n", Direct(h.Map).Where(a => a.Kind == MapKind.Profile).Select(a => a.Name)), StringComparer.Ordinal).ToList();
            foreach (var members in groups)
            {
                var id = "h" + (graph.HostGroups.Count + 1).ToString(CultureInfo.InvariantCulture);
                var group = new HostGroup(id, members.Key.Length == 0 ? Array.Empty<string>() : members.Key.Split('\n'), members.Select(h => h.Name).ToList());
                graph.HostGroups.Add(group);
                // An aspect only some of the box's hosts include (never a profile: those make the box) is left to the
                // table, and the box says how many there are: a hundred hosts' own features would be a web of arrows.
                var own = 0;
                foreach (var aspect in graph.Aspects)
                {
                    var including = members.Count(h => Direct(h.Map).Any(a => a.Name == aspect.Name && a.Kind == aspect.Kind));
                    if (including == group.Hosts.Count)
                        graph.Edges.Add(new Edge(id, aspectIds[aspect], null));
                    else if (including > 0)
                        own++;
                }
                var label = Label(group.Hosts, "hosts");
                if (own > 0)
                    label += "\n+ " + own.ToString(CultureInfo.InvariantCulture) + " feature" + (own == 1 ? "" : "s") + " on some of them";
                graph.HostNodes.Add(new Node(id, MapKind.Host, label));
            }

            // Each include between aspects once, whichever hosts it is on.
            var includes = hosts.SelectMany(h => h.Map.Aspects)
                .SelectMany(a => a.BroughtBy.Where(s => s.Kind is MapKind.Profile or MapKind.Feature)
                    .Select(s => (From: new AspectColumn(s.Name, s.Kind), To: new AspectColumn(a.Name, a.Kind))))
                .Distinct().Where(e => aspectIds.ContainsKey(e.From) && aspectIds.ContainsKey(e.To))
                .OrderBy(e => graph.Aspects.IndexOf(e.From)).ThenBy(e => graph.Aspects.IndexOf(e.To)).ToList();

            // Users on the same boxes, bringing the same aspects of their own, share a box.
            graph.UserNames.AddRange(hosts.SelectMany(h => h.Map.Users).Distinct().OrderBy(n => n, StringComparer.Ordinal));
            var userArrows = new List<(string User, List<(string To, string? Label)> Arrows)>();
            foreach (var user in graph.UserNames)
            {
                var arrows = new List<(string To, string? Label)>();
                foreach (var group in graph.HostGroups)
                {
                    var on = group.Hosts.Count(name => hosts.First(h => h.Name == name).Map.Users.Contains(user));
                    if (on > 0)
                        arrows.Add((group.Id, Share(on, group.Hosts.Count)));
                }
                foreach (var aspect in graph.Aspects)
                {
                    if (hosts.Any(h => h.Map.Aspects.Any(a => a.Name == aspect.Name && a.Kind == aspect.Kind && a.BroughtBy.Contains(new MapSource(MapKind.User, user)))))
                        arrows.Add((aspectIds[aspect], null));
                }
                userArrows.Add((user, arrows));
            }
            var userGroups = userArrows.GroupBy(u => string.Join(";", u.Arrows.Select(a => a.To + "=" + a.Label)), StringComparer.Ordinal).ToList();
            graph.UserEdgeCount = userGroups.Sum(g => g.First().Arrows.Count);
            graph.UsersCollapsed = graph.UserEdgeCount > MaxUserEdges;
            if (graph.UsersCollapsed)
            {
                graph.UserNodes.Add(new Node("u1", MapKind.User, graph.UserNames.Count.ToString(CultureInfo.InvariantCulture) + " users\n(see the host × user table)"));
            }
            else
            {
                var userEdges = new List<Edge>();
                foreach (var members in userGroups)
                {
                    var id = "u" + (graph.UserNodes.Count + 1).ToString(CultureInfo.InvariantCulture);
                    graph.UserNodes.Add(new Node(id, MapKind.User, Label(members.Select(u => u.User).ToList(), "users")));
                    userEdges.AddRange(members.First().Arrows.Select(a => new Edge(id, a.To, a.Label)));
                }
                graph.Edges.InsertRange(0, userEdges);
            }
            graph.Edges.AddRange(includes.Select(e => new Edge(aspectIds[e.From], aspectIds[e.To], null)));

            // An aspect only some hosts include themselves has no arrow; the boxes count it, the table shows it.
            var drawn = new HashSet<string>(graph.Edges.SelectMany(e => new[] { e.From, e.To }), StringComparer.Ordinal);
            graph.ProfileNodes.RemoveAll(n => !drawn.Contains(n.Id));
            graph.FeatureNodes.RemoveAll(n => !drawn.Contains(n.Id));
            return graph;
        }

        private static IEnumerable<MapAspect> Direct(HostMap map) => map.Aspects.Where(a => a.BroughtBy.Any(s => s.Kind == MapKind.Host));

        private static string? Share(int count, int of) =>
            count == of ? null : count.ToString(CultureInfo.InvariantCulture) + " of " + of.ToString(CultureInfo.InvariantCulture);

        private static string Label(IReadOnlyList<string> names, string noun) =>
            names.Count <= NamesInFull
                ? string.Join("\n", names)
                : names.Count.ToString(CultureInfo.InvariantCulture) + " " + noun + "\n" + names[0] + ", " + names[1] + ", …, " + names[names.Count - 1];
    }
}
