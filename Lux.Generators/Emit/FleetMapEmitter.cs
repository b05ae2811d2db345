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
    /// The diagram stays readable at a hundred hosts by drawing groups, not hosts (see <see cref="FleetGraph"/>):
    /// hosts that include the same profiles are one box, users on the same hosts with the same aspects are one
    /// box, what every host includes is one arrow from a box of all hosts, and each include between aspects is drawn
    /// once. The tables are complete, one row a host.
    /// </summary>
    internal static class FleetMapEmitter
    {
        public static readonly IReadOnlyList<string> Paths = new[] { FleetMapPaths.Markdown, FleetMapPaths.Dot };

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
              .Append("all of them include").Append(graph.HostNodes.Any(n => n.All) ? ", and the dashed box of all hosts has arrows to what every host includes" : "")
              .Append("; what only some include is in ")
              .Append("[Hosts × aspects](#hosts--aspects)")
              .Append(graph.UsersCollapsed ? "" : ". Users on the same hosts share a box too; a dashed arrow says on how many of the box's hosts they are").Append(".\n");
            if (graph.UsersCollapsed)
                sb.Append("The ").Append(graph.UserNames.Count.ToString(CultureInfo.InvariantCulture)).Append(" users would take ")
                  .Append(graph.UserEdgeCount.ToString(CultureInfo.InvariantCulture)).Append(" arrows, so they are one box: see [Hosts × users](#hosts--users) for who is where.\n");
            if (graph.FeaturesListed > 0)
                sb.Append(Count(graph.FeaturesListed, "feature")).Append(" that only profiles or features include ")
                  .Append(graph.FeaturesListed == 1 ? "is" : "are").Append(" written into the boxes that include them.\n");
            sb.Append("\n```mermaid\n").Append(Mermaid(graph)).Append("```\n\n");

            sb.Append("### Host boxes\n\n| Profiles | Hosts |\n| --- | --- |\n");
            foreach (var group in graph.HostGroups)
                sb.Append("| ").Append(Cell(group.Profiles.Count == 0 ? "(none)" : string.Join(", ", group.Profiles)))
                  .Append(" | ").Append(Cell(string.Join(", ", group.Hosts))).Append(" |\n");
            sb.Append('\n');

            sb.Append("## Hosts × aspects\n\n");
            sb.Append("Each cell says who brings the aspect to the host: `").Append(Direct).Append("` (the host includes it), the profiles or ")
              .Append("features that include it, or `user <name>` (a user's own aspect); ").Append(Absent).Append(" where the host does not have it.\n\n");
            var aspectColumns = graph.Aspects;
            // One lookup per host, not a scan per cell: the table is hosts × aspects cells.
            var reached = hosts.ToDictionary(h => h.Name, h => h.Map.Aspects.ToDictionary(a => new FleetGraph.AspectColumn(a.Name, a.Kind)), StringComparer.Ordinal);
            Tables(sb, hosts, aspectColumns.Select(a => (a.Kind == MapKind.Profile ? a.Name + " (profile)" : a.Name, a)).ToList(),
                (host, aspect) => reached[host.Name].TryGetValue(aspect, out var brought)
                    ? string.Join(", ", brought.BroughtBy.Select(Source))
                    : Absent);

            sb.Append("## Hosts × users\n\n");
            if (graph.UserNames.Count <= ColumnsPerTable)
            {
                var users = hosts.ToDictionary(h => h.Name, h => new HashSet<string>(h.Map.Users, StringComparer.Ordinal), StringComparer.Ordinal);
                Tables(sb, hosts, graph.UserNames.Select(u => (u, u)).ToList(), (host, user) => users[host.Name].Contains(user) ? "✓" : Absent);
            }
            else
            {
                // More users than a table has columns: a matrix would be pages of empty cells, hosts × users of them
                // (a hundred thousand at a thousand hosts); the list grows with the fleet, not with its square.
                sb.Append("| Host | Users |\n| --- | --- |\n");
                foreach (var (name, map) in hosts)
                    sb.Append("| ").Append(Cell(name)).Append(" | ").Append(Cell(string.Join(", ", map.Users.OrderBy(u => u, StringComparer.Ordinal)))).Append(" |\n");
                sb.Append('\n');
            }

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

        private static string Mermaid(FleetGraph graph)
        {
            var sb = new StringBuilder("flowchart LR\n");
            sb.Append("  classDef user fill:#fdf2d0,stroke:#b08800\n")
              .Append("  classDef host fill:#dbeafe,stroke:#1d4ed8\n")
              .Append("  classDef all fill:#eff6ff,stroke:#1d4ed8,stroke-dasharray:5 3\n")
              .Append("  classDef profile fill:#ede9fe,stroke:#6d28d9\n")
              .Append("  classDef feature fill:#dcfce7,stroke:#15803d\n");
            foreach (var (title, nodes) in graph.Clusters())
            {
                if (nodes.Count == 0)
                    continue;
                // As in fleet.dot, features are not boxed in: a box of them would stack them and loop every arrow round it.
                // Nor is one box: its frame says nothing, and Mermaid stretches it to the height of its arrows.
                var boxed = title != "Features" && nodes.Count > 1;
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
                      .Append(":::").Append(node.All ? "all" : node.Kind.ToString().ToLowerInvariant()).Append('\n');
                }
                if (boxed)
                    sb.Append("  end\n").Append("  style ").Append(title.ToLowerInvariant()).Append(" fill:#f9fafb,stroke:#d1d5db\n");
            }
            foreach (var edge in graph.Edges)
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
              .Append("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, nodesep=0.2, ranksep=0.9, newrank=true];\n")
              .Append("  node [fontname=\"Helvetica\", fontsize=11, style=filled, penwidth=1.2];\n")
              .Append("  edge [color=\"#6b7280\", fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n");
            foreach (var (title, nodes) in graph.Clusters())
            {
                if (nodes.Count == 0)
                    continue;
                // Features are not boxed in: unboxed, dot ranks each by who includes it, and the arrows stay short. Nor is one box.
                if (title == "Features" || nodes.Count == 1)
                    sb.Append("  subgraph ").Append(title.ToLowerInvariant()).Append(" {\n");
                else
                    sb.Append("  subgraph cluster_").Append(title.ToLowerInvariant()).Append(" {\n")
                      .Append("    label=").Append(DotText(title)).Append("; style=rounded; color=\"#d1d5db\";\n");
                foreach (var node in nodes)
                {
                    var style = node.Kind switch
                    {
                        MapKind.User => "shape=ellipse, fillcolor=\"#fdf2d0\", color=\"#b08800\"",
                        MapKind.Host when node.All => "shape=box, style=\"filled,dashed\", fillcolor=\"#eff6ff\", color=\"#1d4ed8\"",
                        MapKind.Host => "shape=box, fillcolor=\"#dbeafe\", color=\"#1d4ed8\"",
                        MapKind.Profile => "shape=box, style=\"filled,rounded\", fillcolor=\"#ede9fe\", color=\"#6d28d9\"",
                        _ => "shape=box, style=\"filled,rounded\", fillcolor=\"#dcfce7\", color=\"#15803d\"",
                    };
                    sb.Append("    ").Append(node.Id).Append(" [label=").Append(DotText(node.Label)).Append(", ").Append(style).Append("];\n");
                }
                // Users, and hosts, in one column each: a box with no arrow in would otherwise drift toward its targets.
                if (title is "Users" or "Hosts" && nodes.Count > 1)
                    sb.Append("    { rank=same; ").Append(string.Join("; ", nodes.Select(n => n.Id))).Append("; }\n");
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

        private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

        private static string Cell(string text) => text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\n", " ");

        /// <summary>Mermaid's quoted labels take entity codes for quotes; a line break is &lt;br/&gt;.</summary>
        private static string MermaidText(string text) =>
            text.Replace("&", "#amp;").Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;").Replace("\n", "<br/>");

        private static string DotText(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
    }
}
