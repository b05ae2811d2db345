using System.Text.Json;
using Lux.Tests.Generator;
using Lux.Tests.Nix;

namespace Lux.Tests.Fleet;

/// <summary>Variations of the seed fleet, generated in-process and evaluated with Nix: the rules hold for other inputs too.</summary>
public sealed class SeedFleetVariationProofs
{
    /// <summary>The example fleet with one source edited, generated into a temporary nix-out.</summary>
    private static TemporaryDirectory Generate(string file, string find, string replace)
    {
        var sources = ExampleFleet.Sources().Select(s =>
        {
            if (!s.Path.EndsWith(file, StringComparison.Ordinal))
                return s;
            s.Text.Should().Contain(find);
            return (s.Path, s.Text.Replace(find, replace));
        });
        var run = LuxRun.Of(sources, ExampleFleet.NixFiles(), ExampleFleet.ProjectDirectory);
        run.ManifestErrors.Should().BeEmpty();
        var directory = new TemporaryDirectory();
        foreach (var (path, text) in run.Files)
            directory.Write(path, text);
        return directory;
    }

    [NixFact]
    public void A_user_who_is_not_an_admin_key_user_gets_no_home_manager_sops_key_and_no_reader_group()
    {
        using var nixOut = Generate("Zenith.cs", "AdminKeyUsers = [new Kiri(), new Ergon()]", "AdminKeyUsers = [new Kiri()]");
        var zenith = Path.Combine(nixOut.Path, "hosts", "zenith");

        NixHarness.EvalHost(zenith, "host.config.home-manager.users.kiri.sops.age.keyFile").GetString().Should().Be("/var/lib/sops-nix/admin-key.txt");
        NixHarness.EvalHost(zenith, "host.config.home-manager.users.ergon.sops.age.keyFile or null").ValueKind.Should().Be(JsonValueKind.Null);
        NixHarness.EvalHost(zenith, "host.config.users.users.ergon.extraGroups").EnumerateArray().Select(e => e.GetString())
            .Should().BeEquivalentTo("wheel", "networkmanager");
    }

    [NixFact]
    public void A_host_without_admin_key_users_has_no_tmpfiles_rule_and_no_reader_group()
    {
        using var nixOut = Generate("Zenith.cs", "AdminKeyUsers = [new Kiri(), new Ergon()]", "AdminKeyUsers = []");
        var zenith = Path.Combine(nixOut.Path, "hosts", "zenith");
        NixHarness.EvalHost(zenith, "(host.config.users.groups or { }) ? sops-users").GetBoolean().Should().BeFalse();
        NixHarness.EvalHost(zenith, "host.config.systemd.tmpfiles.rules or [ ]").EnumerateArray().Should().BeEmpty();
    }
}
