using System.IO.Compression;
using System.Security.Cryptography;
using Lux.Tests.Nix;

namespace Lux.Tests.Package;

/// <summary>The packages Lux ships, used as a new user would use them (see <see cref="PackagedFleet"/>).</summary>
public sealed class PackageTests(PackagedFleet packaged) : IClassFixture<PackagedFleet>
{
    [Fact]
    public void The_Lux_package_holds_the_DSL_the_analyzers_and_the_writer_in_their_NuGet_folders()
    {
        using var package = ZipFile.OpenRead(Directory.GetFiles(packaged.Feed, "Lux.0*.nupkg").Single());
        var entries = package.Entries.Select(e => e.FullName).ToList();

        entries.Should().Contain(["lib/netstandard2.0/Lux.Dsl.dll", "lib/netstandard2.0/Lux.Dsl.xml",
            "analyzers/dotnet/cs/Lux.Generators.dll", "analyzers/dotnet/cs/Lux.CodeFixes.dll",
            "build/Lux.props", "build/Lux.targets", "build/Lux.NixOut.targets", "build/lux/lux.dll", "build/lux/lux.runtimeconfig.json",
            "README.md", "LICENSE"]);
        using var nuspec = new StreamReader(package.GetEntry("Lux.nuspec")!.Open());
        var metadata = nuspec.ReadToEnd();
        metadata.Should().Contain("<license type=\"expression\">MIT</license>").And.Contain("<readme>README.md</readme>").And.Contain("<tags>");
        Directory.GetFiles(packaged.Feed, "Lux.0*.snupkg").Should().ContainSingle("the symbols travel in a snupkg");
    }

    [Fact]
    public void A_fleet_asks_the_compiler_server_to_keep_its_generator_driver_between_builds()
    {
        // Without the feature the server starts every build's generator afresh, and a one-line edit re-emits the whole fleet.
        var (exitCode, output) = packaged.Dotnet("MyFleet", "msbuild", "-getProperty:Features", "-nologo");

        exitCode.Should().Be(0, output);
        output.Split(';', StringSplitOptions.TrimEntries).Should().Contain("enable-generator-cache");
    }

    [Fact]
    public void The_tool_package_is_lux_as_a_dotnet_tool_of_the_same_version_as_Lux()
    {
        var lux = Path.GetFileName(Directory.GetFiles(packaged.Feed, "Lux.0*.nupkg").Single());
        var tool = Directory.GetFiles(packaged.Feed, "Lux.Tool.*.nupkg").Where(p => !p.EndsWith(".snupkg", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        Path.GetFileName(tool)["Lux.Tool.".Length..].Should().Be(lux["Lux.".Length..], "one version for Lux and its tool");

        using var package = ZipFile.OpenRead(tool);
        package.Entries.Select(e => e.FullName).Should().Contain(["tools/net10.0/any/lux.dll", "tools/net10.0/any/DotnetToolSettings.xml", "README.md", "LICENSE"]);
        using var settings = new StreamReader(package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        settings.ReadToEnd().Should().Contain("<Command Name=\"lux\" EntryPoint=\"lux.dll\" Runner=\"dotnet\" />");
        using var nuspec = new StreamReader(package.GetEntry("Lux.Tool.nuspec")!.Open());
        nuspec.ReadToEnd().Should().Contain("<packageType name=\"DotnetTool\" />");
    }

    [Fact]
    public void The_fleet_restores_lux_from_its_tool_manifest_and_explains_its_host()
    {
        packaged.DefaultBuild.ExitCode.Should().Be(0, packaged.DefaultBuild.Output);
        var manifest = File.ReadAllText(Path.Combine(packaged.Fleet("MyFleet"), ".config", "dotnet-tools.json"));
        manifest.Should().Contain("\"lux.tool\"").And.NotContain("LUX_PACKAGE_VERSION");

        var restore = packaged.Dotnet("MyFleet", "tool", "restore");
        restore.ExitCode.Should().Be(0, restore.Output);

        var (exitCode, output) = packaged.Dotnet("MyFleet", "lux", "explain", "atlas", "services.openssh.settings.PermitRootLogin");
        exitCode.Should().Be(0, output);
        output.Should().StartWith("atlas: services.openssh.settings.PermitRootLogin = \"no\"").And.MatchRegex(@"wins +Features/OpenSsh\.cs:\d+ +OpenSsh \[PerHost\]");

        var (whyNot, answer) = packaged.Dotnet("MyFleet", "lux", "explain", "atlas", "--aspect", "Server", "--json");
        whyNot.Should().Be(0, answer);
        answer.Should().Contain("\"applies\": true");

        var (unknown, error) = packaged.Dotnet("MyFleet", "lux", "explain", "atlsa");
        unknown.Should().Be(1);
        error.Should().Contain("Did you mean atlas?");
    }

    [Fact]
    public void A_fleet_from_the_template_references_Lux_only_as_a_package_and_lives_outside_the_repository()
    {
        var project = File.ReadAllText(Path.Combine(packaged.Fleet("MyFleet"), "MyFleet.csproj"));

        project.Should().MatchRegex("<PackageReference Include=\"Lux\" Version=\"[0-9][^\"]*\" />")
            .And.NotContain("LUX_PACKAGE_VERSION").And.NotContain("ProjectReference").And.NotContain("<Import");
        Path.GetRelativePath(Repository.Root, packaged.Root).Should().StartWith("..");
        foreach (var file in new[] { ".editorconfig", ".gitignore", ".config/dotnet-tools.json", "README.md", "Hosts/Atlas.cs", "Users/Alice.cs", "Profiles/Server.cs", "Features/OpenSsh.cs" })
            File.Exists(Path.Combine(packaged.Fleet("MyFleet"), file)).Should().BeTrue($"the template makes {file}");
        File.ReadAllText(Path.Combine(packaged.Fleet("MyFleet"), ".editorconfig")).Should().Contain("dotnet_diagnostic.LUX1002.severity = error");
    }

    [NixFact]
    public void The_default_fleet_builds_and_writes_a_nix_out_that_parses_and_evaluates()
    {
        packaged.DefaultBuild.ExitCode.Should().Be(0, packaged.DefaultBuild.Output);
        packaged.DefaultBuild.Output.Should().Contain("lux: nix-out/");
        var nixOut = Path.Combine(packaged.Fleet("MyFleet"), "nix-out");
        var files = Directory.GetFiles(nixOut, "*.nix", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(nixOut, f).Replace('\\', '/'));
        files.Should().Contain(["flake.nix", "hosts/atlas/default.nix", "hosts/atlas/home/alice.nix", "hosts/atlas/hardware-configuration.nix"]);

        NixInstantiate.ParseAll(Directory.GetFiles(nixOut, "*.nix", SearchOption.AllDirectories));
        NixHarness.EvalFlake(nixOut, "builtins.attrNames flake.outputs.nixosConfigurations").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("atlas");
        NixHarness.EvalFlake(nixOut, "flake.outputs.nixosConfigurations.atlas.config.users.users.alice.isNormalUser").GetBoolean().Should().BeTrue();
        NixHarness.EvalFlake(nixOut, "flake.outputs.nixosConfigurations.atlas.config.services.openssh.settings.PermitRootLogin").GetString().Should().Be("no");
    }

    [NixFact]
    public void The_recovery_fleet_builds_with_the_policy_met_and_fails_at_the_line_that_breaks_it()
    {
        packaged.RecoveryBuild.ExitCode.Should().Be(0, packaged.RecoveryBuild.Output);
        var fleet = packaged.Fleet("Vps");
        var nixOut = Path.Combine(fleet, "nix-out");
        var host = Path.Combine(nixOut, "hosts", "vps");
        File.ReadAllText(Path.Combine(host, "default.nix")).Should().Contain("LUX1002 (vps)", "the policy travels with the host as NixOS assertions");
        NixHarness.EvalHost(host, "host.failedAssertions").GetArrayLength().Should().Be(0);
        NixHarness.EvalHost(host, "host.config.users.users.kim.openssh.authorizedKeys.keys").EnumerateArray().Select(e => e.GetString())
            .Should().Equal(PackagedFleet.RecoveryKey);

        var before = Hashes(nixOut);
        var feature = Path.Combine(fleet, "Features", "OpenSsh.cs");
        var original = File.ReadAllText(feature);
        var line = original.Split('\n').ToList().FindIndex(l => l.Contains("PasswordAuthentication = false")) + 1;
        line.Should().BePositive();
        try
        {
            File.WriteAllText(feature, original.Replace("PasswordAuthentication = false", "PasswordAuthentication = true"));
            var (exitCode, output) = packaged.Build("Vps");

            exitCode.Should().NotBe(0, "a host that would accept passwords over SSH must not build");
            output.Should().MatchRegex($@"Features/OpenSsh\.cs\({line},\d+\): error LUX1002");
            Hashes(nixOut).Should().Equal(before, "a failed build leaves nix-out as it was");
        }
        finally
        {
            File.WriteAllText(feature, original);
        }
    }

    private static Dictionary<string, string> Hashes(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith(".lux-lock", StringComparison.Ordinal))
            .ToDictionary(p => Path.GetRelativePath(directory, p), p => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))));
}
