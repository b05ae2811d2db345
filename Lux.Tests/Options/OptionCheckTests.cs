using Lux.Tests.Generator;
using Microsoft.CodeAnalysis;

namespace Lux.Tests.Options;

/// <summary>
/// Set paths and literal values are checked against the module system's declarations, as the generated
/// option trees carry them; each error is at the string or value that causes it and blocks nix-out.
/// </summary>
public sealed class OptionCheckTests
{
    private const string Fleet = """
        [User] public sealed record Ada : User { }
        [Host] public sealed record Alpha : Host
        {
            public override Users Users => [new Ada()];
            public override Aspects Includes => [new Probe()];
        }
        """;

    private static LuxRun Run(string body) =>
        LuxRun.Of(Fleet, "using Lux.NixOSOptions;\n[Feature] public sealed record Probe : Feature\n{\n" + body + "\n}\n");

    private static Diagnostic Single(LuxRun run, string id)
    {
        run.CompilerDiagnostics.Should().BeEmpty();
        var diagnostic = run.AnalyzerDiagnostics().Should().ContainSingle(d => d.Id == id).Subject;
        return diagnostic;
    }

    private static string TextAt(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    private static string HostModule(LuxRun run)
    {
        run.CompilerDiagnostics.Should().BeEmpty();
        run.AnalyzerDiagnostics().Where(d => d.Id.StartsWith("LUX", StringComparison.Ordinal)).Should().BeEmpty();
        run.ManifestErrors.Should().BeEmpty();
        return run.Files["hosts/alpha/default.nix"];
    }

    [Fact]
    public void A_misspelled_Set_path_is_an_error_at_the_string_that_suggests_the_closest_option()
    {
        var run = Run("""[PerHost] void Os(NixOS os) => os.Set("services.openssh.settingz.X11Forwarding", true);""");
        var error = Single(run, "LUX3001");
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        TextAt(error).Should().Be("\"services.openssh.settingz.X11Forwarding\"");
        error.GetMessage().Should().Contain("services.openssh.settings");
        run.ManifestErrors.Should().ContainSingle().Which.Should().Contain("LUX3001");
    }

    [Fact]
    public void A_Set_path_below_a_typed_node_is_checked_from_that_node()
    {
        var run = Run("""[PerHost] void Os(NixOS os) => os.Services.OpenSsh.Set("enabel", true);""");
        var error = Single(run, "LUX3001");
        error.GetMessage().Should().Contain("services.openssh.enable");
    }

    [Fact]
    public void A_Set_value_of_the_wrong_type_is_an_error_at_the_value()
    {
        var run = Run("""[PerHost] void Os(NixOS os) => os.Set("services.openssh.enable", "yes");""");
        var error = Single(run, "LUX3002");
        TextAt(error).Should().Be("\"yes\"");
        error.GetMessage().Should().Contain("services.openssh.enable").And.Contain("boolean");
    }

    [Fact]
    public void A_string_outside_an_enum_is_an_error_listing_the_values()
    {
        var run = Run("""[PerHost] void Os(NixOS os) => os.Set("services.openssh.settings.PermitRootLogin", "maybe");""");
        var error = Single(run, "LUX3004");
        TextAt(error).Should().Be("\"maybe\"");
        error.GetMessage().Should().Contain("\"prohibit-password\"").And.Contain("\"no\"");
    }

    [Fact]
    public void An_enum_value_is_written_as_its_exact_Nix_string()
    {
        var module = HostModule(Run("""
            [PerHost] void Os(NixOS os)
            {
                os.Services.OpenSsh.Settings.PermitRootLogin = PermitRootLogin.ProhibitPassword;
                os.Set("services.openssh.settings.KbdInteractiveAuthentication", false);
            }
            """));
        module.Should().Contain("PermitRootLogin = \"prohibit-password\";");
    }

    [Fact]
    public void An_out_of_range_port_is_an_error_at_the_literal_typed_or_through_Set()
    {
        var typed = Run("""[PerHost] void Os(NixOS os) => os.Services.OpenSsh.Ports = [22, 70000];""");
        var error = Single(typed, "LUX3003");
        TextAt(error).Should().Be("70000");
        error.GetMessage().Should().Contain("0 to 65535");

        var set = Run("""[PerHost] void Os(NixOS os) => os.Set("networking.firewall.allowedTCPPorts", new[] { -1 });""");
        Single(set, "LUX3003");
    }

    [Fact]
    public void Null_where_the_type_has_no_null_is_an_error_and_nullOr_takes_it()
    {
        var run = Run("""[PerHost] void Os(NixOS os) => os.Services.OpenSsh.Enable = null;""");
        TextAt(Single(run, "LUX3002")).Should().Be("null");

        var module = HostModule(Run("""[PerHost] void Os(NixOS os) => os.Services.OpenSsh.Settings.PermitRootLogin = null;"""));
        module.Should().Contain("PermitRootLogin = null;");
    }

    [Fact]
    public void Defining_a_read_only_option_is_an_error()
    {
        var run = Run("""[PerHost] void Os(NixOS os) => os.Set("system.build.toplevel", Nix.Raw("pkgs.hello"));""");
        Single(run, "LUX3005").GetMessage().Should().Contain("system.build.toplevel");
    }

    [Fact]
    public void A_freeform_submodule_takes_undeclared_names_through_Set()
    {
        var module = HostModule(Run("""[PerHost] void Os(NixOS os) => os.Services.OpenSsh.Settings.Set("MaxAuthTries", 3);"""));
        module.Should().Contain("MaxAuthTries = 3;");
    }

    [Fact]
    public void SetUnchecked_is_the_visible_way_to_an_option_without_a_schema()
    {
        var module = HostModule(Run("""[PerHost] void Os(NixOS os) => os.SetUnchecked("services.my-own-module.enable", true);"""));
        module.Should().Contain("my-own-module");

        Single(Run("""[PerHost] void Os(NixOS os) => os.Set("services.my-own-module.enable", true);"""), "LUX3001");
    }

    [Fact]
    public void Packages_are_typed_references_into_pkgs()
    {
        var module = HostModule(Run("""[PerHost] void Os(NixOS os) => os.Environment.SystemPackages = [Pkgs.Of("git"), Pkgs.Of("python3Packages.requests")];"""));
        module.Should().Contain("pkgs.git").And.Contain("pkgs.python3Packages.requests");
    }

    [Fact]
    public void A_renamed_option_is_a_warning_naming_the_new_path_and_nix_out_is_still_written()
    {
        var run = Run("""[PerHost] void Os(NixOS os) => os.Set("boot.cleanTmpDir", true);""");
        run.CompilerDiagnostics.Should().BeEmpty();
        var warning = run.AnalyzerDiagnostics().Should().ContainSingle(d => d.Id == "LUX3006").Subject;
        warning.Severity.Should().Be(DiagnosticSeverity.Warning);
        warning.GetMessage().Should().Contain("boot.tmp.cleanOnBoot");
        TextAt(warning).Should().Be("\"boot.cleanTmpDir\"");
        run.ManifestErrors.Should().BeEmpty();
        run.Files.Should().ContainKey("hosts/alpha/default.nix");
    }

    [Fact]
    public void A_removed_option_is_an_error()
    {
        var run = Run("""[PerHost] void Os(NixOS os) => os.Set("boot.bootspec.enable", true);""");
        Single(run, "LUX3007").GetMessage().Should().Contain("boot.bootspec.enable");
    }

    [Fact]
    public void The_example_fleet_raises_no_option_diagnostic()
    {
        var run = LuxRun.Of(Repository.Read(Repository.Path("Lux.Config"), "*.cs"), projectDirectory: Repository.Path("Lux.Config") + "/");
        run.CompilerDiagnostics.Should().BeEmpty();
        run.AnalyzerDiagnostics().Where(d => d.Id.StartsWith("LUX3", StringComparison.Ordinal)).Should().BeEmpty();
    }
}

/// <summary>Options of a user's own module, declared in C# the way the generated trees declare upstream's.</summary>
public sealed class OwnModuleOptionTests
{
    private const string Fleet = """
        [User] public sealed record Ada : User { }
        [Host] public sealed record Alpha : Host
        {
            public override Users Users => [new Ada()];
            public override Aspects Includes => [new Probe()];
        }

        [NixOptions]
        public sealed class MyAppOptions : OptionNode
        {
            [Nix("enable"), NixOption("boolean")] public bool? Enable { get; set; }
            [Nix("port"), NixOption("16 bit unsigned integer"), NixRange(0, 65535)] public int? Port { get; set; }
            [Nix("log-level"), NixOption("null or string", Nullable = true)] public string? LogLevel { get; set; }
        }
        """;

    private static LuxRun Run(string body) => LuxRun.Of(Fleet, "[Feature] public sealed record Probe : Feature\n{\n" + body + "\n}\n");

    [Fact]
    public void A_module_of_your_own_is_written_at_its_path_and_checked_like_upstream_options()
    {
        var run = Run("""
            [PerHost] void Os(NixOS os)
            {
                os.Module<MyAppOptions>("services.my-app").Enable = true;
                os.Module<MyAppOptions>("services.my-app").Port = 8080;
                os.Module<MyAppOptions>("services.my-app").LogLevel = null;
            }
            """);
        run.CompilerDiagnostics.Should().BeEmpty();
        run.ManifestErrors.Should().BeEmpty();
        var module = run.Files["hosts/alpha/default.nix"];
        module.Should().Contain("my-app").And.Contain("port = 8080;").And.Contain("log-level = null;");
    }

    [Fact]
    public void Its_ranges_nulls_and_paths_are_checked()
    {
        var range = Run("""[PerHost] void Os(NixOS os) => os.Module<MyAppOptions>("services.my-app").Port = 99999;""");
        range.AnalyzerDiagnostics().Should().ContainSingle(d => d.Id == "LUX3003").Which.GetMessage().Should().Contain("services.my-app.port");

        var unknown = Run("""[PerHost] void Os(NixOS os) => os.Module<MyAppOptions>("services.my-app").Set("prot", 1);""");
        unknown.AnalyzerDiagnostics().Should().ContainSingle(d => d.Id == "LUX3001").Which.GetMessage().Should().Contain("services.my-app.port");

        var nulled = Run("""[PerHost] void Os(NixOS os) => os.Module<MyAppOptions>("services.my-app").Enable = null;""");
        nulled.AnalyzerDiagnostics().Should().ContainSingle(d => d.Id == "LUX3002");
    }
}
