using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Lux.Generators.Model;

namespace Lux.Generators.Emit
{
    /// <summary>
    /// The fleet map: nix-out/FLEET.md (a Mermaid diagram and tables) and nix-out/fleet.dot (the same diagram for
    /// Graphviz; the writer draws fleet.svg from it). Built from the hosts' <see cref="HostMap"/>s alone.
    /// The diagram stays readable at a hundred hosts by drawing groups, not hosts: hosts that include the same
    /// profiles are one box, users on the same hosts with the same aspects are one box, and each include
    /// between aspects is drawn once. The tables are complete, one row a host.
    /// </summary>
    internal static class FleetMapEmitter
    {
        public static readonly IReadOnlyList<string> Paths = new[] { FleetMapPaths.Markdown, FleetMapPaths.Dot };

        /// <summary>More arrows than this and FLEET.md draws two Mermaid diagrams (fleet.dot stays one: dot lays out big graphs well).</summary>
        private const int MaxEdgesInOneDiagram = 40;

        /// <summary>Columns per table: a wider Markdown table does not fit a page.</summary>
        private const int ColumnsPerTable = 10;

        /// <summary>What a table cell shows where the host does not have the aspect or user.</summary>
        public const string Absent = "·";

        /// <summary>What a host × aspect cell shows for an aspect the host includes itself.</summary>
        public const string Direct = "host";

        public static IEnumerable<OutputFile> Emit(IReadOnlyList<(string Name, HostMap Map)> hosts)
        {
            var graph = FleetGraph.Of(hosts);
            yield return new OutputFile(FleetMapPaths.Markdown, Markdown(hosts, graph));
            yield return new OutputFile(FleetMapPaths.Dot, Dot(graph));
        }

        private static string Markdown(IReadOnlyList<(string Name, HostMap Map)> hosts, FleetGraph graph)
        {
            var sb = new StringBuilder();
            sb.Append("# Fleet map\n\n");
            sb.Append("<!-- ").Append(FleetEmitter.Banner).Append(" -->\n\n");
            sb.Append(Count(hosts.Count, "host")).Append(", ").Append(Count(graph.UserNames.Count, "user")).Append(", ")
              .Append(Count(graph.Aspects.Count(a => a.Kind == MapKind.Profile), "profile")).Append(", ")
              .Append(Count(graph.Aspects.Count(a => a.Kind == MapKind.Feature), "feature")).Append(".\n");
            sb.Append("The same diagram drawn by Graphviz: [fleet.svg](fleet.svg), from [fleet.dot](fleet.dot) ")
              .Append("(`lux write` redraws it where `dot` is installed).\n\n");

            sb.Append("## Composition\n\n");
            sb.Append("Users → hosts → profiles → features. Hosts that include the same profiles share a box, with arrows to what ")
              .Append("all of them include; what only some include is in [Hosts × aspects](#hosts--aspects)")
              .Append(graph.UsersCollapsed ? "" : ". Users on the same hosts share a box too; a dashed arrow says on how many of the box's hosts they are").Append(".\n");
            if (graph.UsersCollapsed)
                sb.Append("The ").Append(graph.UserNames.Count.ToString(CultureInfo.InvariantCulture)).Append(" users would take ")
                  .Append(graph.UserEdgeCount.ToString(CultureInfo.InvariantCulture)).Append(" arrows: see [Hosts × users](#hosts--users) instead.\n");
            if (graph.Edges.Count <= MaxEdgesInOneDiagram)
            {
                sb.Append("\n```mermaid\n").Append(Mermaid(graph, _ => true)).Append("```\n\n");
            }
            else
            {
                // Mermaid's layout tangles a big graph in one: who has which profile, then what each profile brings.
                sb.Append("\n```mermaid\n").Append(Mermaid(graph, edge => edge.From[0] is 'u' or 'h')).Append("```\n\n");
                sb.Append("What the profiles include: each box lists the features it brings, an arrow the profiles (or features) that bring more.\n\n");
                sb.Append("```mermaid\n").Append(Mermaid(Bundles(graph), _ => true)).Append("```\n\n");
            }

            sb.Append("### Host boxes\n\n| Profiles | Hosts |\n| --- | --- |\n");
            foreach (var group in graph.HostGroups)
                sb.Append("| ").Append(Cell(group.Profiles.Count == 0 ? "(none)" : string.Join(", ", group.Profiles)))
                  .Append(" | ").Append(Cell(string.Join(", ", group.Hosts))).Append(" |\n");
            sb.Append('\n');

            sb.Append("## Hosts × aspects\n\n");
            sb.Append("Each cell says who brings the aspect to the host: `").Append(Direct).Append("` (the host includes it), the profiles or ")
              .Append("features that include it, or `user <name>` (a user's own aspect); ").Append(Absent).Append(" where the host does not have it.\n\n");
            var aspectColumns = graph.Aspects;
            Tables(sb, hosts, aspectColumns.Select(a => (a.Kind == MapKind.Profile ? a.Name + " (profile)" : a.Name, a)).ToList(),
                (host, aspect) => host.Map.Aspects.FirstOrDefault(a => a.Name == aspect.Name && a.Kind == aspect.Kind) is { } reached
                    ? string.Join(", ", reached.BroughtBy.Select(Source))
                    : Absent);

            sb.Append("## Hosts × users\n\n");
            Tables(sb, hosts, graph.UserNames.Select(u => (u, u)).ToList(), (host, user) => host.Map.Users.Contains(user) ? "✓" : Absent);

            sb.Append("## SSH recovery policy\n\n");
            var rules = Check.SshRecovery.SshRecoveryPolicy.Rules.Length;
            sb.Append("A recovery host (one with an `SshRecovery` fact) must keep all ").Append(rules.ToString(CultureInfo.InvariantCulture))
              .Append(" rules, LUX1001 to LUX1008; a failed rule blocks the build unless suppressed in the config.\n\n");
            sb.Append("| Host | Recovery host | Recovery users | Rules met | Rules failed |\n| --- | --- | --- | --- | --- |\n");
            foreach (var (name, map) in hosts)
            {
                sb.Append("| ").Append(Cell(name)).Append(" | ");
                if (map.RecoveryHost)
                    sb.Append("yes | ").Append(Cell(map.RecoveryUsers.Count == 0 ? "(none)" : string.Join(", ", map.RecoveryUsers))).Append(" | ")
                      .Append((rules - map.FailedRules.Count).ToString(CultureInfo.InvariantCulture)).Append('/').Append(rules.ToString(CultureInfo.InvariantCulture))
                      .Append(" | ").Append(map.FailedRules.Count == 0 ? "" : string.Join(", ", map.FailedRules)).Append(" |\n");
                else
                    sb.Append("no |  | — |  |\n");
            }
            return sb.ToString();
        }

        /// <summary>A host × column matrix, split into tables of <see cref="ColumnsPerTable"/> columns.</summary>
        private static void Tables<T>(StringBuilder sb, IReadOnlyList<(string Name, HostMap Map)> hosts, IReadOnlyList<(string Header, T Column)> columns,
            Func<(string Name, HostMap Map), T, string> cell)
        {
            if (columns.Count == 0)
            {
                sb.Append("(none)\n\n");
                return;
            }
            var pages = (columns.Count + ColumnsPerTable - 1) / ColumnsPerTable;
            for (var page = 0; page < pages; page++)
            {
                var slice = columns.Skip(page * ColumnsPerTable).Take(ColumnsPerTable).ToList();
                if (pages > 1)
                    sb.Append("Columns ").Append((page * ColumnsPerTable + 1).ToString(CultureInfo.InvariantCulture)).Append('–')
                      .Append((page * ColumnsPerTable + slice.Count).ToString(CultureInfo.InvariantCulture)).Append(" of ")
                      .Append(columns.Count.ToString(CultureInfo.InvariantCulture)).Append(":\n\n");
                sb.Append("| Host |");
                foreach (var (header, _) in slice)
                    sb.Append(' ').Append(Cell(header)).Append(" |");
                sb.Append("\n| --- |");
                foreach (var _ in slice)
                    sb.Append(" :-: |");
                sb.Append('\n');
                foreach (var host in hosts)
                {
                    sb.Append("| ").Append(Cell(host.Name)).Append(" |");
                    foreach (var (_, column) in slice)
                        sb.Append(' ').Append(Cell(cell(host, column))).Append(" |");
                    sb.Append('\n');
                }
                sb.Append('\n');
            }
        }

        private static string Source(MapSource source) => source.Kind switch
        {
            MapKind.Host => Direct,
            MapKind.User => "user " + source.Name,
            _ => source.Name,
        };

        /// <summary>A diagram of the edges <paramref name="drawn"/> picks and the nodes they join (all nodes when it picks all).</summary>
        private static string Mermaid(FleetGraph graph, Func<FleetGraph.Edge, bool> drawn)
        {
            var edges = graph.Edges.Where(drawn).ToList();
            var all = edges.Count == graph.Edges.Count;
            var joined = new HashSet<string>(edges.SelectMany(e => new[] { e.From, e.To }), StringComparer.Ordinal);
            // Users and hosts are drawn even without arrows (the users' one box when they are too many to draw).
            joined.UnionWith(graph.UserNodes.Concat(graph.HostNodes).Where(_ => edges.Any(e => e.From[0] is 'u' or 'h')).Select(n => n.Id));
            var sb = new StringBuilder("flowchart LR\n");
            sb.Append("  classDef user fill:#fdf2d0,stroke:#b08800\n")
              .Append("  classDef host fill:#dbeafe,stroke:#1d4ed8\n")
              .Append("  classDef profile fill:#ede9fe,stroke:#6d28d9\n")
              .Append("  classDef feature fill:#dcfce7,stroke:#15803d\n");
            foreach (var (title, clusterNodes) in graph.Clusters())
            {
                var nodes = clusterNodes.Where(n => all || joined.Contains(n.Id)).ToList();
                if (nodes.Count == 0)
                    continue;
                // As in fleet.dot, features are not boxed in: a box of forty would stack them and loop every arrow round it.
                var boxed = title != "Features";
                if (boxed)
                    sb.Append("  subgraph ").Append(title.ToLowerInvariant()).Append(" [\"").Append(title).Append("\"]\n");
                foreach (var node in nodes)
                {
                    var (open, close) = node.Kind switch
                    {
                        MapKind.User => ("([", "])"),
                        MapKind.Host => ("[", "]"),
                        MapKind.Profile => ("[[", "]]"),
                        _ => ("(", ")"),
                    };
                    sb.Append("    ").Append(node.Id).Append(open).Append('"').Append(MermaidText(node.Label)).Append('"').Append(close)
                      .Append(":::").Append(node.Kind.ToString().ToLowerInvariant()).Append('\n');
                }
                if (boxed)
                    sb.Append("  end\n").Append("  style ").Append(title.ToLowerInvariant()).Append(" fill:#f9fafb,stroke:#d1d5db\n");
            }
            foreach (var edge in edges)
            {
                sb.Append("  ").Append(edge.From);
                sb.Append(edge.Label is null ? " --> " : " -.->|\"" + MermaidText(edge.Label) + "\"| ");
                sb.Append(edge.To).Append('\n');
            }
            return sb.ToString();
        }

        private static string Dot(FleetGraph graph)
        {
            var sb = new StringBuilder();
            sb.Append("// The fleet map for Graphviz (dot -Tsvg); FLEET.md holds the same as Mermaid. ").Append(FleetEmitter.Banner).Append('\n');
            sb.Append("digraph fleet {\n")
              .Append("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, nodesep=0.2, ranksep=1.1, newrank=true];\n")
              .Append("  node [fontname=\"Helvetica\", fontsize=11, style=filled, penwidth=1.2];\n")
              .Append("  edge [color=\"#6b7280\", fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n");
            foreach (var (title, nodes) in graph.Clusters())
            {
                if (nodes.Count == 0)
                    continue;
                // Features are not boxed in: unboxed, dot ranks each by who includes it, and the arrows stay short.
                if (title == "Features")
                    sb.Append("  subgraph features {\n");
                else
                    sb.Append("  subgraph cluster_").Append(title.ToLowerInvariant()).Append(" {\n")
                      .Append("    label=").Append(DotText(title)).Append("; style=rounded; color=\"#d1d5db\";\n");
                foreach (var node in nodes)
                {
                    var style = node.Kind switch
                    {
                        MapKind.User => "shape=ellipse, fillcolor=\"#fdf2d0\", color=\"#b08800\"",
                        MapKind.Host => "shape=box, fillcolor=\"#dbeafe\", color=\"#1d4ed8\"",
                        MapKind.Profile => "shape=box, style=\"filled,rounded\", fillcolor=\"#ede9fe\", color=\"#6d28d9\"",
                        _ => "shape=box, style=\"filled,rounded\", fillcolor=\"#dcfce7\", color=\"#15803d\"",
                    };
                    sb.Append("    ").Append(node.Id).Append(" [label=").Append(DotText(node.Label)).Append(", ").Append(style).Append("];\n");
                }
                sb.Append("  }\n");
            }
            foreach (var edge in graph.Edges)
            {
                sb.Append("  ").Append(edge.From).Append(" -> ").Append(edge.To);
                if (edge.Label is not null)
                    sb.Append(" [style=dashed, label=").Append(DotText(edge.Label)).Append(']');
                sb.Append(";\n");
            }
            sb.Append("}\n");
            return sb.ToString();
        }

        /// <summary>
        /// The includes between aspects with every feature that includes nothing written into its includer's box, so
        /// forty features are not forty boxes in one column: only aspects that include something are boxes.
        /// </summary>
        private static FleetGraph Bundles(FleetGraph graph)
        {
            var includes = graph.Edges.Where(e => e.From[0] is 'p' or 'f').ToList();
            var includers = new HashSet<string>(includes.Select(e => e.From), StringComparer.Ordinal);
            var names = graph.ProfileNodes.Concat(graph.FeatureNodes).ToDictionary(n => n.Id, n => n.Label, StringComparer.Ordinal);
            var bundles = FleetGraph.Empty();
            foreach (var node in graph.ProfileNodes.Concat(graph.FeatureNodes).Where(n => includers.Contains(n.Id)))
            {
                var leaves = includes.Where(e => e.From == node.Id && !includers.Contains(e.To)).Select(e => names[e.To]).ToList();
                var lines = Enumerable.Range(0, (leaves.Count + 2) / 3).Select(i => string.Join(", ", leaves.Skip(i * 3).Take(3)));
                var label = leaves.Count == 0 ? node.Label : node.Label + "\n" + string.Join("\n", lines);
                (node.Kind == MapKind.Profile ? bundles.ProfileNodes : bundles.FeatureNodes).Add(node with { Label = label });
            }
            bundles.Edges.AddRange(includes.Where(e => includers.Contains(e.To)));
            return bundles;
        }

        private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

        private static string Cell(string text) => text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\n", " ");

        /// <summary>Mermaid's quoted labels take entity codes for quotes; a line break is &lt;br/&gt;.</summary>
        private static string MermaidText(string text) =>
            text.Replace("&", "#amp;").Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;").Replace("\n", "<br/>");

        private static string DotText(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
    }
}
