using System.Reflection;
using System.Text.RegularExpressions;
using Lux.Generators;
using Lux.Generators.Emit;
using Lux.Generators.Model;
using Lux.Tests.Generator;
using Microsoft.CodeAnalysis;

namespace Lux.Tests.Incremental;

/// <summary>
/// The generator's work follows the edit: an unchanged compilation reuses every step, a literal edited in
/// one host re-adds that host's one source only (its files and record), an edit that moves no line re-adds nothing,
/// and the pipeline holds only equatable data.
/// </summary>
public sealed class IncrementalCachingTests
{
    private static GeneratorRunResult Single(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    [Fact]
    public void Every_tracking_name_names_a_step_the_generator_runs()
    {
        // Roslyn records a step only when data flows from it to an output: a feature that creates a host
        // (new Orion()) makes the steps that find such hosts carry some.
        var harness = new IncrementalHarness(IncrementalHarness.BackupsToOrion);
        var result = Single(harness.CreateDriver().RunGenerators(harness.Compilation));
        var names = typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);
        result.TrackedSteps.Keys.Should().Contain(names);
    }

    [Fact]
    public void Rerunning_on_an_unchanged_compilation_leaves_every_step_cached_or_unchanged()
    {
        var harness = new IncrementalHarness();
        var driver = harness.CreateDriver().RunGenerators(harness.Compilation);

        var result = Single(driver.RunGenerators(harness.Compilation.Clone()));

        var steps = IncrementalHarness.LuxSteps(result).ToList();
        steps.Should().NotBeEmpty();
        foreach (var (name, step) in steps)
            step.Outputs.Should().OnlyContain(o => o.Reason == IncrementalStepRunReason.Cached || o.Reason == IncrementalStepRunReason.Unchanged, name);
        IncrementalHarness.SourceOutputs(result).Should().NotBeEmpty().And.OnlyContain(o => o.Reason == IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Editing_one_literal_in_one_host_re_adds_only_that_hosts_source()
    {
        var harness = new IncrementalHarness();
        var driver = harness.CreateDriver().RunGenerators(harness.Compilation);
        var before = IncrementalHarness.Files(Single(driver));

        // Polaris's first display: 165 Hz becomes 144 Hz. Only the niri outputs of its two users change.
        var result = Single(driver.RunGenerators(harness.Edit("Polaris.cs", "165.0", "144.0")));

        var after = IncrementalHarness.Files(result);
        var changed = after.Where(f => before[f.Key] != f.Value).Select(f => f.Key).ToList();
        changed.Should().BeEquivalentTo("hosts/polaris/home/kiri.nix", "hosts/polaris/home/ergon.nix");
        // One source of the four (three hosts and the fleet) is added again: polaris's, which carries both changed files.
        ReAdded(result).Should().Equal("polaris");
        IncrementalHarness.SourceOutputs(result).Should().HaveCount(4)
            .And.ContainSingle(o => o.Reason != IncrementalStepRunReason.Cached);
        Reasons(result, TrackingNames.HostSource).Should().BeEquivalentTo(new[]
        {
            IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached,
        });

        // Of the hosts, only polaris was resolved again; of the declarations, only polaris's was parsed again.
        Reasons(result, TrackingNames.Host).Should().BeEquivalentTo(new[]
        {
            IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached,
        });
        Reasons(result, TrackingNames.Declarations).Should().ContainSingle(r => r == IncrementalStepRunReason.Modified)
            .And.OnlyContain(r => r == IncrementalStepRunReason.Modified || r == IncrementalStepRunReason.Unchanged);
        Reasons(result, TrackingNames.Manifest).Should().OnlyContain(r => r == IncrementalStepRunReason.Cached);
        Reasons(result, TrackingNames.Flake).Should().OnlyContain(r => r == IncrementalStepRunReason.Cached);
        Reasons(result, TrackingNames.FleetMap).Should().OnlyContain(r => r == IncrementalStepRunReason.Cached);

        // lux explain's records: polaris's travels in its source; the index, with the flake, map and manifest, in the
        // fleet's, which stays cached.
        Reasons(result, TrackingNames.ExplanationCatalog).Should().OnlyContain(r => r == IncrementalStepRunReason.Cached);
        Reasons(result, TrackingNames.ExplanationIndex).Should().OnlyContain(r => r == IncrementalStepRunReason.Cached);
        Reasons(result, TrackingNames.FleetSource).Should().Equal(IncrementalStepRunReason.Cached);
        GeneratedSources.Of(result.GeneratedSources).Records["polaris"].Should().Contain("144");
    }

    [Fact]
    public void Editing_one_hosts_hardware_module_re_adds_only_that_hosts_source()
    {
        var harness = new IncrementalHarness();
        var driver = harness.CreateDriver().RunGenerators(harness.Compilation);
        var before = IncrementalHarness.Files(Single(driver));
        var module = harness.AdditionalTexts.Single(t => t.Path.EndsWith("/polaris.nix", StringComparison.Ordinal));
        var text = module.GetText()!.ToString();
        var edited = new InMemoryAdditionalText(module.Path, text + "# edited\n");

        var result = Single(driver.ReplaceAdditionalText(module, edited).RunGenerators(harness.Compilation));

        var after = IncrementalHarness.Files(result);
        after.Where(f => before[f.Key] != f.Value).Select(f => f.Key).Should().Equal("hosts/polaris/hardware-configuration.nix");
        // Every host's source step ran again with the new Nix texts; only polaris's came out different and was added again.
        Reasons(result, TrackingNames.HostSource).Should().BeEquivalentTo(new[]
        {
            IncrementalStepRunReason.Modified, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Unchanged,
        });
        ReAdded(result).Should().Equal("polaris");
        Reasons(result, TrackingNames.Host).Should().OnlyContain(r => r == IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Editing_a_feature_re_makes_every_host_record_it_reaches_and_the_index_only_when_names_or_includes_move()
    {
        var harness = new IncrementalHarness();
        var driver = harness.CreateDriver().RunGenerators(harness.Compilation);

        // A literal of a feature every host includes: every host's record changes (its value), the index does not.
        var result = Single(driver.RunGenerators(harness.Edit("OpenSsh.cs", "OpenFirewall = true", "OpenFirewall = false")));

        // Each host's source carries its changed files and record; the fleet's is added again only if one of its parts changed.
        string[] fleetParts = [TrackingNames.Flake, TrackingNames.FleetMap, TrackingNames.Sops, TrackingNames.ExplanationIndex, TrackingNames.Manifest];
        var changedParts = fleetParts.Where(part => Reasons(result, part).Contains(IncrementalStepRunReason.Modified)).ToList();
        ReAdded(result).Should().BeEquivalentTo(changedParts.Count > 0 ? ["orion", "polaris", "zenith", "fleet"] : new[] { "orion", "polaris", "zenith" },
            "the fleet's parts that changed: " + string.Join(", ", changedParts));
        Reasons(result, TrackingNames.ExplanationCatalog).Should().OnlyContain(r => r == IncrementalStepRunReason.Unchanged || r == IncrementalStepRunReason.Cached);
        Reasons(result, TrackingNames.ExplanationIndex).Should().OnlyContain(r => r == IncrementalStepRunReason.Unchanged || r == IncrementalStepRunReason.Cached);
    }

    [Theory]
    [InlineData("Polaris.cs", "The main machine: a desktop with two monitors.", "The main machine, a desk with two screens.")]
    [InlineData("Polaris.cs", "public override string StateVersion => \"25.11\";", "public override string StateVersion   =>   \"25.11\" ;")]
    [InlineData("Niri.cs", "// Absent facts stay absent: niri's own defaults apply.", "// Facts left absent stay absent.")]
    [InlineData("Graphical.cs", "[new Niri(), new Desktop(), new NetworkManager()]", "[ new Niri(),  new Desktop(),  new NetworkManager() ]")]
    public void Editing_whitespace_or_a_comment_within_a_line_changes_no_output(string file, string before, string after)
    {
        var harness = new IncrementalHarness();
        var driver = harness.CreateDriver().RunGenerators(harness.Compilation);
        var files = IncrementalHarness.Files(Single(driver));

        var result = Single(driver.RunGenerators(harness.Edit(file, before, after)));

        IncrementalHarness.Files(result).Should().Equal(files);
        ReAdded(result).Should().BeEmpty();
        IncrementalHarness.SourceOutputs(result).Should().NotContain(o => o.Reason == IncrementalStepRunReason.New || o.Reason == IncrementalStepRunReason.Modified);
    }

    /// <summary>
    /// nix-out names the C# file and line of each definition, so an edit that moves lines legitimately
    /// re-emits the files whose provenance comments moved, and no other: here polaris's, in comments only.
    /// </summary>
    [Fact]
    public void A_line_inserted_in_a_host_re_emits_that_hosts_files_whose_provenance_moved()
    {
        var harness = new IncrementalHarness();
        var driver = harness.CreateDriver().RunGenerators(harness.Compilation);
        var before = IncrementalHarness.Files(Single(driver));

        var result = Single(driver.RunGenerators(harness.Edit("Polaris.cs", "[Host]", "\n[Host]")));

        var after = IncrementalHarness.Files(result);
        var changed = after.Where(f => before[f.Key] != f.Value).Select(f => f.Key).ToList();
        changed.Should().NotBeEmpty().And.OnlyContain(path => path.StartsWith("hosts/polaris/", StringComparison.Ordinal));
        ReAdded(result).Should().Equal("polaris");
        foreach (var path in changed)
            WithoutProvenance(after[path]).Should().Be(WithoutProvenance(before[path]), $"{path} differs in its provenance comments only");

        // Polaris's summary moved with its span; the fleet map reads only its map, which did not.
        Reasons(result, TrackingNames.HostSummary).Should().Contain(IncrementalStepRunReason.Modified);
        Reasons(result, TrackingNames.HostMap).Should().OnlyContain(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged);
        Reasons(result, TrackingNames.FleetMap).Should().OnlyContain(r => r == IncrementalStepRunReason.Cached);
    }

    /// <summary>A host's includes are on the map: editing them runs the map again, and only that host's map changed.</summary>
    [Fact]
    public void Editing_a_hosts_includes_runs_the_fleet_map_again()
    {
        var harness = new IncrementalHarness();
        var driver = harness.CreateDriver().RunGenerators(harness.Compilation);

        var result = Single(driver.RunGenerators(harness.Edit("Polaris.cs", "new OpenSsh(), ", "")));

        Reasons(result, TrackingNames.HostMap).Should().BeEquivalentTo(new[]
        {
            IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached,
        });
        Reasons(result, TrackingNames.FleetMap).Should().Equal(IncrementalStepRunReason.Modified);
        ReAdded(result).Should().BeEquivalentTo("polaris", "fleet");
        var fleet = ReAddedSources(result).OfType<FleetSource>().Single();
        fleet.Files.Select(f => f.Path).Should().Contain(FleetMapEmitter.Paths);
    }

    [Fact]
    public void The_pipeline_holds_no_symbols_syntax_compilations_semantic_models_or_locations()
    {
        var harness = new IncrementalHarness();
        var driver = harness.CreateDriver().RunGenerators(harness.Compilation);
        var first = Single(driver);
        var edited = Single(driver.RunGenerators(harness.Edit("Polaris.cs", "165.0", "144.0")));

        var banned = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var (name, step) in IncrementalHarness.LuxSteps(first).Concat(IncrementalHarness.LuxSteps(edited)))
        {
            foreach (var (value, _) in step.Outputs)
                Walk(value, name, banned, visited);
        }
        visited.Should().NotBeEmpty();
        banned.Should().BeEmpty();
    }

    /// <summary>What a run added again: the inputs of its New or Modified AddSource steps, a host's source or the fleet's.</summary>
    private static IEnumerable<object> ReAddedSources(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(s => s.Value)
            .Where(step => step.Outputs.Any(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified))
            .SelectMany(step => step.Inputs).Select(input => input.Source.Outputs[input.OutputIndex].Value);

    /// <summary>The sources a run added again, by host name, and "fleet" for the fleet's.</summary>
    private static IEnumerable<string> ReAdded(GeneratorRunResult result) =>
        ReAddedSources(result).Select(source => source switch
        {
            HostSource host => host.HostName,
            FleetSource => "fleet",
            _ => throw new InvalidOperationException("an AddSource of " + source.GetType().Name),
        });

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string trackingName) =>
        result.TrackedSteps[trackingName].SelectMany(step => step.Outputs).Select(o => o.Reason);

    private static string WithoutProvenance(string nix) => Regex.Replace(nix, @" # [^\n]*\.cs:\d+[^\n]*", "");

    private static readonly Type[] BannedTypes =
        [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel), typeof(Location)];

    /// <summary>Every object reachable from a step's output, through fields: none may be a Roslyn object that pins a compilation.</summary>
    private static void Walk(object? value, string path, List<string> banned, HashSet<object> visited)
    {
        if (value is null or string or Pointer)
            return;
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.IsPointer)
            return;
        if (BannedTypes.Any(b => b.IsAssignableFrom(type)))
        {
            banned.Add(path + ": " + type.FullName);
            return;
        }
        if (!type.IsValueType && !visited.Add(value))
            return;
        if (value is Array array)
        {
            if (!type.GetElementType()!.IsPrimitive)
            {
                foreach (var item in array)
                    Walk(item, path + "[]", banned, visited);
            }
            return;
        }
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsPointer)
                    Walk(field.GetValue(value), path + "." + field.Name, banned, visited);
            }
        }
    }
}
