using Lux.Tests.Policy;
using static Lux.Tests.Policy.LuxVerifier;

namespace Lux.Tests.Deploy;

/// <summary>The Deploy fact: its defaults as the generator knows them, and LUX2007 where it cannot be acted on.</summary>
public sealed class DeployFactTests
{
    private static string OrionWith(string deploy) => RecoveryFleet.WithHostMembers("    public override Deploy Deploy => " + deploy + ";");

    [Fact]
    public void The_generator_knows_the_defaults_the_DSL_declares()
    {
        var dsl = new Lux.Deploy("x");

        dsl.SshUser.Should().BeNull();
        DslFacts.DeployDefaults.User.Should().Be(dsl.User);
        DslFacts.DeployDefaults.InteractiveSudo.Should().Be(dsl.InteractiveSudo);
        DslFacts.DeployDefaults.RemoteBuild.Should().Be(dsl.RemoteBuild);
        DslFacts.DeployDefaults.MagicRollback.Should().Be(dsl.MagicRollback);
        DslFacts.DeployDefaults.AutoRollback.Should().Be(dsl.AutoRollback);
    }

    [Fact]
    public void LUX2007_blocks_writing_nix_out_even_without_the_analyzer()
    {
        var run = Generator.LuxRun.Of(OrionWith("new(\"\") { SshUser = \"kiri\" }"));

        run.ManifestErrors.Should().ContainSingle().Which.Should().Contain("LUX2007").And.Contain("Deploy.Hostname is empty");
    }

    [Fact]
    public Task A_recovered_host_deployed_as_a_recovery_user_is_valid() =>
        VerifyAsync(OrionWith("new(\"orion\") { SshUser = new Kiri().Name }"));

    [Fact]
    public Task A_host_without_SshRecovery_may_leave_SshUser_to_deploy_rs() =>
        VerifyAsync(RecoveryFleet.With(("public override SshRecovery SshRecovery => new(Users: [new Kiri()]);", "public override Deploy Deploy => new(\"203.0.113.7\");")));

    [Fact]
    public Task LUX2007_fires_at_an_empty_hostname() =>
        VerifyAsync(OrionWith("new({|#0:\" \"|}) { SshUser = \"kiri\" }"),
            Diagnostic("LUX2007", 0, "orion: Deploy.Hostname is empty; give the address deploy-rs connects to (a DNS name, an IP address or an SSH config Host)"));

    [Fact]
    public Task LUX2007_fires_at_a_user_ssh_would_read_as_an_option() =>
        VerifyAsync(OrionWith("new(\"orion\") { SshUser = \"kiri\", User = {|#0:\"-oProxyCommand=x\"|} }"),
            Diagnostic("LUX2007", 0, "orion: Deploy.User \"-oProxyCommand=x\" starts with '-', which ssh would read as an option; name the account the system profile activates as (usually \"root\")"));

    [Fact]
    public Task LUX2007_fires_at_an_ssh_user_who_is_not_a_recovery_user() =>
        VerifyAsync(RecoveryFleet.WithHostMembers("    public override Deploy Deploy => new(\"orion\") { SshUser = {|#0:new Ergon().Name|} };",
                ("public override Users Users => [new Kiri()];", "public override Users Users => [new Kiri(), new Ergon()];")),
            Diagnostic("LUX2007", 0, "orion: Deploy.SshUser is ergon, who is not one of its SSH recovery users (kiri); deploy as a recovery user, whose key-based login the policy keeps"));

    [Fact]
    public Task LUX2007_fires_at_the_fact_of_a_recovered_host_without_an_ssh_user() =>
        VerifyAsync(RecoveryFleet.WithHostMembers("    public override Deploy {|#0:Deploy|} => new(\"orion\");"),
            Diagnostic("LUX2007", 0, "orion is recovered over SSH with root login off, so Deploy.SshUser must be set to one of its recovery users (kiri); deploy-rs would otherwise log in as whoever runs it"));
}
