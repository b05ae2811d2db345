using System.Diagnostics;
using Lux.Cli.Diagnostics;
using Lux.Cli.Writing;

namespace Lux.Tests.Writing;

/// <summary>Writers of one nix-out take turns: the result is always one writer's complete output, never a mix.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly NixOutSandbox _sandbox = new();
    private readonly string _generatedA;
    private readonly string _generatedB;
    private readonly SortedDictionary<string, string> _expectedA;
    private readonly SortedDictionary<string, string> _expectedB;

    public ConcurrencyTests()
    {
        // Overlapping paths with different content, plus paths only one side has, so a mix would show.
        _generatedA = Path.Join(_sandbox.Root, "generated-a");
        _generatedB = Path.Join(_sandbox.Root, "generated-b");
        _expectedA = Output("A", ["flake.nix", "hosts/alpha/default.nix", "hosts/shared.nix", "only-a/one.nix", "only-a/two.nix"]);
        _expectedB = Output("B", ["flake.nix", "hosts/beta/default.nix", "hosts/shared.nix", "only-b.nix"]);
        NixOutSandbox.Generate(_generatedA, _expectedA.Where(file => file.Key != ".lux-manifest").Select(file => (file.Key, file.Value)));
        NixOutSandbox.Generate(_generatedB, _expectedB.Where(file => file.Key != ".lux-manifest").Select(file => (file.Key, file.Value)));
    }

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Parallel_writers_in_one_process_leave_one_complete_output()
    {
        for (var round = 0; round < 40; round++)
        {
            using var start = new ManualResetEventSlim();
            var writerA = Task.Run(() => { start.Wait(); return _sandbox.Write(_generatedA); });
            var writerB = Task.Run(() => { start.Wait(); return _sandbox.Write(_generatedB); });
            start.Set();
            var results = await Task.WhenAll(writerA, writerB);

            results.Should().OnlyContain(result => result.Succeeded, string.Join('\n', results.SelectMany(result => result.OutputLines)));
            ShouldHoldOneCompleteOutput(round);
        }
    }

    [Fact]
    public async Task Parallel_lux_processes_leave_one_complete_output()
    {
        for (var round = 0; round < 4; round++)
        {
            var processes = new[] { StartLux(_generatedA), StartLux(_generatedB) };
            foreach (var process in processes)
            {
                using (process)
                {
                    var output = await process.StandardOutput.ReadToEndAsync();
                    await process.WaitForExitAsync();
                    process.ExitCode.Should().Be(0, output);
                    output.Should().StartWith("lux: nix-out/ → ");
                }
            }
            ShouldHoldOneCompleteOutput(round);
        }
    }

    [Fact]
    public void A_writer_that_cannot_get_the_lock_gives_up_with_a_clear_error_and_writes_nothing()
    {
        Directory.CreateDirectory(_sandbox.Out);
        var lockPath = Path.Join(_sandbox.Out, ".lux-lock");
        var waited = Stopwatch.StartNew();
        WriteResult result;
        using (new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            result = _sandbox.Write(_generatedA, lockTimeout: TimeSpan.FromMilliseconds(300));

        waited.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300));
        RefusalTests.ShouldFail(result, WriterErrorCodes.LockTimeout, lockPath);
        _sandbox.Snapshot().Should().BeEmpty();
    }

    [Fact]
    public async Task A_writer_waits_for_the_lock_and_then_writes()
    {
        Directory.CreateDirectory(_sandbox.Out);
        var holder = new FileStream(Path.Join(_sandbox.Out, ".lux-lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var writer = Task.Run(() => _sandbox.Write(_generatedA));
        await Task.Delay(300);
        writer.IsCompleted.Should().BeFalse("the lock is held");

        await holder.DisposeAsync();
        var result = await writer;

        result.Succeeded.Should().BeTrue();
        _sandbox.Snapshot().Should().Equal(_expectedA);
    }

    private void ShouldHoldOneCompleteOutput(int round)
    {
        var snapshot = _sandbox.Snapshot();
        var isA = snapshot.SequenceEqual(_expectedA);
        var isB = snapshot.SequenceEqual(_expectedB);
        (isA || isB).Should().BeTrue($"round {round} must leave exactly A's or B's output, found: {string.Join(", ", snapshot.Keys)}");
        _sandbox.Directories().Should().Equal(isA ? ["hosts", "hosts/alpha", "only-a"] : ["hosts", "hosts/beta"]);
    }

    private Process StartLux(string generatedDirectory)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", typeof(NixOutWriter).Assembly.Location, "write", "--generated", generatedDirectory, "--out", _sandbox.Out })
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    private static SortedDictionary<string, string> Output(string side, string[] paths)
    {
        var output = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
            output[path] = $"# {side} {path}\n" + string.Concat(Enumerable.Repeat($"{{ side = \"{side}\"; path = \"{path}\"; }}\n", 4000));
        output[".lux-manifest"] = string.Concat(paths.Order(StringComparer.Ordinal).Select(path => path + "\n"));
        return output;
    }
}
