using System.Text.RegularExpressions;
using Lux.Generators.Check.SshRecovery;
using Lux.Generators.Emit;
using Lux.Tests.Nix;
using Lux.Tests.Policy;

namespace Lux.Tests.FleetMap;

/// <summary>
/// FLEET.md's tables against the Nix the same run generated, on the example fleet (S) and on M (100 hosts):
/// every host × aspect cell against the definitions in the host's Nix, every host × user cell against the
/// host's home-manager users, and the recovery columns against the host's assertions as Nix evaluates them.
/// </summary>
public sealed partial class FleetMapNixTests
{
    private const string Aspects = "Hosts × aspects";
    private const string Policy = "SSH recovery policy";
    private const string ProfileSuffix = " (profile)";

    /// <summary>
    /// With a tracer gate in every aspect (see <see cref="MappedFleet"/>), a host's Nix has an aspect's tracer
    /// definition, traced to the aspect's file, exactly when the generator ran that aspect for the host: the
    /// cell must be filled exactly then. Fails on a column the map draws that no host ran, a cell the map fills
    /// where the gates did not run, or one it leaves empty where they did.
    /// </summary>
    [Theory]
    [InlineData("S")]
    [InlineData("M")]
    public void Every_host_by_aspect_cell_is_filled_exactly_where_the_hosts_nix_has_that_aspects_gates(string size)
    {
        var fleet = MappedFleet.Of(size);
        var traced = MappedFleet.Of(size, traced: true);
        var cells = FleetMapTable.Read(fleet.Map, Aspects);
        FleetMapTable.Read(traced.Map, Aspects).Should().Equal(cells, "the tracer gates include nothing, so the map is the same");
        cells.Keys.Select(k => k.Host).Distinct().Should().BeEquivalentTo(fleet.Hosts);
        var columns = cells.Keys.Select(k => k.Column).Distinct().ToList();

        var (filled, empty) = (0, 0);
        var ran = new HashSet<string>(StringComparer.Ordinal);
        foreach (var host in fleet.Hosts)
        {
            var traces = Trace().Matches(traced.NixOf(host)).ToDictionary(m => m.Groups["aspect"].Value, m => m.Groups["file"].Value, StringComparer.Ordinal);
            ran.UnionWith(traces.Keys);
            foreach (var column in columns)
            {
                var aspect = AspectOf(column);
                var cell = cells[(host, column)];
                if (traces.TryGetValue(aspect, out var file))
                {
                    cell.Should().NotBe(FleetMapEmitter.Absent, $"{host}'s Nix has {aspect}'s tracer definition");
                    file.Should().Be(traced.AspectFiles[aspect], $"{host}: the tracer definition names {aspect}'s own file");
                    filled++;
                }
                else
                {
                    cell.Should().Be(FleetMapEmitter.Absent, $"{host}'s Nix has no definition from {aspect}'s gates");
                    empty++;
                }
            }
        }
        ran.Should().BeEquivalentTo(columns.Select(AspectOf), "the columns are the aspects some host runs");
        filled.Should().BeGreaterThan(0);
        empty.Should().BeGreaterThan(0);
    }

    /// <summary>The fleet as written, no tracer: every feature or profile whose file a provenance comment of the host's Nix names has a filled cell.</summary>
    [Theory]
    [InlineData("S", 17)]
    [InlineData("M", 1400)]
    public void No_aspect_marked_absent_made_a_definition_in_the_hosts_nix(string size, int atLeast)
    {
        var fleet = MappedFleet.Of(size);
        var cells = FleetMapTable.Read(fleet.Map, Aspects);
        var aspectOfFile = fleet.AspectFiles.ToDictionary(a => a.Value, a => a.Key, StringComparer.Ordinal);

        var checkedCells = 0;
        foreach (var host in fleet.Hosts)
        {
            foreach (var aspect in MappedFleet.ProvenanceFiles(fleet.NixOf(host)).Where(aspectOfFile.ContainsKey).Select(f => aspectOfFile[f]))
            {
                var cell = cells.TryGetValue((host, aspect), out var feature) ? feature : cells[(host, aspect + ProfileSuffix)];
                cell.Should().NotBe(FleetMapEmitter.Absent, $"{host}'s Nix has a definition from {fleet.AspectFiles[aspect]}");
                checkedCells++;
            }
        }
        checkedCells.Should().BeGreaterThanOrEqualTo(atLeast, "the hosts' Nix traces that many definitions to aspects");
    }

    [Theory]
    [InlineData("S")]
    [InlineData("M")]
    public void Every_host_by_user_cell_agrees_with_the_home_manager_users_of_the_hosts_nix(string size)
    {
        var fleet = MappedFleet.Of(size);
        var table = FleetMapTable.UsersByHost(fleet.Map);
        table.Keys.Should().BeEquivalentTo(fleet.Hosts);
        foreach (var host in fleet.Hosts)
        {
            var users = HomeManagerUser().Matches(fleet.Run.Files["hosts/" + host + "/default.nix"]).Select(m => m.Groups["user"].Value).ToList();
            var homes = fleet.Run.Files.Keys.Where(p => p.StartsWith("hosts/" + host + "/home/", StringComparison.Ordinal)).Select(Path.GetFileNameWithoutExtension);
            users.Should().NotBeEmpty().And.BeEquivalentTo(homes, $"{host} imports a home module for each of its users");
            table[host].Should().BeEquivalentTo(users, $"{host}'s users in FLEET.md are those of its Nix");
        }
        var everyone = table.Values.SelectMany(u => u).Distinct().Count();
        table.Values.Should().Contain(u => u.Count < everyone, "some host lacks some user, so a cell can be wrong both ways");
    }

    /// <summary>S has one recovery host (orion, all rules kept); M has none. Broken variants are in <see cref="FleetMapTests"/>.</summary>
    [NixTheory]
    [InlineData("S")]
    [InlineData("M")]
    public void The_recovery_columns_agree_with_the_assertions_in_the_hosts_nix(string size)
    {
        var fleet = MappedFleet.Of(size);
        var recoveryHosts = RecoveryColumnsAgreeWithTheNix(fleet.Run.Files);
        recoveryHosts.Should().Be(size == "S" ? 1 : 0);
    }

    /// <summary>
    /// Checks the recovery columns of each host against its module: a recovery host has an assertion for every
    /// rule, its recovery users are those the LUX1005 assertions name, and the rules failed are those whose
    /// assertions nix-instantiate finds false; any other host has no recovery assertion. Returns how many recovery hosts there are.
    /// </summary>
    internal static int RecoveryColumnsAgreeWithTheNix(IReadOnlyDictionary<string, string> files)
    {
        var table = FleetMapTable.Read(files[FleetMapPaths.Markdown], Policy);
        var rules = SshRecoveryPolicy.Rules.Select(r => r.Id).ToList();
        var recoveryHosts = 0;
        foreach (var host in table.Keys.Select(k => k.Host).Distinct())
        {
            var module = files["hosts/" + host + "/default.nix"];
            var asserted = RecoveryAssertion().Matches(module).ToList();
            asserted.Where(m => m.Groups["host"].Value != host).Should().BeEmpty($"{host}'s assertions name {host}");
            if (table[(host, "Recovery host")] == "no")
            {
                asserted.Should().BeEmpty($"{host} is no recovery host, so its Nix asserts no recovery rule");
                table[(host, "Rules met")].Should().Be("—");
                continue;
            }
            table[(host, "Recovery host")].Should().Be("yes");
            recoveryHosts++;
            asserted.Select(m => m.Groups["rule"].Value).Distinct().Should().BeEquivalentTo(rules, $"{host}'s Nix asserts every rule");
            var users = asserted.Where(m => m.Groups["rule"].Value == "LUX1005").Select(m => RecoveryUser().Match(m.Value).Groups["user"].Value);
            table[(host, "Recovery users")].Should().Be(string.Join(", ", users.Order(StringComparer.Ordinal)));
            var failed = NixAssertionHarness.FailingAssertions(module).Select(message => message[..7]).Distinct().Order(StringComparer.Ordinal).ToList();
            table[(host, "Rules failed")].Should().Be(string.Join(", ", failed), $"the rules whose assertions fail in {host}'s Nix");
            table[(host, "Rules met")].Should().Be($"{rules.Count - failed.Count}/{rules.Count}");
        }
        return recoveryHosts;
    }

    private static string AspectOf(string column) => column.EndsWith(ProfileSuffix, StringComparison.Ordinal) ? column[..^ProfileSuffix.Length] : column;

    [GeneratedRegex(@"\bluxMapTrace(?<aspect>\w+) = true; # (?<file>[\w./-]+\.cs):\d+")]
    private static partial Regex Trace();

    /// <summary>A user's home-manager import, alone (home-manager.users.kiri.imports) or in the users' attribute set (kiri.imports).</summary>
    [GeneratedRegex(@"^\s*(?:home-manager\.users\.)?(?<user>[\w-]+)\.imports = \[ \./home/\k<user>\.nix \];", RegexOptions.Multiline)]
    private static partial Regex HomeManagerUser();

    [GeneratedRegex(@"message = ""(?<rule>LUX10\d\d) \((?<host>[^)]+)\):[^\n]*")]
    private static partial Regex RecoveryAssertion();

    [GeneratedRegex(@"declare the account users\.users\.(?<user>[\w-]+) ")]
    private static partial Regex RecoveryUser();
}
