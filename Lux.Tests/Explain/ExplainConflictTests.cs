using System.Text.Json;
using Lux.Tests.Generator;

namespace Lux.Tests.Explain;

/// <summary>
/// An option whose definitions conflict (LUX2001) has no value in nix-out, and the build stops on it; lux explain
/// still answers for it, with every definition and none winning, for NixOS and home-manager options alike.
/// </summary>
public sealed class ExplainConflictTests : IDisposable
{
    private const string Fleet = """
        [Feature]
        public sealed record Hardened : Feature
        {
            [PerHost]
            void Os(NixOS os)
            {
                os.Services.OpenSsh.Settings.PasswordAuthentication = false;
                os.Services.OpenSsh.Settings.PermitRootLogin = Mk.Default("yes");
            }

            [PerUser]
            void Home(HomeManager home) => home.Gtk.Enable = true;
        }

        [Feature]
        public sealed record Lenient : Feature
        {
            [PerHost]
            void Os(NixOS os) => os.Services.OpenSsh.Settings.PasswordAuthentication = true;

            [PerUser]
            void Home(HomeManager home) => home.Gtk.Enable = false;
        }

        [User]
        public sealed record Ada : User;

        [Host]
        public sealed record Alpha : Host
        {
            public override Aspects Includes => [new Hardened(), new Lenient()];

            public override Users Users => [new Ada()];
        }
        """;

    private readonly BuiltFleet built = new(LuxRun.Of(Fleet));

    public void Dispose() => built.Dispose();

    [Fact]
    public void A_conflicting_option_lists_every_definition_and_none_wins()
    {
        var option = Option(["explain", "alpha", "services.openssh.settings.PasswordAuthentication", "--json"]);

        option.GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null);
        option.GetProperty("merge").GetString().Should().Be("conflict");
        option.GetProperty("why").GetString().Should().StartWith("a conflict (LUX2001): the 2 definitions at priority 100 (plain) give different values");
        option.GetProperty("definitions").EnumerateArray()
            .Select(d => (d.GetProperty("line").GetInt32(), d.GetProperty("aspect").GetString(), d.GetProperty("value").GetString(), d.GetProperty("wins").GetBoolean()))
            .Should().Equal((7, "Hardened", "false", false), (19, "Lenient", "true", false));

        var (exitCode, human, error) = built.Lux(["explain", "alpha", "services.openssh.settings.PasswordAuthentication"]);
        exitCode.Should().Be(0, error);
        human.Should().StartWith("alpha: services.openssh.settings.PasswordAuthentication has no value: its definitions conflict (LUX2001).")
            .And.MatchRegex(@"clash +File0\.cs:7 +Hardened \[PerHost\] Os +priority 100 \(plain\)  = false")
            .And.MatchRegex(@"clash +File0\.cs:19 +Lenient \[PerHost\] Os +priority 100 \(plain\)  = true");
    }

    [Fact]
    public void A_conflicting_home_manager_option_is_explained_for_its_user()
    {
        var option = Option(["explain", "alpha", "--user", "ada", "gtk.enable", "--json"]);

        option.GetProperty("merge").GetString().Should().Be("conflict");
        option.GetProperty("definitions").EnumerateArray().Select(d => d.GetProperty("aspect").GetString()).Should().Equal("Hardened", "Lenient");
    }

    [Fact]
    public void Options_beside_the_conflict_keep_their_values_and_the_listing_marks_the_conflict()
    {
        Option(["explain", "alpha", "services.openssh.settings.PermitRootLogin", "--json"]).GetProperty("value").GetString().Should().Be("\"yes\"");

        var (exitCode, human, error) = built.Lux(["explain", "alpha", "services.openssh.settings"]);
        exitCode.Should().Be(0, error);
        human.Should().MatchRegex(@"PasswordAuthentication = \(conflict, LUX2001\) +2 definitions: a conflict");
    }

    private JsonElement Option(string[] args)
    {
        var (exitCode, output, error) = built.Lux(args);
        exitCode.Should().Be(0, error);
        return JsonDocument.Parse(output).RootElement.GetProperty("option");
    }
}
