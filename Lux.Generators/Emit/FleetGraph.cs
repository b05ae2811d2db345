using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Lux.Generators.Emit
{
    /// <summary>
    /// The fleet map's diagram, drawn in groups (see <see cref="FleetMapEmitter"/>): one box per set of hosts that
    /// include the same profiles, one per set of users on the same boxes with the same own aspects, one per
    /// aspect, and each include once. What every host includes is one arrow from a box for all hosts. Every list is in
    /// a fixed order, so the same fleet draws the same text. Built in one pass over the hosts, with lookups
    /// instead of scans: the fleet map runs whenever a host's composition changes, at a thousand hosts too.
    /// </summary>
    internal sealed class FleetGraph
    {
        /// <summary>The box that stands for every host: arrows from it are what every host includes.</summary>
        public const string AllHosts = "h0";

        /// <summary>More user arrows than this and the users are one box, with one arrow to all hosts.</summary>
        public const int MaxUserEdges = 24;

        /// <summary>
        /// More feature boxes than this and a feature that only profiles or features include (and that includes
        /// nothing) is written into the box of each aspect that includes it: forty boxes in one column are a wall.
        /// </summary>
        public const int MaxFeatureBoxes = 12;

        /// <summary>Names a box lists in full; a bigger group shows its count and the first two names.</summary>
        private const int NamesInFull = 3;

        /// <summary>Names per line of a box that lists the features it brings: Mermaid wraps a line wider than 200 px.</summary>
        private const int NamesPerLine = 2;

        /// <param name="All">True for the box of all hosts (<see cref="AllHosts"/>), drawn dashed.</param>
        public sealed record Node(string Id, MapKind Kind, string Label, bool All = false);

        /// <summary>An arrow; a label says how many of the box's members it holds for ("3 of 10"), null when all.</summary>
        public sealed record Edge(string From, string To, string? Label);

        public sealed record HostGroup(string Id, IReadOnlyList<string> Profiles, IReadOnlyList<string> Hosts);

        public sealed record AspectColumn(string Name, MapKind Kind);

        private FleetGraph()
        {
        }

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

        /// <summary>How many features are written into their includers' boxes rather than drawn (see <see cref="MaxFeatureBoxes"/>).</summary>
        public int FeaturesListed { get; private set; }

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
            var order = new Dictionary<AspectColumn, int>();
            foreach (var aspect in graph.Aspects)
            {
                var profile = aspect.Kind == MapKind.Profile;
                var nodes = profile ? graph.ProfileNodes : graph.FeatureNodes;
                var id = (profile ? "p" : "f") + (nodes.Count + 1).ToString(CultureInfo.InvariantCulture);
                aspectIds[aspect] = id;
                order[aspect] = order.Count;
                nodes.Add(new Node(id, aspect.Kind, aspect.Name));
            }

            // What each host includes itself, and in how many hosts each such aspect is.
            var direct = hosts.Select(h => h.Map.Aspects.Where(a => a.BroughtBy.Any(s => s.Kind == MapKind.Host)).Select(a => new AspectColumn(a.Name, a.Kind)).ToList()).ToList();
            var everywhere = new Dictionary<AspectColumn, int>();
            foreach (var aspect in direct.SelectMany(d => d))
                everywhere[aspect] = everywhere.TryGetValue(aspect, out var n) ? n + 1 : 1;

            // Hosts that include the same profiles themselves share a box.
            var groupOf = new int[hosts.Count];
            var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var members = new List<List<int>>();
            for (var h = 0; h < hosts.Count; h++)
            {
                var key = string.Join("\n", direct[h].Where(a => a.Kind == MapKind.Profile).Select(a => a.Name));
                if (!groupIndex.TryGetValue(key, out var g))
                {
                    groupIndex[key] = g = members.Count;
                    members.Add(new List<int>());
                    var id = "h" + (g + 1).ToString(CultureInfo.InvariantCulture);
                    graph.HostGroups.Add(new HostGroup(id, key.Length == 0 ? Array.Empty<string>() : key.Split('\n'), new List<string>()));
                }
                groupOf[h] = g;
                members[g].Add(h);
                ((List<string>)graph.HostGroups[g].Hosts).Add(hosts[h].Name);
            }

            // What every host includes is one arrow from a box of all hosts, when that box and its arrows are fewer
            // than an arrow from each host box (two boxes and one shared feature are drawn as they are).
            var fromAll = graph.Aspects.Where(a => everywhere.TryGetValue(a, out var n) && n == hosts.Count).ToList();
            if (fromAll.Count * graph.HostGroups.Count <= fromAll.Count + 1)
                fromAll.Clear();
            graph.Edges.AddRange(fromAll.Select(a => new Edge(AllHosts, aspectIds[a], null)));
            var drawnFromAll = new HashSet<AspectColumn>(fromAll);

            for (var g = 0; g < members.Count; g++)
            {
                var group = graph.HostGroups[g];
                var including = new Dictionary<AspectColumn, int>();
                foreach (var aspect in members[g].SelectMany(h => direct[h]))
                    including[aspect] = including.TryGetValue(aspect, out var n) ? n + 1 : 1;
                // An aspect only some of the box's hosts include (never a profile: those make the box) is left to the
                // table, and the box says how many there are: a hundred hosts' own features would be a web of arrows.
                var own = 0;
                foreach (var pair in including.OrderBy(p => order[p.Key]))
                {
                    if (pair.Value < members[g].Count)
                        own++;
                    else if (!drawnFromAll.Contains(pair.Key))
                        graph.Edges.Add(new Edge(group.Id, aspectIds[pair.Key], null));
                }
                var label = Label(group.Hosts, "hosts");
                if (own > 0)
                    label += "\n+ " + own.ToString(CultureInfo.InvariantCulture) + " feature" + (own == 1 ? "" : "s") + " on some";
                graph.HostNodes.Add(new Node(group.Id, MapKind.Host, label));
            }

            // Each include between aspects once, whichever hosts it is on.
            var includes = hosts.SelectMany(h => h.Map.Aspects)
                .SelectMany(a => a.BroughtBy.Where(s => s.Kind is MapKind.Profile or MapKind.Feature)
                    .Select(s => (From: new AspectColumn(s.Name, s.Kind), To: new AspectColumn(a.Name, a.Kind))))
                .Distinct().Where(e => order.ContainsKey(e.From) && order.ContainsKey(e.To))
                .OrderBy(e => order[e.From]).ThenBy(e => order[e.To]).ToList();

            // Users: on how many hosts of each box, and which aspects they bring themselves.
            graph.UserNames.AddRange(hosts.SelectMany(h => h.Map.Users).Distinct().OrderBy(n => n, StringComparer.Ordinal));
            var onHosts = graph.UserNames.ToDictionary(u => u, _ => new SortedDictionary<int, int>(), StringComparer.Ordinal);
            var brought = graph.UserNames.ToDictionary(u => u, _ => new SortedSet<int>(), StringComparer.Ordinal);
            for (var h = 0; h < hosts.Count; h++)
            {
                foreach (var user in hosts[h].Map.Users)
                    onHosts[user][groupOf[h]] = onHosts[user].TryGetValue(groupOf[h], out var n) ? n + 1 : 1;
                foreach (var aspect in hosts[h].Map.Aspects)
                {
                    foreach (var source in aspect.BroughtBy)
                    {
                        if (source.Kind == MapKind.User && brought.TryGetValue(source.Name, out var aspects))
                            aspects.Add(order[new AspectColumn(aspect.Name, aspect.Kind)]);
                    }
                }
            }
            var userArrows = graph.UserNames.Select(user => (User: user, Arrows:
                onHosts[user].Select(p => (To: graph.HostGroups[p.Key].Id, Label: Share(p.Value, members[p.Key].Count)))
                    .Concat(brought[user].Select(i => (To: aspectIds[graph.Aspects[i]], Label: (string?)null))).ToList())).ToList();
            // Users on the same boxes, bringing the same aspects of their own, share a box.
            var userGroups = userArrows.GroupBy(u => string.Join(";", u.Arrows.Select(a => a.To + "=" + a.Label)), StringComparer.Ordinal).ToList();
            graph.UserEdgeCount = userGroups.Sum(g => g.First().Arrows.Count);
            graph.UsersCollapsed = graph.UserEdgeCount > MaxUserEdges;
            var userEdges = new List<Edge>();
            if (graph.UsersCollapsed)
            {
                // One box for them all: an arrow to every host, and one to each aspect some of them bring, saying how many.
                var perHost = hosts.Select(h => h.Map.Users.Count).DefaultIfEmpty(0).ToList();
                var (fewest, most) = (perHost.Min(), perHost.Max());
                graph.UserNodes.Add(new Node("u1", MapKind.User, Count(graph.UserNames.Count, "user") + "\n" +
                    (fewest == most ? fewest.ToString(CultureInfo.InvariantCulture) : fewest.ToString(CultureInfo.InvariantCulture) + " to " + most.ToString(CultureInfo.InvariantCulture)) +
                    " on each host"));
                userEdges.Add(new Edge("u1", graph.HostNodes.Count == 1 ? graph.HostNodes[0].Id : AllHosts, null));
                userEdges.AddRange(brought.SelectMany(b => b.Value).GroupBy(i => i).OrderBy(g => g.Key)
                    .Select(g => new Edge("u1", aspectIds[graph.Aspects[g.Key]], Share(g.Count(), graph.UserNames.Count) is { } share ? share + " users" : null)));
            }
            else
            {
                foreach (var group in userGroups)
                {
                    var id = "u" + (graph.UserNodes.Count + 1).ToString(CultureInfo.InvariantCulture);
                    graph.UserNodes.Add(new Node(id, MapKind.User, Label(group.Select(u => u.User).ToList(), "users")));
                    userEdges.AddRange(group.First().Arrows.Select(a => new Edge(id, a.To, a.Label)));
                }
            }
            graph.Edges.InsertRange(0, userEdges);
            graph.Edges.AddRange(includes.Select(e => new Edge(aspectIds[e.From], aspectIds[e.To], null)));

            // An aspect only some hosts include themselves has no arrow; the boxes count it, the table shows it.
            var drawn = new HashSet<string>(graph.Edges.SelectMany(e => new[] { e.From, e.To }), StringComparer.Ordinal);
            graph.ProfileNodes.RemoveAll(n => !drawn.Contains(n.Id));
            graph.FeatureNodes.RemoveAll(n => !drawn.Contains(n.Id));
            if (graph.FeatureNodes.Count > MaxFeatureBoxes)
                graph.ListLeafFeatures();
            if (drawn.Contains(AllHosts))
                graph.HostNodes.Insert(0, new Node(AllHosts, MapKind.Host, hosts.Count == 2 ? "both hosts" : "all " + Count(hosts.Count, "host"), All: true));
            return graph;
        }

        /// <summary>
        /// Writes each feature that only aspects include, and that includes nothing, into its includers' boxes
        /// (three names a line), and drops its box and arrows.
        /// </summary>
        private void ListLeafFeatures()
        {
            var includers = new HashSet<string>(Edges.Select(e => e.From), StringComparer.Ordinal);
            var pointedAtByOthers = new HashSet<string>(Edges.Where(e => e.From[0] is not ('p' or 'f')).Select(e => e.To), StringComparer.Ordinal);
            var leaves = FeatureNodes.Where(n => !includers.Contains(n.Id) && !pointedAtByOthers.Contains(n.Id)).ToDictionary(n => n.Id, n => n.Label, StringComparer.Ordinal);
            var listed = Edges.Where(e => leaves.ContainsKey(e.To)).GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => leaves[e.To]).ToList(), StringComparer.Ordinal);
            foreach (var nodes in new[] { ProfileNodes, FeatureNodes })
            {
                for (var i = 0; i < nodes.Count; i++)
                {
                    if (listed.TryGetValue(nodes[i].Id, out var names))
                        nodes[i] = nodes[i] with { Label = nodes[i].Label + "\n" + string.Join(",\n", Lines(names)) };
                }
            }
            FeatureNodes.RemoveAll(n => leaves.ContainsKey(n.Id));
            Edges.RemoveAll(e => leaves.ContainsKey(e.To));
            FeaturesListed = leaves.Count;
        }

        private static IEnumerable<string> Lines(IReadOnlyList<string> names)
        {
            for (var i = 0; i < names.Count; i += NamesPerLine)
                yield return string.Join(", ", names.Skip(i).Take(NamesPerLine));
        }

        private static string? Share(int count, int of) =>
            count == of ? null : count.ToString(CultureInfo.InvariantCulture) + " of " + of.ToString(CultureInfo.InvariantCulture);

        private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

        /// <summary>A box's names: all of them when few, else the count and the first two (a Mermaid box wraps a longer line).</summary>
        private static string Label(IReadOnlyList<string> names, string noun) =>
            names.Count <= NamesInFull
                ? string.Join("\n", names)
                : names.Count.ToString(CultureInfo.InvariantCulture) + " " + noun + "\n" + names[0] + ", " + names[1] + ", …";
    }
}
