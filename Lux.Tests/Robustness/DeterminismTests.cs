using System.Globalization;
using Lux.Tests.Generator;

namespace Lux.Tests.Robustness;

/// <summary>Tests that change process-wide state (culture, time zone) run alone.</summary>
[CollectionDefinition(nameof(ProcessStateCollection), DisableParallelization = true)]
public sealed class ProcessStateCollection
{
}

/// <summary>
/// nix-out and the errors that block it are byte-identical whatever the culture, the time zone or the order
/// the compiler hands the source files over in.
/// </summary>
[Collection(nameof(ProcessStateCollection))]
public sealed class DeterminismTests
{
    /// <summary>A fleet that meets every culture-sensitive operation Lux has: casing, number text, ordering.</summary>
    private static readonly string[] s_cultureFleet =
    [
        """
        [User] public sealed record Ilkay : User
        {
            public override string Description => $"İlkay {1.5} {-3} {2.25e-10} {true}";
            public override SshKeys AuthorizedSshKeys => ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILw11DZ6CfE18wxKOEyRLNz+sY9eZ6Ic2rf4Lzl4u12T ilkay"];
        }
        """,
        """
        [Host] public sealed record Istanbul : Host
        {
            public override Users Users => [new Ilkay()];
            public override Displays Displays => [new Display("DP-1", 2560, 1440, 143.912) { Scale = 1.25, X = -1920 }];
            public override Aspects Includes => [new Probe()];
        }
        """,
        """
        [Feature] public sealed record Probe : Feature
        {
            [PerHost]
            void Os(Host host, NixOS os)
            {
                os.Services.OpenSsh.Settings.AllowUsers = new[] { "iz", "Iz", "İz", "ız", "IZ", "äz", "az", "zz" }.OrderBy(n => n).ToList();
                os.Users.Users["ilkay"].Description = "TITLE".ToLowerInvariant() + "title".ToUpperInvariant() + host.Name;
                os.SetUnchecked("lux.numbers", new[] { -1.5, 1e-7, 1234567.891, -0.0 });
                os.SetUnchecked("lux.text", $"{host.Displays[0].Refresh} {host.Displays[0].Scale} {host.Displays[0].X}");
            }

            [PerUser]
            void Home(Host host, User user, HomeManager home)
            {
                home.Programs.Git.Set("settings.user.name", user.Description);
            }
        }
        """,
    ];

    /// <summary>The same fleet with errors whose messages quote numbers and text.</summary>
    private static readonly string s_failingFeature = """
        [Feature] public sealed record Failing : Feature
        {
            [PerHost]
            void Os(Host host, NixOS os)
            {
                os.SetUnchecked("lux.index", host.Displays[-1].Refresh);
            }

            [PerUser]
            void Home(User user, NixOS os) => os.SetUnchecked("lux.cut", user.Description.Substring(-2, 40));

            [PerHost]
            void NotANumber(NixOS os) => os.SetUnchecked("lux.nan", Mk.Override(-5, 1.5 * double.NaN));

            [PerHost]
            void Conflict(NixOS os)
            {
                os.SetUnchecked("lux.twice", Mk.Override(-7, 1));
                os.SetUnchecked("lux.twice", Mk.Override(-7, 2));
            }
        }
        """;

    public static TheoryData<string> Cultures => ["tr-TR", "de-DE", "sv-SE", "ar-SA", "fa-IR", "ja-JP"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Nix_out_and_its_errors_are_byte_identical_in_every_culture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        var invariant = InCulture(CultureInfo.InvariantCulture, Generate);
        var other = InCulture(culture, Generate);

        other.Example.Should().Equal(invariant.Example);
        other.Culture.Should().Equal(invariant.Culture);
        other.Errors.Should().Equal(invariant.Errors);
        invariant.Errors.Should().HaveCount(4);
    }

    [Fact]
    public void Negative_numbers_in_error_messages_followed_the_culture_so_sv_SE_wrote_a_Unicode_minus()
    {
        var messages = InCulture(CultureInfo.GetCultureInfo("sv-SE"), () => LuxRun.Of(
            "[Host] public sealed record Alpha : Host { public override Aspects Includes => [new Probe()]; }",
            """
            [Feature] public sealed record Probe : Feature
            {
                [PerHost] void A(Host host, NixOS os) => os.SetUnchecked("a", host.Users[-1].Name);
                [PerHost] void B(Host host, NixOS os) => os.SetUnchecked("b", host.Name.Substring(-2, 1));
                [PerHost] void C(NixOS os) { os.SetUnchecked("c", Mk.Override(-7, 1)); os.SetUnchecked("c", Mk.Override(-7, 2)); }
            }
            """).ManifestErrors);

        messages.Should().HaveCount(3).And.Contain(m => m.Contains("Index -1 is outside")).And.Contain(m => m.Contains("Substring(-2, 1)"))
            .And.Contain(m => m.Contains("priority -7"));
    }

    [Fact]
    public void The_cultures_tested_really_differ_from_the_invariant_culture()
    {
        // Without ICU (invariant globalization) every culture is the invariant one, and the test above proves nothing.
        CultureInfo.GetCultureInfo("tr-TR").TextInfo.ToLower('I').Should().Be('ı');
        1.5.ToString(CultureInfo.GetCultureInfo("de-DE")).Should().Be("1,5");
        (-1).ToString(CultureInfo.GetCultureInfo("sv-SE")).Should().Be("\u22121");
    }

    [Theory]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("America/St_Johns")]
    [InlineData("Asia/Kathmandu")]
    public void Nix_out_is_byte_identical_in_every_time_zone(string zone)
    {
        var utc = InTimeZone("UTC", () => ExampleFleet.Run().Files);
        var local = InTimeZone(zone, () =>
        {
            // The switch is real: the process's local time now is this zone's.
            TimeZoneInfo.Local.Id.Should().Be(zone);
            return ExampleFleet.Run().Files;
        });

        local.Should().Equal(utc);
    }

    [Fact]
    public void The_generator_reads_no_clock_no_environment_and_no_randomness()
    {
        // A clock or the environment would make nix-out depend on when and where it was built; the time zone
        // test above can only see what this run reaches, so the source says the rest.
        var forbidden = new System.Text.RegularExpressions.Regex(
            @"\b(DateTime|DateTimeOffset|TimeZoneInfo|Stopwatch|TickCount64|Random|Guid\.NewGuid|CurrentCulture|CurrentUICulture|Directory\.|File\.|Environment\.(?!Empty))");
        var offenders = Repository.Read(Repository.Path("Lux.Generators"), "*.cs")
            .Where(f => !f.Path.EndsWith(".g.cs", StringComparison.Ordinal)) // tables written by lux options generate: data, not code
            .SelectMany(f => f.Text.Split('\n').Select((line, i) => (f.Path, Line: i + 1, Text: line)))
            // Evaluate.Environment.Empty is the evaluator's scope of names, not System.Environment.
            .Where(l => forbidden.IsMatch(l.Text) && !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(l => $"{Path.GetFileName(l.Path)}:{l.Line}: {l.Text.Trim()}");
        offenders.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Nix_out_and_its_errors_are_byte_identical_in_any_order_of_the_source_files(int seed)
    {
        var sources = ExampleFleet.Sources().ToList();
        var nixFiles = ExampleFleet.NixFiles().ToList();
        var random = new Random(seed);
        var shuffled = sources.OrderBy(_ => random.Next()).ToList();
        var shuffledNix = nixFiles.OrderBy(_ => random.Next()).ToList();

        LuxRun.Of(shuffled, shuffledNix, ExampleFleet.ProjectDirectory).Files
            .Should().Equal(LuxRun.Of(sources, nixFiles, ExampleFleet.ProjectDirectory).Files);

        var failing = s_cultureFleet.Append(s_failingFeature.Replace("Failing", "Probe2", StringComparison.Ordinal))
            .Select((text, i) => (LuxRun.ProjectDirectory + "F" + i + ".cs", text.Replace("new Probe()]", "new Probe(), new Probe2()]", StringComparison.Ordinal)))
            .ToList();
        var run = LuxRun.Of(failing.OrderBy(_ => random.Next()));
        run.ManifestErrors.Should().Equal(LuxRun.Of(failing).ManifestErrors).And.NotBeEmpty();
        run.Files.Should().Equal(LuxRun.Of(failing).Files);
    }

    private static (IReadOnlyDictionary<string, string> Example, IReadOnlyDictionary<string, string> Culture, IReadOnlyList<string> Errors) Generate()
    {
        var culture = LuxRun.Of(s_cultureFleet);
        culture.ManifestErrors.Should().BeEmpty();
        var failing = LuxRun.Of(s_cultureFleet.Append(s_failingFeature.Replace("Failing", "Probe2", StringComparison.Ordinal))
            .Select(s => s.Replace("new Probe()]", "new Probe(), new Probe2()]", StringComparison.Ordinal)).ToArray());
        return (ExampleFleet.Run().Files, culture.Files, failing.ManifestErrors);
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (current, currentUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var (defaultCulture, defaultUi) = (CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = culture;
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, currentUi);
            (CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture) = (defaultCulture, defaultUi);
        }
    }

    /// <summary>.NET on Unix reads TZ for the local zone once and caches it; clearing the cache makes it read TZ again.</summary>
    private static T InTimeZone<T>(string zone, Func<T> action)
    {
        var previous = Environment.GetEnvironmentVariable("TZ");
        try
        {
            Environment.SetEnvironmentVariable("TZ", zone);
            TimeZoneInfo.ClearCachedData();
            return action();
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", previous);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
