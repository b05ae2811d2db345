using System.Text.RegularExpressions;
using Lux.Generators.Emit;
using Lux.Generators.Model;
using Lux.Generators.Parse;
using Lux.Generators.Resolve;
using Lux.Generators.Steps;
using Lux.Tests.Generator;

namespace Lux.Tests.FleetMap;

/// <summary>nix-out/FLEET.md and fleet.dot: the tables say what the compiler resolved and what the host modules define.</summary>
public sealed class FleetMapTests
{
    private const string Aspects = "Hosts × aspects";
    private const string Users = "Hosts × users";
    private const string Policy = "SSH recovery policy";

    [Fact]
    public void Every_host_by_aspect_cell_agrees_with_the_resolved_composition()
    {
        var run = ExampleFleet.Run();
        var cells = FleetMapTable.Read(run.Files[FleetMapPaths.Markdown], Aspects);
        var fleet = Resolve(run);

        fleet.Hosts.Select(h => h.Name).Should().BeEquivalentTo("polaris", "zenith", "orion");
        var aspects = fleet.Declarations.Where(d => d.Kind is DeclarationKind.Profile or DeclarationKind.Feature).ToList();
        cells.Keys.Select(k => k.Host).Distinct().Should().BeEquivalentTo(fleet.Hosts.Select(h => h.Name));
        foreach (var host in fleet.Hosts)
        {
            foreach (var aspect in aspects)
            {
                var column = aspect.Kind == DeclarationKind.Profile ? aspect.DisplayName + " (profile)" : aspect.DisplayName;
                var reached = host.Aspects.Any(a => a.TypeName == aspect.TypeName);
                cells.Should().ContainKey((host.Name, column));
                var cell = cells[(host.Name, column)];
                if (!reached)
                {
                    cell.Should().Be(FleetMapEmitter.Absent, host.Name + " does not reach " + column);
                    continue;
                }
                // Who brings it, as the composition says: the host itself, a user, or an including aspect.
                var expected = host.IncludeEdges.Where(e => e.Included.TypeName == aspect.TypeName)
                    .Select(e => e.Includer.Spec!.Kind switch
                    {
                        DeclarationKind.Host => (0, FleetMapEmitter.Direct),
                        DeclarationKind.User => (1, "user " + host.UserNames[host.Users.IndexOf(e.Includer)]),
                        DeclarationKind.Profile => (2, e.Includer.DisplayName),
                        _ => (3, e.Includer.DisplayName),
                    }).Distinct().OrderBy(s => s.Item1).ThenBy(s => s.Item2, StringComparer.Ordinal).Select(s => s.Item2);
                cell.Should().Be(string.Join(", ", expected), host.Name + " × " + column);
            }
        }
        cells[("polaris", "Niri")].Should().Be("Graphical");
        cells[("orion", "Graphical (profile)")].Should().Be(FleetMapEmitter.Absent);
        cells[("orion", "PrimaryUser")].Should().Be("user kiri");
        cells[("zenith", "Ssh")].Should().Be("Development");
    }

    /// <summary>Against the generated Nix itself: a feature that defines options is reached exactly where the host's files trace a definition to its file.</summary>
    [Fact]
    public void Every_feature_cell_agrees_with_the_definitions_in_the_hosts_nix_out()
    {
        var run = ExampleFleet.Run();
        var cells = FleetMapTable.Read(run.Files[FleetMapPaths.Markdown], Aspects);
        var features = ExampleFleet.Sources().Where(s => s.Text.Contains("[Feature]", StringComparison.Ordinal))
            .Select(s => (Name: Path.GetFileNameWithoutExtension(s.Path), File: "Features/" + Path.GetFileName(s.Path), Defines: s.Text.Contains("[Per", StringComparison.Ordinal)))
            .ToList();
        features.Should().HaveCountGreaterThan(4);
        var checkedCells = 0;
        foreach (var host in cells.Keys.Select(k => k.Host).Distinct())
        {
            var nix = string.Concat(run.Files.Where(f => f.Key.StartsWith("hosts/" + host + "/", StringComparison.Ordinal)).Select(f => f.Value));
            foreach (var feature in features.Where(f => f.Defines))
            {
                var traced = nix.Contains("# " + feature.File + ":", StringComparison.Ordinal);
                (cells[(host, feature.Name)] != FleetMapEmitter.Absent).Should().Be(traced, $"{host} × {feature.Name}: the host's nix-out {(traced ? "has" : "has no")} a definition from {feature.File}");
                checkedCells++;
            }
        }
        checkedCells.Should().Be(3 * features.Count(f => f.Defines));
    }

    [Fact]
    public void Every_host_by_user_cell_agrees_with_the_host_modules()
    {
        var run = ExampleFleet.Run();
        var cells = FleetMapTable.Read(run.Files[FleetMapPaths.Markdown], Users);
        cells.Should().HaveCount(3 * 2);
        foreach (var ((host, user), cell) in cells)
        {
            var home = run.Files.ContainsKey("hosts/" + host + "/home/" + user + ".nix");
            cell.Should().Be(home ? "✓" : FleetMapEmitter.Absent, host + " × " + user);
        }
        cells[("orion", "ergon")].Should().Be(FleetMapEmitter.Absent);
    }

    [Fact]
    public void The_policy_table_names_the_recovery_host_and_the_rules_it_fails()
    {
        var clean = FleetMapTable.Read(ExampleFleet.Run().Files[FleetMapPaths.Markdown], Policy);
        clean[("orion", "Recovery host")].Should().Be("yes");
        clean[("orion", "Recovery users")].Should().Be("kiri");
        clean[("orion", "Rules met")].Should().Be("8/8");
        clean[("orion", "Rules failed")].Should().BeEmpty();
        clean[("polaris", "Recovery host")].Should().Be("no");
        clean[("polaris", "Rules met")].Should().Be("—");

        // Orion allowing passwords breaks LUX1002; the map (written when the finding is suppressed) says so.
        var sources = ExampleFleet.Sources().Select(s => s.Path.EndsWith("OpenSsh.cs", StringComparison.Ordinal)
            ? (s.Path, s.Text.Replace("PasswordAuthentication = false", "PasswordAuthentication = true"))
            : s);
        var broken = LuxRun.Of(sources, ExampleFleet.NixFiles(), ExampleFleet.ProjectDirectory);
        broken.ManifestErrors.Should().Contain(e => e.Contains("LUX1002", StringComparison.Ordinal));
        var policy = FleetMapTable.Read(broken.Files[FleetMapPaths.Markdown], Policy);
        policy[("orion", "Rules met")].Should().Be("7/8");
        policy[("orion", "Rules failed")].Should().Be("LUX1002");
    }

    [Fact]
    public void The_map_is_the_same_on_every_run_and_is_committed_as_built()
    {
        var first = ExampleFleet.Run().Files;
        var second = ExampleFleet.Run().Files;
        foreach (var path in FleetMapEmitter.Paths)
        {
            second[path].Should().Be(first[path]);
            File.ReadAllText(Repository.Path("nix-out", path)).Should().Be(first[path], "nix-out/" + path + " is committed as dotnet build writes it");
        }
    }

    [Fact]
    public void Hosts_that_include_the_same_profiles_share_one_box_in_both_diagrams()
    {
        var files = ExampleFleet.Run().Files;
        var mermaid = Regex.Match(files[FleetMapPaths.Markdown], "```mermaid\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        mermaid.Should().StartWith("flowchart LR\n");
        mermaid.Should().Contain("h1[\"orion\"]:::host").And.Contain("h2[\"polaris<br/>zenith\"]:::host");
        mermaid.Should().Contain("u2 --> h1\n").And.Contain("h2 --> p2\n").And.Contain("p2 --> f3\n");
        files[FleetMapPaths.Dot].Should().Contain("h2 [label=\"polaris\\nzenith\"").And.Contain("  u2 -> h1;\n");
    }

    /// <summary>Forty hosts in two boxes: the diagram draws boxes, counts what only some hosts include, and leaves many users to the table.</summary>
    [Fact]
    public void A_big_fleet_is_drawn_in_groups_and_tabled_in_full()
    {
        var sources = new List<string>
        {
            "[Feature] public sealed record Base : Feature { [PerHost] void On(NixOS os) => os.Networking.Firewall.Enable = true; }",
            "[Feature] public sealed record Extra : Feature { [PerHost] void On(NixOS os) => os.Services.OpenSsh.Enable = true; }",
            "[Profile] public sealed record Web : Profile { public override Aspects Includes => [new Base()]; }",
            "[Profile] public sealed record Db : Profile { public override Aspects Includes => [new Base()]; }",
        };
        for (var u = 0; u < 30; u++)
            sources.Add($"[User] public sealed record U{u:00} : User {{ }}");
        for (var h = 0; h < 40; h++)
        {
            var includes = (h % 2 == 0 ? "new Web()" : "new Db()") + (h % 4 == 1 ? ", new Extra()" : "");
            sources.Add($"[Host] public sealed record H{h:00} : Host {{ public override string StateVersion => \"25.11\"; " +
                $"public override Users Users => [new U{h % 30:00}(), new U{(h + 7) % 30:00}()]; public override Aspects Includes => [{includes}]; }}");
        }
        var run = LuxRun.Of(sources.ToArray());
        run.ManifestErrors.Should().BeEmpty();
        var markdown = run.Files[FleetMapPaths.Markdown];

        markdown.Should().Contain("40 hosts, 30 users, 2 profiles, 2 features.");
        var mermaid = string.Join("\n", Regex.Matches(markdown, "```mermaid\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value));
        mermaid.Should().Contain("h1[\"20 hosts<br/>h00, h02, …, h38\"]:::host");
        mermaid.Should().Contain("h2[\"20 hosts<br/>h01, h03, …, h39<br/>+ 1 feature on some of them\"]:::host");
        mermaid.Should().NotContain("Extra", "no box includes Extra in all its hosts");
        // Users on the same hosts of the same boxes share a box; a dashed arrow counts their hosts in the host box.
        mermaid.Should().Contain("u1([\"7 users<br/>u00, u02, …, u15\"]):::user").And.Contain("u1 -.->|\"2 of 20\"| h1\n");
        Regex.Matches(mermaid, "-\\.?->").Count.Should().Be(12);

        var aspects = FleetMapTable.Read(markdown, Aspects);
        aspects.Should().HaveCount(40 * 4);
        aspects[("h01", "Extra")].Should().Be(FleetMapEmitter.Direct);
        aspects[("h03", "Extra")].Should().Be(FleetMapEmitter.Absent);
        aspects[("h02", "Base")].Should().Be("Web");
        var users = FleetMapTable.Read(markdown, Users);
        users.Should().HaveCount(40 * 30, "the host × user table is complete, in pages of ten users");
        users[("h05", "u05")].Should().Be("✓");
        users[("h05", "u12")].Should().Be("✓");
        users[("h05", "u06")].Should().Be(FleetMapEmitter.Absent);
    }

    [Fact]
    public void Users_too_many_to_draw_become_one_box()
    {
        var sources = new List<string> { "[Feature] public sealed record Base : Feature { [PerHost] void On(NixOS os) => os.Networking.Firewall.Enable = true; }" };
        for (var h = 0; h < 26; h++)
        {
            sources.Add($"[Profile] public sealed record P{h:00} : Profile {{ public override Aspects Includes => [new Base()]; }}");
            sources.Add($"[User] public sealed record U{h:00} : User {{ }}");
            sources.Add($"[Host] public sealed record H{h:00} : Host {{ public override string StateVersion => \"25.11\"; " +
                $"public override Users Users => [new U{h:00}()]; public override Aspects Includes => [new P{h:00}()]; }}");
        }
        var run = LuxRun.Of(sources.ToArray());
        run.ManifestErrors.Should().BeEmpty();
        var markdown = run.Files[FleetMapPaths.Markdown];

        markdown.Should().Contain("The 26 users would take 26 arrows: see [Hosts × users](#hosts--users) instead.");
        markdown.Should().Contain("u1([\"26 users<br/>(see the host × user table)\"]):::user");
        markdown.Should().NotContain("u1 -");
        run.Files[FleetMapPaths.Dot].Should().Contain("u1 [label=\"26 users\\n(see the host × user table)\"").And.NotContain("u1 ->");
        FleetMapTable.Read(markdown, Users).Where(c => c.Value == "✓").Should().HaveCount(26);
    }

    [Fact]
    public void An_unchanged_host_keeps_an_equal_summary_when_another_host_changes()
    {
        var run = ExampleFleet.Run();
        var fleet = Resolve(run);
        var orion = fleet.Hosts.Single(h => h.Name == "orion");
        HostMap.Of(orion, []).Should().Be(HostMap.Of(Resolve(ExampleFleet.Run()).Hosts.Single(h => h.Name == "orion"), []));
        HostMap.Of(orion, []).Should().NotBe(HostMap.Of(fleet.Hosts.Single(h => h.Name == "polaris"), []));
    }

    private static ResolvedFleet Resolve(LuxRun run)
    {
        var declarations = FleetDeclarations.In(run.Compilation, default);
        var context = FleetInputs.Context(declarations, run.AdditionalFiles.Select(f => f.Path), "");
        var fleet = new ResolvedFleet();
        fleet.Hosts.AddRange(declarations.Where(d => d.Kind == DeclarationKind.Host).Select(host => PerHost.Resolve(host, context)));
        return fleet;
    }
}
