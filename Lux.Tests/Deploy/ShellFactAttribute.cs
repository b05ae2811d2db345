using System.Diagnostics;
using Lux.Tests.Nix;

namespace Lux.Tests.Deploy;

/// <summary>
/// A fact that runs shellcheck. Where it is missing the fact is skipped, except in CI (CI=true), where it runs
/// and fails, as <see cref="NixFactAttribute"/> does for nix-instantiate: CI installs shellcheck.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ShellcheckFactAttribute : FactAttribute
{
    public ShellcheckFactAttribute()
    {
        if (!Shell.HasShellcheck && !NixRequirement.IsContinuousIntegration)
            Skip = "shellcheck is not on PATH (CI installs it; locally: apt-get install shellcheck)";
    }
}

/// <summary>A fact that runs the generated scripts with bash: skipped on Windows.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BashFactAttribute : FactAttribute
{
    public BashFactAttribute()
    {
        if (OperatingSystem.IsWindows())
            Skip = "the bootstrap scripts are bash, run on Unix";
    }
}

/// <summary>Runs programs as a shell would, capturing what they print.</summary>
internal static class Shell
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static bool HasShellcheck { get; } = OnPath("shellcheck");

    public static Result Run(string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(program + " did not finish within 60 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}
