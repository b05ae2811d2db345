using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Lux.Tests.Nix;
using Xunit.Abstractions;

namespace Lux.Tests.Robustness;

/// <summary>
/// Half-typed code never crashes Lux: seeded mutants of the example fleet run through the generator and the
/// analyzer, and each either generates a complete nix-out or reports errors that block writing it.
/// </summary>
public sealed class MutationTests(ITestOutputHelper output)
{
    /// <summary>Mutants per run; LUX_MUTANTS changes it for a longer hunt.</summary>
    internal static int Mutants => int.TryParse(Environment.GetEnvironmentVariable("LUX_MUTANTS"), CultureInfo.InvariantCulture, out var n) ? n : 2000;

    /// <summary>The seed; LUX_MUTATION_SEED explores other mutants, and a failure names the seed and index to replay.</summary>
    internal static int Seed => int.TryParse(Environment.GetEnvironmentVariable("LUX_MUTATION_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20251125;

    [Fact]
    public void Two_thousand_mutants_of_the_example_fleet_never_crash_Lux_or_leave_a_partial_nix_out()
    {
        var harness = new MutationHarness();
        var failures = new ConcurrentBag<string>();
        var outcomes = new ConcurrentDictionary<string, int>();
        var written = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var stopwatch = Stopwatch.StartNew();

        Parallel.For(0, Mutants, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var mutation = Mutator.Mutate(harness.Sources, Seed, i);
            outcomes.AddOrUpdate(mutation.Kind, 1, (_, n) => n + 1);
            try
            {
                var (outcome, problems, files) = harness.Run(mutation.Path, mutation.Text);
                outcomes.AddOrUpdate(outcome.ToString(), 1, (_, n) => n + 1);
                // A nix-out the writer would write must be Nix: each distinct file is parsed once, below.
                if (outcome == MutantOutcome.Generated)
                {
                    foreach (var (path, text) in files.Where(f => f.Key.EndsWith(".nix", StringComparison.Ordinal)))
                        written.TryAdd(text, $"{Describe(mutation)}: {path}");
                }
                if (problems.Count > 0)
                    failures.Add(Describe(mutation) + string.Concat(problems.Select(p => "\n    " + p)));
            }
            catch (Exception e)
            {
                failures.Add(Describe(mutation) + "\n    the harness threw " + e);
            }
        });

        output.WriteLine($"{Mutants} mutants (seed {Seed}) in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        if (NixRequirement.SkipReason is null)
        {
            ParseWithNix(written, failures);
            output.WriteLine($"  distinct .nix files of clean mutants parsed by nix-instantiate: {written.Count}");
        }
        foreach (var (name, count) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
            output.WriteLine($"  {name}: {count}");
        // Sorted by index, so a failure reads the same in every run.
        failures.OrderBy(f => int.TryParse(f.Split(' ')[1], CultureInfo.InvariantCulture, out var index) ? index : int.MaxValue).Should().BeEmpty();
    }

    /// <summary>Parses every file in batches; a file that does not parse is a failure of the mutant that made it.</summary>
    private static void ParseWithNix(ConcurrentDictionary<string, string> written, ConcurrentBag<string> failures)
    {
        using var directory = new TemporaryDirectory();
        var files = written.Select((file, i) => (Path: directory.Write(i.ToString(CultureInfo.InvariantCulture) + ".nix", file.Key), Origin: file.Value)).ToList();
        foreach (var batch in files.Chunk(200))
        {
            try
            {
                NixInstantiate.ParseAll(batch.Select(f => f.Path).ToList());
            }
            catch (NixInstantiateException e)
            {
                // Nix stops at the first file that does not parse and names it.
                var culprit = batch.FirstOrDefault(f => e.StandardError.Contains(f.Path, StringComparison.Ordinal));
                failures.Add($"mutant {culprit.Origin?.Split(' ')[1] ?? "?"} (seed {Seed}) wrote Nix that does not parse: {culprit.Origin}\n    {e.StandardError.Trim()}");
            }
        }
    }

    private static string Describe(Mutation mutation) =>
        $"mutant {mutation.Index} (seed {Seed}): {mutation.Kind} in {Path.GetFileName(mutation.Path)}: {mutation.Description}";
}
