using System.Reflection;
using Lux.Generators.Check.SshRecovery;
using Lux.Generators.Parse;
using Lux.Tests.Generator;

namespace Lux.Tests.Dsl;

/// <summary>
/// The generator evaluates a fleet without running Lux.Dsl. What it knows of the DSL, it knows from one place each:
/// the defaults and priorities in DslFacts (compiled into both), the names of the types and members it matches in
/// LuxSymbols, the options the recovery policy names in RecoveryOptions. These tests hold each against Lux.Dsl itself,
/// so a rename there fails here, not silently in a fleet.
/// </summary>
public sealed class DslFactsTests
{
    private sealed record Vega : Host;

    private sealed record Mira : User;

    private sealed record Policy : SecretsPolicy;

    [Fact]
    public void The_DSL_reads_its_defaults_from_the_facts_the_generator_knows()
    {
        new Vega().System.Should().Be(DslFacts.DefaultSystem);
        new Vega().Name.Should().Be(DslFacts.DefaultName(nameof(Vega))).And.Be("vega");
        new Mira().Name.Should().Be(DslFacts.DefaultName(nameof(Mira)));
        new Policy().PathRegex.Should().Be(DslFacts.DefaultSecretsPathRegex);
    }

    [Fact]
    public void A_host_that_overrides_nothing_compiles_to_the_DSLs_defaults()
    {
        var run = LuxRun.Of(
            "[Host] public sealed record Vega : Host { public override Users Users => [new Mira()]; }",
            "[User] public sealed record Mira : User { }",
            "[Secrets] public sealed record Policy : SecretsPolicy { public override IReadOnlyList<AgeRecipient> Recipients => [new(\"admin\", \"" + AgeKey + "\")]; }");

        run.ManifestErrors.Should().BeEmpty();
        var host = run.Files["hosts/" + new Vega().Name + "/default.nix"];
        host.Should().Contain("hostPlatform = \"" + new Vega().System + "\";").And.Contain("hostName = \"vega\";");
        run.Files.Should().ContainKey("hosts/vega/home/" + new Mira().Name + ".nix");
        run.Files[".sops.yaml"].Should().Contain("path_regex: '" + new Policy().PathRegex.Replace("'", "''") + "'");
    }

    [Fact]
    public void Mk_writes_the_priorities_the_module_system_gives_mkDefault_and_mkForce()
    {
        var run = LuxRun.Of(
            "[Host] public sealed record Vega : Host { public override Aspects Includes => [new Tune()]; }",
            "[Feature] public sealed record Tune : Feature { [PerHost] void Os(NixOS os) { os.Boot.Tmp.CleanOnBoot = Mk.Force(true); os.Time.TimeZone = Mk.Default(\"UTC\"); " +
            "os.Services.OpenSsh.Enable = Mk.Override(" + DslFacts.ForcePriority + ", true); } }");

        run.ManifestErrors.Should().BeEmpty();
        var host = run.Files["hosts/vega/default.nix"];
        host.Should().Contain("cleanOnBoot = lib.mkForce true;").And.Contain("timeZone = lib.mkDefault \"UTC\";").And.Contain("enable = lib.mkForce true;");
    }

    [Fact]
    public void Every_DSL_type_and_member_the_generator_matches_by_name_is_in_Lux_Dsl()
    {
        var dsl = typeof(Host).Assembly;
        foreach (var name in LuxSymbols.TypeNames)
            dsl.GetType(name).Should().NotBeNull($"Parse recognises {name}");
        foreach (var (type, member) in LuxSymbols.MemberNames)
            dsl.GetType(type)!.GetMember(member).Should().NotBeEmpty($"Parse matches {type}.{member}");
        // The members whose defaults DslFacts states.
        typeof(Host).GetProperty(nameof(Host.System)).Should().NotBeNull();
        typeof(Host).GetProperty(nameof(Host.Name)).Should().NotBeNull();
        typeof(User).GetProperty(nameof(User.Name)).Should().NotBeNull();
        typeof(SecretsPolicy).GetProperty(nameof(SecretsPolicy.PathRegex)).Should().NotBeNull();
    }

    public static TheoryData<string> RecoveryOptionNames =>
        new(typeof(RecoveryOptions).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name));

    [Theory]
    [MemberData(nameof(RecoveryOptionNames))]
    public void Each_option_the_recovery_policy_names_is_in_the_NixOS_tree_by_its_Nix_and_its_CSharp_name(string field)
    {
        var option = (OptionPath)typeof(RecoveryOptions).GetField(field)!.GetValue(null)!;
        // os.Users.Users[user.Name].IsNormalUser: a member per Nix segment, an indexer where the Nix path has a name.
        var members = option.CSharp("user.Name").Replace("[user.Name]", ".[]").Split('.').Skip(1).ToList();
        members.Should().HaveSameCount(option.Segments);
        var type = typeof(NixOS);
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] == "[]")
            {
                option.Segments[i].Should().Be(OptionPath.Key);
                type.IsGenericType.Should().BeTrue($"{option.Nix()}: an attribute set stands where a name is");
                type = type.GetGenericArguments()[0];
                continue;
            }
            var property = type.GetProperty(members[i]);
            property.Should().NotBeNull($"{type.Name} has {members[i]}, the C# name of {option.Segments[i]} in {option.Nix()}");
            NixName(property!).Should().Be(option.Segments[i], $"{property!.Name} is the option {option.Segments[i]}");
            type = property!.PropertyType;
        }
    }

    private static string NixName(PropertyInfo property) =>
        property.GetCustomAttribute<NixAttribute>()?.Name ?? char.ToLowerInvariant(property.Name[0]) + property.Name[1..];

    private const string AgeKey = "age1u0wee2tgza0kkkyyq9y4yeevshq2fduuywyw0ms8fe440zasya7qq7x42g";
}
