using Microsoft.CodeAnalysis;

namespace Lux.Tests.Generator;

/// <summary>The compile-time subset: what evaluates, and what is refused at its span with what to write instead.</summary>
public sealed class LanguageSubsetTests
{
    private const string Fleet = """
        [User] public sealed record Ada : User { }
        [Host] public sealed record Alpha : Host
        {
            public override Users Users => [new Ada()];
            public override Aspects Includes => [new Probe()];
        }
        """;

    private static LuxRun RunProbe(string body) => LuxRun.Of(Fleet, "[Feature] public sealed record Probe : Feature\n{\n" + body + "\n}\n");

    private static string HostModule(LuxRun run)
    {
        run.CompilerDiagnostics.Should().BeEmpty();
        run.ManifestErrors.Should().BeEmpty();
        return run.Files["hosts/alpha/default.nix"];
    }

    [Fact]
    public void An_unsupported_construct_is_a_LUX0001_at_its_exact_span_and_blocks_nix_out()
    {
        var run = RunProbe("""
                [PerHost]
                void Os(NixOS os)
                {
                    for (var i = 0; i < 2; i++) { }
                    os.Services.OpenSsh.Enable = true;
                }
            """);

        var diagnostics = run.AnalyzerDiagnostics();
        var error = diagnostics.Should().ContainSingle(d => d.Id == "LUX0001").Subject;
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        error.GetMessage().Should().Contain("for loop").And.Contain("foreach");
        var span = error.Location.GetLineSpan();
        span.Path.Should().EndWith("File1.cs");
        span.StartLinePosition.Line.Should().Be(5, "the for statement is on the sixth line of the probe source");
        error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan).Should().StartWith("for (var i = 0;");
        run.ManifestErrors.Should().ContainSingle().Which.Should().Contain("LUX0001").And.Contain("File1.cs(6,");
    }

    [Theory]
    [InlineData("os.Services.OpenSsh.Enable = System.DateTime.Now.Year > 2000;", "DateTime")]
    [InlineData("os.Networking.HostName = System.Environment.MachineName;", "Environment.MachineName")]
    [InlineData("os.Networking.HostName = new System.Text.StringBuilder().ToString();", "StringBuilder")]
    [InlineData("os.Networking.HostName = Helper();", "Helper")]
    [InlineData("var x = 1; x = 2;", "Assigning")]
    [InlineData("os.Networking.Firewall.AllowedTCPPorts = from p in new[] { 22 } select p;", "query syntax")]
    public void Outside_the_subset_is_an_error_that_says_what_to_write_instead(string statement, string mentioned)
    {
        var run = RunProbe("[PerHost] void Os(NixOS os) { " + statement + " }\n static string Helper() => \"x\";");
        var errors = run.AnalyzerDiagnostics().Where(d => d.Id == "LUX0001").ToList();
        errors.Should().NotBeEmpty();
        errors.Select(e => e.GetMessage()).Should().Contain(m => m.Contains(mentioned) && m.Contains("not supported"));
        run.ManifestErrors.Should().NotBeEmpty("an error blocks writing nix-out");
    }

    [Fact]
    public void Conditionals_switches_interpolation_linq_and_with_evaluate()
    {
        var module = HostModule(RunProbe("""
                public int Port { get; init; } = 2222;

                [PerHost]
                void Os(Host host, NixOS os)
                {
                    var tuned = this with { Port = 2200 };
                    os.Services.OpenSsh.Ports = [tuned.Port, Port + 1];
                    os.Users.Users["svc"].Description = host.Name == "alpha" ? $"{host.Name}-{host.Users.Count}" : "other";
                    os.Services.OpenSsh.Settings.PermitRootLogin = host.Users.Count switch { 0 => PermitRootLogin.Yes, 1 => PermitRootLogin.No, _ => PermitRootLogin.ProhibitPassword };
                    os.Services.OpenSsh.Settings.AllowUsers = host.Users.Select(u => u.Name.ToUpperInvariant()).Where(n => n.StartsWith("A")).ToList();
                    foreach (var user in host.Users)
                        os.Users.Groups[$"{user.Name}-group"] = new() { Gid = 1000 + 1 };
                }
            """));

        module.Should().Contain("ports = [ 2200 2223 ];");
        module.Should().Contain("description = \"alpha-1\";");
        module.Should().Contain("PermitRootLogin = \"no\";");
        module.Should().Contain("AllowUsers = [ \"ADA\" ];");
        module.Should().Contain("groups.ada-group.gid = 1001;");
    }

    [Fact]
    public void An_int_assigned_to_a_float_option_is_written_as_a_Nix_float()
    {
        var run = LuxRun.Of("""
            [User] public sealed record Ada : User { }
            [Host] public sealed record Alpha : Host
            {
                public override Users Users => [new Ada()];
                public override Displays Displays => [new Display("DP-1", 1920, 1080, 60)];
                public override Aspects Includes => [new Probe()];
            }
            [Feature] public sealed record Probe : Feature
            {
                [PerUser]
                void Home(Host host, HomeManager home)
                {
                    int hz = 75;
                    home.Programs.Niri.Settings.Outputs["A"] = new() { Mode = new() { Refresh = hz } };
                    home.Programs.Niri.Settings.Outputs["DP-1"] = new() { Mode = new() { Refresh = host.Displays[0].Refresh } };
                }
            }
            """);
        run.ManifestErrors.Should().BeEmpty();
        var home = run.Files["hosts/alpha/home/ada.nix"];
        home.Should().Contain("refresh = 75.0;").And.Contain("refresh = 60.0;");
    }

    [Fact]
    public void Reading_an_option_back_is_refused_because_options_are_write_only()
    {
        var run = RunProbe("""
                [PerHost]
                void Os(NixOS os)
                {
                    os.Networking.HostName = os.Networking.HostName + "x";
                }
            """);
        run.AnalyzerDiagnostics().Should().Contain(d => d.Id == "LUX0003" && d.GetMessage().Contains("write-only"));
    }

    [Fact]
    public void A_gate_with_a_user_parameter_must_be_PerUser()
    {
        var run = RunProbe("[PerHost] void Os(User user, NixOS os) { }");
        var error = run.AnalyzerDiagnostics().Should().ContainSingle(d => d.Id == "LUX0002").Subject;
        error.GetMessage().Should().Contain("[PerUser]");
    }
}
