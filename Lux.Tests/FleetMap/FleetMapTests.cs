using System.Text.RegularExpressions;
using Lux.Generators.Emit;
using Lux.Generators.Model;
using Lux.Generators.Parse;
using Lux.Generators.Resolve;
using Lux.Generators.Steps;
using Lux.Tests.Generator;
using Lux.Tests.Nix;

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

    /// <summary>The broken orion's columns are checked against its assertions as Nix evaluates them, too.</summary>
    [NixFact]
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
        FleetMapNixTests.RecoveryColumnsAgreeWithTheNix(broken.Files).Should().Be(1);
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

    /// <summary>The compiler hands the generator the files in project order; another order must draw the same bytes.</summary>
    [Theory]
    [InlineData("S")]
    [InlineData("M")]
    public void The_map_does_not_depend_on_the_order_of_the_source_files(string size)
    {
        var fleet = MappedFleet.Of(size);
        var shuffled = fleet.Fleet.Sources.Select(s => (s.Path, s.Text)).Reverse().ToArray();
        new Random(12).Shuffle(shuffled);
        var run = LuxRun.Of(shuffled, fleet.Fleet.NixFiles.Select(f => (f.Path, f.Text)).Reverse(), fleet.Fleet.ProjectDirectory);
        foreach (var path in FleetMapEmitter.Paths)
            run.Files[path].Should().Be(fleet.Run.Files[path], path);
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

        // What every host includes (Development, OpenSsh, SopsNix) is drawn once, from the dashed box of all hosts.
        mermaid.Should().Contain("h0[\"all 3 hosts\"]:::all").And.Contain("h0 --> p1\n  h0 --> f4\n  h0 --> f6\n  h2 --> p2\n");
        mermaid.Should().NotContain("h1 -->", "orion includes nothing the others do not");
        files[FleetMapPaths.Dot].Should().Contain("h0 [label=\"all 3 hosts\", shape=box, style=\"filled,dashed\"").And.Contain("  h0 -> f4;\n");
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
        mermaid.Should().Contain("h1[\"20 hosts<br/>h00, h02, …\"]:::host");
        mermaid.Should().Contain("h2[\"20 hosts<br/>h01, h03, …<br/>+ 1 feature on some\"]:::host");
        mermaid.Should().NotContain("Extra", "no box includes Extra in all its hosts");
        mermaid.Should().NotContain("h0[", "no aspect is included by every host itself");
        // Users on the same hosts of the same boxes share a box; a dashed arrow counts their hosts in the host box.
        mermaid.Should().Contain("u1([\"7 users<br/>u00, u02, …\"]):::user").And.Contain("u1 -.->|\"2 of 20\"| h1\n");
        Regex.Matches(mermaid, "-\\.?->").Count.Should().Be(12);

        var aspects = FleetMapTable.Read(markdown, Aspects);
        aspects.Should().HaveCount(40 * 4);
        aspects[("h01", "Extra")].Should().Be(FleetMapEmitter.Direct);
        aspects[("h03", "Extra")].Should().Be(FleetMapEmitter.Absent);
        aspects[("h02", "Base")].Should().Be("Web");
        // Thirty users are more columns than a table has: each host's row lists its users instead.
        FleetMapTable.Read(markdown, Users).Keys.Should().HaveCount(40).And.OnlyContain(k => k.Column == "Users");
        var users = FleetMapTable.UsersByHost(markdown);
        users["h05"].Should().Equal("u05", "u12");
        users["h29"].Should().Equal("u06", "u29");
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

        markdown.Should().Contain("The 26 users would take 26 arrows, so they are one box: see [Hosts × users](#hosts--users) for who is where.");
        markdown.Should().Contain("u1([\"26 users<br/>1 on each host\"]):::user");
        // One arrow, to the box of all hosts, which is there for it alone: no host includes anything itself but its profile.
        Regex.Matches(markdown, "u1 -").Should().ContainSingle().Which.Value.Should().Be("u1 -");
        markdown.Should().Contain("  u1 --> h0\n").And.Contain("h0[\"all 26 hosts\"]:::all").And.NotContain("h0 -->");
        run.Files[FleetMapPaths.Dot].Should().Contain("u1 [label=\"26 users\\n1 on each host\"").And.Contain("  u1 -> h0;\n");
        FleetMapTable.UsersByHost(markdown).Should().HaveCount(26).And.OnlyContain(h => h.Value.Single() == "u" + h.Key.Substring(1));
    }

    /// <summary>
    /// Past a dozen feature boxes, a feature only profiles include is written into their boxes; one a host box
    /// or a user points at, or that includes another, keeps its box.
    /// </summary>
    [Fact]
    public void Many_features_are_written_into_the_boxes_of_the_profiles_that_include_them()
    {
        var sources = new List<string>();
        for (var f = 0; f < 14; f++)
            sources.Add($"[Feature] public sealed record F{f:00} : Feature {{ [PerHost] void On(NixOS os) => os.SetUnchecked(\"f{f}\", true); }}");
        sources.Add("[Feature] public sealed record Bundle : Feature { public override Aspects Includes => [new F12()]; }");
        sources.Add("[Profile] public sealed record A : Profile { public override Aspects Includes => [new F00(), new F01(), new F02(), new F03(), new F04(), new Bundle()]; }");
        sources.Add("[Profile] public sealed record B : Profile { public override Aspects Includes => [new F05(), new F06(), new F07(), new F08(), new F09(), new F10(), new F11(), new F13()]; }");
        sources.Add("[User] public sealed record Ann : User { public override Aspects Includes => [new F13()]; }");
        sources.Add("[Host] public sealed record One : Host { public override string StateVersion => \"25.11\"; public override Users Users => [new Ann()]; public override Aspects Includes => [new A()]; }");
        sources.Add("[Host] public sealed record Two : Host { public override string StateVersion => \"25.11\"; public override Users Users => [new Ann()]; public override Aspects Includes => [new B(), new F00()]; }");
        var run = LuxRun.Of(sources.ToArray());
        run.ManifestErrors.Should().BeEmpty();
        var markdown = run.Files[FleetMapPaths.Markdown];

        markdown.Should().Contain("12 features that only profiles or features include are written into the boxes that include them.");
        var mermaid = Regex.Match(markdown, "```mermaid\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        mermaid.Should().Contain("p1[[\"A<br/>F01, F02,<br/>F03, F04\"]]:::profile");
        mermaid.Should().Contain("p2[[\"B<br/>F05, F06,<br/>F07, F08,<br/>F09, F10,<br/>F11\"]]:::profile");
        // F00 is a host box's own too, F13 a user's, and Bundle includes F12: they keep their boxes and arrows.
        mermaid.Should().Contain("f1(\"Bundle<br/>F12\"):::feature").And.Contain("f2(\"F00\"):::feature").And.Contain("(\"F13\"):::feature");
        mermaid.Should().Contain("  h2 --> f2\n").And.Contain("  p1 --> f1\n  p1 --> f2\n").And.Contain("  p2 --> f15\n").And.Contain("  u1 --> f15\n");
        Regex.Matches(mermaid, ":::feature").Should().HaveCount(3);
        Regex.Matches(mermaid, " --> ").Should().HaveCount(9, "no arrow goes to a feature written into a box");
        run.Files[FleetMapPaths.Dot].Should().Contain("label=\"B\\nF05, F06,\\nF07, F08,\\nF09, F10,\\nF11\"");
        FleetMapTable.Read(markdown, Aspects).Should().HaveCount(2 * 17, "the table still has a column for every aspect");
    }

    /// <summary>A host's map is made of names only: another host's edit, or a moved line, leaves it equal; its own includes change it.</summary>
    [Fact]
    public void A_hosts_map_changes_with_its_composition_and_nothing_else()
    {
        var sources = ExampleFleet.Sources().ToList();
        HostMap MapOf(string host, Func<string, string>? polaris = null) =>
            HostMap.Of(Resolve(LuxRun.Of(sources.Select(s => s.Path.EndsWith("Polaris.cs", StringComparison.Ordinal) && polaris is not null ? (s.Path, polaris(s.Text)) : s),
                ExampleFleet.NixFiles(), ExampleFleet.ProjectDirectory)).Hosts.Single(h => h.Name == host), []);

        var orion = MapOf("orion");
        var polaris = MapOf("polaris");
        orion.Should().NotBe(polaris);
        MapOf("orion", text => text.Replace("165.0", "144.0")).Should().Be(orion);
        MapOf("polaris", text => text.Replace("165.0", "144.0")).Should().Be(polaris, "a literal is no part of the map");
        MapOf("polaris", text => text.Replace("[Host]", "\n\n[Host]")).Should().Be(polaris, "nor is a line number");
        MapOf("polaris", text => text.Replace("new OpenSsh(), ", "")).Should().NotBe(polaris, "polaris no longer includes OpenSsh");
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
