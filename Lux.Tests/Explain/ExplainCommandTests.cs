using System.Text.Json;

namespace Lux.Tests.Explain;

/// <summary>
/// lux explain's answers on the example fleet, from the records its generator run left where a build leaves them: the
/// value, every definition's file, line, aspect, gate and priority, the winner and why, the recovery verdict, the
/// composition and the why-not chain, and the errors with their suggestions and exit codes.
/// </summary>
public sealed class ExplainCommandTests(ExampleFleetBuild build) : IClassFixture<ExampleFleetBuild>
{
    private BuiltFleet Fleet => build.Fleet;

    /// <summary>The one-based line of the only line of a Lux.Config file that contains <paramref name="text"/>.</summary>
    private static int LineOf(string file, string text)
    {
        var lines = File.ReadAllLines(Repository.Path("Lux.Config", file)).Select((line, i) => (line, i)).Where(l => l.line.Contains(text, StringComparison.Ordinal)).ToList();
        lines.Should().ContainSingle($"'{text}' is in {file} once");
        return lines[0].i + 1;
    }

    private JsonElement Json(params string[] args)
    {
        var (exitCode, output, error) = Fleet.Lux(["explain", .. args, "--json"]);
        exitCode.Should().Be(0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void An_option_of_a_recovery_host_has_its_value_its_one_definition_and_the_policy_verdict()
    {
        var answer = Json("orion", "services.openssh.settings.PasswordAuthentication");

        answer.GetProperty("kind").GetString().Should().Be("option");
        var option = answer.GetProperty("option");
        option.GetProperty("value").GetString().Should().Be("false");
        option.GetProperty("priority").GetInt32().Should().Be(100);
        option.GetProperty("merge").GetString().Should().Be("single");
        option.GetProperty("why").GetString().Should().Be("the only definition");
        var definition = option.GetProperty("definitions").EnumerateArray().Should().ContainSingle().Subject;
        definition.GetProperty("file").GetString().Should().Be("Features/OpenSsh.cs");
        definition.GetProperty("line").GetInt32().Should().Be(LineOf("Features/OpenSsh.cs", "Settings.PasswordAuthentication = false"));
        definition.GetProperty("aspect").GetString().Should().Be("OpenSsh");
        definition.GetProperty("member").GetString().Should().Be("Server");
        definition.GetProperty("stage").GetString().Should().Be("PerHost");
        definition.GetProperty("wins").GetBoolean().Should().BeTrue();

        var rule = answer.GetProperty("recovery").GetProperty("rules").EnumerateArray().Should().ContainSingle().Subject;
        rule.GetProperty("id").GetString().Should().Be("LUX1002");
        rule.GetProperty("met").GetBoolean().Should().BeTrue();
        rule.GetProperty("findings").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void The_human_answer_names_the_place_the_aspect_the_gate_the_winner_and_the_verdict()
    {
        var (exitCode, output, _) = Fleet.Lux(["explain", "orion", "services.openssh.settings.PasswordAuthentication"]);

        exitCode.Should().Be(0);
        var line = LineOf("Features/OpenSsh.cs", "Settings.PasswordAuthentication = false");
        output.Should().StartWith("orion: services.openssh.settings.PasswordAuthentication = false\n")
            .And.Contain($"wins  Features/OpenSsh.cs:{line}  OpenSsh [PerHost] Server  priority 100 (plain)")
            .And.Contain("Why: the only definition.")
            .And.Contain("LUX1002 password authentication must be disabled: met");
    }

    [Fact]
    public void A_list_concatenates_its_definitions_in_the_order_made_and_names_each()
    {
        var option = Json("orion", "users.users.kiri.extraGroups").GetProperty("option");

        option.GetProperty("value").GetString().Should().Be("[ \"sops-users\" \"wheel\" \"networkmanager\" ]");
        option.GetProperty("merge").GetString().Should().Be("concat");
        option.GetProperty("why").GetString().Should().Be("a list: the 2 definitions at priority 100 (plain) are concatenated in the order they were made");
        var definitions = option.GetProperty("definitions").EnumerateArray().ToList();
        definitions.Select(d => (d.GetProperty("file").GetString(), d.GetProperty("line").GetInt32(), d.GetProperty("aspect").GetString(), d.GetProperty("member").GetString(), d.GetProperty("value").GetString()))
            .Should().Equal(
                ("Features/SopsNix.cs", LineOf("Features/SopsNix.cs", "ExtraGroups"), "SopsNix", "Reader", "[ \"sops-users\" ]"),
                ("Features/PrimaryUser.cs", LineOf("Features/PrimaryUser.cs", "ExtraGroups"), "PrimaryUser", "Account", "[ \"wheel\" \"networkmanager\" ]"));
    }

    [Fact]
    public void A_home_manager_option_is_asked_with_user_and_a_host_fact_names_its_property()
    {
        var answer = Json("orion", "--user", "kiri", "home.stateVersion");

        answer.GetProperty("user").GetString().Should().Be("kiri");
        answer.GetProperty("recovery").ValueKind.Should().Be(JsonValueKind.Null, "the recovery policy is about the host's NixOS options");
        var option = answer.GetProperty("option");
        option.GetProperty("value").GetString().Should().Be("\"25.11\"");
        option.GetProperty("priority").GetInt32().Should().Be(1000);
        var definition = option.GetProperty("definitions").EnumerateArray().Single();
        (definition.GetProperty("file").GetString(), definition.GetProperty("line").GetInt32(), definition.GetProperty("aspect").GetString(),
            definition.GetProperty("member").GetString(), definition.GetProperty("stage").GetString())
            .Should().Be(("Hosts/Orion.cs", LineOf("Hosts/Orion.cs", "StateVersion"), "Orion", "StateVersion", "Fact"));
    }

    [Fact]
    public void A_prefix_lists_every_option_below_it_with_its_definitions()
    {
        var answer = Json("polaris", "--user", "ergon", "programs.niri.settings.outputs");

        answer.GetProperty("kind").GetString().Should().Be("options");
        answer.GetProperty("prefix").GetString().Should().Be("programs.niri.settings.outputs");
        var options = answer.GetProperty("options").EnumerateArray().ToDictionary(o => o.GetProperty("path").GetString()!, o => o);
        options.Keys.Should().BeEquivalentTo(
            from output in new[] { "DP-1", "HDMI-A-1" }
            from leaf in new[] { "mode.height", "mode.refresh", "mode.width", "position.x", "position.y" }
            select $"programs.niri.settings.outputs.{output}.{leaf}");
        var refresh = options["programs.niri.settings.outputs.DP-1.mode.refresh"];
        refresh.GetProperty("value").GetString().Should().Be("165.0");
        var definition = refresh.GetProperty("definitions").EnumerateArray().Single();
        (definition.GetProperty("file").GetString(), definition.GetProperty("line").GetInt32(), definition.GetProperty("aspect").GetString(), definition.GetProperty("member").GetString())
            .Should().Be(("Features/Niri.cs", LineOf("Features/Niri.cs", "output.Mode = new()"), "Niri", "Outputs"));
        options["programs.niri.settings.outputs.HDMI-A-1.position.x"].GetProperty("value").GetString().Should().Be("2560");

        var (_, human, _) = Fleet.Lux(["explain", "polaris", "--user", "ergon", "programs.niri.settings.outputs"]);
        human.Should().StartWith("polaris, home-manager user ergon: programs.niri.settings.outputs is an attribute set; 10 options defined below it:")
            .And.MatchRegex(@"DP-1\.mode\.refresh += 165\.0 +Features/Niri\.cs:\d+  Niri \[PerUser\] Outputs");
    }

    [Fact]
    public void A_prefix_on_a_recovery_host_lists_the_rules_that_read_options_below_it()
    {
        var rules = Json("orion", "services.openssh").GetProperty("recovery").GetProperty("rules").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()).ToList();

        rules.Should().Equal("LUX1001", "LUX1002", "LUX1003", "LUX1008");
    }

    [Fact]
    public void Why_not_an_aspect_names_who_includes_it_up_to_the_hosts_and_where_to_include_it()
    {
        var answer = Json("orion", "--aspect", "Niri");

        answer.GetProperty("applies").GetBoolean().Should().BeFalse();
        answer.GetProperty("aspectKind").GetString().Should().Be("feature");
        answer.GetProperty("declared").GetProperty("file").GetString().Should().Be("Features/Niri.cs");
        answer.GetProperty("gates").EnumerateArray().Select(g => g.GetProperty("stage").GetString() + " " + g.GetProperty("member").GetString())
            .Should().Equal("PerHost Compositor", "PerUser Outputs");
        var graphical = answer.GetProperty("includedBy").EnumerateArray().Should().ContainSingle().Subject;
        (graphical.GetProperty("kind").GetString(), graphical.GetProperty("name").GetString()).Should().Be(("profile", "Graphical"));
        graphical.GetProperty("includedBy").EnumerateArray().Select(h => h.GetProperty("kind").GetString() + " " + h.GetProperty("name").GetString())
            .Should().Equal("host polaris", "host zenith");
        answer.GetProperty("wouldBeBroughtBy").EnumerateArray().Select(n => n.GetString()).Should().Equal("Niri", "Graphical");
        answer.GetProperty("uses").GetArrayLength().Should().Be(0);

        var (exitCode, human, _) = Fleet.Lux(["explain", "orion", "--aspect", "Niri"]);
        exitCode.Should().Be(0, "\"it does not apply\" is an answer");
        human.Should().StartWith($"Niri (feature, Features/Niri.cs:{LineOf("Features/Niri.cs", "public sealed record Niri")}) does not apply to orion")
            .And.Contain("orion → Development → Ssh").And.Contain("kiri → PrimaryUser")
            .And.Contain("Graphical (profile), included by:").And.Contain("the hosts polaris, zenith")
            .And.Contain($"include new Niri() or new Graphical() in Orion.Includes (Hosts/Orion.cs:{LineOf("Hosts/Orion.cs", "Includes")})");
    }

    [Fact]
    public void An_aspect_that_applies_has_its_chain_the_users_its_gates_ran_for_and_what_it_defines()
    {
        var answer = Json("polaris", "--aspect", "PrimaryUser");

        answer.GetProperty("applies").GetBoolean().Should().BeTrue();
        var use = answer.GetProperty("uses").EnumerateArray().Single();
        use.GetProperty("users").EnumerateArray().Select(u => u.GetString()).Should().Equal("kiri");
        use.GetProperty("chains").EnumerateArray().Select(c => string.Join(" → ", c.EnumerateArray().Select(s => s.GetProperty("kind").GetString() + ":" + s.GetProperty("name").GetString())))
            .Should().Equal("user:kiri → feature:PrimaryUser");
        answer.GetProperty("otherUsers").EnumerateArray().Select(u => u.GetString()).Should().Equal("ergon");
        answer.GetProperty("defines").EnumerateArray().Select(o => o.GetProperty("path").GetString())
            .Should().Equal("users.users.kiri.description", "users.users.kiri.extraGroups", "users.users.kiri.isNormalUser");

        var ssh = Json("orion", "--aspect", "Ssh").GetProperty("uses").EnumerateArray().Single();
        ssh.GetProperty("chains").EnumerateArray().Single().EnumerateArray().Select(s => s.GetProperty("name").GetString())
            .Should().Equal("orion", "Development", "Ssh");
    }

    [Fact]
    public void The_host_alone_lists_its_users_aspects_and_recovery_verdict()
    {
        var answer = Json("orion");

        answer.GetProperty("kind").GetString().Should().Be("host");
        answer.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("name").GetString()).Should().Equal("kiri");
        answer.GetProperty("aspects").EnumerateArray().Select(a => a.GetProperty("name").GetString())
            .Should().Equal("Orion", "Development", "Ssh", "OpenSsh", "SopsNix", "Kiri", "PrimaryUser");
        answer.GetProperty("recovery").GetProperty("rules").EnumerateArray().Should().HaveCount(8).And.OnlyContain(r => r.GetProperty("met").GetBoolean());
        Json("polaris").GetProperty("recovery").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Theory]
    [InlineData(new[] { "orin", "networking.hostName" }, "unknown-host", "orin", "orion")]
    [InlineData(new[] { "polaris", "--user", "ergo", "programs" }, "unknown-user", "ergo", "ergon")]
    [InlineData(new[] { "orion", "--aspect", "Nirri" }, "unknown-aspect", "Nirri", "Niri")]
    [InlineData(new[] { "orion", "services.openssh.settings.PasswordAuth" }, "unknown-option", "services.openssh.settings.PasswordAuth", "services.openssh.settings.PasswordAuthentication")]
    [InlineData(new[] { "orion", "services.opensshh.enable" }, "unknown-option", "services.opensshh.enable", "services.openssh.enable")]
    public void A_name_that_does_not_exist_is_an_error_that_suggests_the_closest(string[] args, string kind, string name, string suggestion)
    {
        var (exitCode, output, error) = Fleet.Lux(["explain", .. args]);

        exitCode.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain($"'{name}'").And.Contain($"Did you mean {suggestion}");

        var (jsonExitCode, json, _) = Fleet.Lux(["explain", .. args, "--json"]);
        jsonExitCode.Should().Be(1);
        var answer = JsonDocument.Parse(json).RootElement;
        answer.GetProperty("kind").GetString().Should().Be("error");
        answer.GetProperty("error").GetString().Should().Be(kind);
        answer.GetProperty("name").GetString().Should().Be(name);
        answer.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()).Should().Contain(suggestion);
    }

    [Fact]
    public void A_home_manager_option_asked_as_a_NixOS_one_says_to_add_user()
    {
        var (exitCode, _, error) = Fleet.Lux(["explain", "polaris", "programs.niri.settings"]);

        exitCode.Should().Be(1);
        error.Should().Contain("It is a home-manager option of kiri, ergon: add --user kiri.");
    }

    [Theory]
    [InlineData("explain")]
    [InlineData("explain orion services --aspect Niri")]
    [InlineData("explain orion --frobnicate")]
    public void A_bad_command_line_exits_2_and_points_at_help(string commandLine)
    {
        var (exitCode, output, error) = Fleet.Lux(commandLine.Split(' '));

        exitCode.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("lux explain --help");
    }

    [Fact]
    public void Help_works_for_every_command_and_documents_the_exit_codes()
    {
        foreach (var command in new[] { new[] { "--help" }, new[] { "explain", "--help" }, new[] { "write", "--help" }, new[] { "options", "generate", "--help" } })
        {
            var (exitCode, output, _) = Fleet.Lux(command);
            exitCode.Should().Be(0);
            output.Should().Contain("Usage:");
            if (command.Length > 1)
                output.Should().Contain("Exit codes: 0");
        }
    }
}

/// <summary>The example fleet's records, made once for <see cref="ExplainCommandTests"/>.</summary>
public sealed class ExampleFleetBuild : IDisposable
{
    public BuiltFleet Fleet { get; } = BuiltFleet.Example();

    public void Dispose() => Fleet.Dispose();
}
