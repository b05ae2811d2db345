namespace Lux.Tests.Generator;

/// <summary>Stage gates with den's meaning, and merging as nixpkgs' module system does it.</summary>
public sealed class ResolutionTests
{
    private static LuxRun Run(string hostBody, string features) => LuxRun.Of($$"""
        [User] public sealed record Ada : User { public override Aspects Includes => [new Tag("from-ada")]; }
        [User] public sealed record Bob : User { }
        [Host] public sealed record Alpha : Host
        {
            public override Users Users => [new Ada(), new Bob()];
            {{hostBody}}
        }
        [Feature] public sealed record Tag(string Name) : Feature
        {
            [PerHost] void Host(NixOS os) => os.Environment.SystemPackages = [Nix.Raw("pkgs." + Name)];
            [PerUser] void User(User user, NixOS os) => os.Users.Users[user.Name].ExtraGroups = [Name];
        }
        {{features}}
        """);

    [Fact]
    public void An_aspect_reached_directly_and_through_a_profile_applies_once_per_context()
    {
        var run = Run("public override Aspects Includes => [new Tag(\"x\"), new Bundle()];",
            "[Profile] public sealed record Bundle : Profile { public override Aspects Includes => [new Tag(\"x\"), new Tag(\"y\")]; }");
        run.ManifestErrors.Should().BeEmpty();
        var module = run.Files["hosts/alpha/default.nix"];
        module.Should().Contain("pkgs.x").And.Contain("pkgs.y").And.Contain("pkgs.from-ada");
        module.Split("pkgs.x").Should().HaveCount(2, "Tag(\"x\") is reached twice but applies once per host");
        module.Split("\"x\"").Should().HaveCount(3, "once for each of the two users");
    }

    [Fact]
    public void A_users_own_aspects_apply_to_that_user_only()
    {
        var run = Run("", "");
        var module = run.Files["hosts/alpha/default.nix"];
        module.Should().Contain("ada.extraGroups = [ \"from-ada\" ];");
        module.Should().NotContain("bob.extraGroups");
    }

    [Fact]
    public void Lists_concatenate_and_the_strongest_priority_wins()
    {
        var run = Run("""
            public override Aspects Includes => [new A(), new B()];
            """, """
            [Feature] public sealed record A : Feature
            {
                [PerHost] void Os(NixOS os)
                {
                    os.Networking.Firewall.AllowedTCPPorts = [22];
                    os.Services.OpenSsh.Enable = Mk.Default(false);
                    os.Services.OpenSsh.Settings.AllowUsers = Mk.Force(["root"]);
                }
            }
            [Feature] public sealed record B : Feature
            {
                [PerHost] void Os(NixOS os)
                {
                    os.Networking.Firewall.AllowedTCPPorts = [80, 443];
                    os.Services.OpenSsh.Enable = true;
                    os.Services.OpenSsh.Settings.AllowUsers = ["ada"];
                }
            }
            """);
        run.ManifestErrors.Should().BeEmpty();
        var module = run.Files["hosts/alpha/default.nix"];
        module.Should().MatchRegex(@"allowedTCPPorts = \[\s+22 # File0\.cs:\d+\s+80 # File0\.cs:\d+\s+443\s+\];");
        module.Should().Contain("enable = true;").And.NotContain("mkDefault false");
        module.Should().Contain("AllowUsers = lib.mkForce [ \"root\" ];").And.NotContain("\"ada\" ]");
    }

    [Fact]
    public void Two_values_for_one_option_at_one_priority_are_LUX2001_naming_both_places()
    {
        var run = Run("public override Aspects Includes => [new A(), new B()];", """
            [Feature] public sealed record A : Feature { [PerHost] void Os(NixOS os) => os.Services.OpenSsh.Settings.PermitRootLogin = PermitRootLogin.No; }
            [Feature] public sealed record B : Feature { [PerHost] void Os(NixOS os) => os.Services.OpenSsh.Settings.PermitRootLogin = "yes"; }
            """);
        var conflict = run.AnalyzerDiagnostics().Should().ContainSingle(d => d.Id == "LUX2001").Subject;
        conflict.GetMessage().Should().Contain("services.openssh.settings.PermitRootLogin").And.Contain("\"yes\"").And.Contain("\"no\"");
        conflict.AdditionalLocations.Should().ContainSingle();
        var both = new[] { conflict.Location, conflict.AdditionalLocations[0] }.Select(l => l.GetLineSpan().StartLinePosition.Line).ToList();
        both.Should().OnlyHaveUniqueItems();
        run.ManifestErrors.Should().ContainSingle(e => e.Contains("LUX2001"));
    }

    [Fact]
    public void The_same_value_twice_at_one_priority_is_not_a_conflict()
    {
        var run = Run("public override Aspects Includes => [new A(), new B()];", """
            [Feature] public sealed record A : Feature { [PerHost] void Os(NixOS os) => os.Services.OpenSsh.Enable = true; }
            [Feature] public sealed record B : Feature { [PerHost] void Os(NixOS os) => os.Services.OpenSsh.Enable = true; }
            """);
        run.ManifestErrors.Should().BeEmpty();
    }

    [Fact]
    public void Aspects_that_include_each_other_are_LUX0005()
    {
        var run = Run("public override Aspects Includes => [new P()];", """
            [Profile] public sealed record P : Profile { public override Aspects Includes => [new Q()]; }
            [Profile] public sealed record Q : Profile { public override Aspects Includes => [new P()]; }
            """);
        run.AnalyzerDiagnostics().Should().Contain(d => d.Id == "LUX0005" && d.GetMessage().Contains("P → Q → P"));
        run.ManifestErrors.Should().NotBeEmpty();
    }

    [Fact]
    public void The_order_of_source_files_does_not_change_the_output()
    {
        var sources = new[]
        {
            "[User] public sealed record Ada : User { }",
            "[Host] public sealed record Alpha : Host { public override Users Users => [new Ada()]; public override Aspects Includes => [new A(), new B()]; }",
            "[Feature] public sealed record A : Feature { [PerHost] void Os(NixOS os) => os.Networking.Firewall.AllowedTCPPorts = [1]; }",
            "[Feature] public sealed record B : Feature { [PerHost] void Os(NixOS os) => os.Networking.Firewall.AllowedTCPPorts = [2]; }",
        };
        var forward = LuxRun.Of(sources.Select((s, i) => ("/fleet/" + i + ".cs", s)));
        var backward = LuxRun.Of(sources.Select((s, i) => ("/fleet/" + i + ".cs", s)).Reverse());
        backward.Files.Should().Equal(forward.Files);
    }
}
