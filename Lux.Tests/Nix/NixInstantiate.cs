using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Lux.Tests.Nix;

/// <summary>
/// Runs <c>nix-instantiate</c> (Debian's nix-bin, Nix 2.8) for tests: parsing, and strict evaluation to JSON.
/// </summary>
/// <remarks>
/// Every run passes <c>--store dummy://</c>. Without it Nix opens the local store: as root it creates
/// <c>/nix/var/nix/db</c>, and as any other user it falls back to the daemon socket and fails
/// ("getting status of /nix/var/nix/daemon-socket/socket: Permission denied"). The dummy store needs no
/// state directory, no daemon and no writable HOME; <c>--eval</c> and <c>--parse</c> already imply
/// read-only mode in 2.8, so evaluation never adds to a store. NIX_PATH is emptied, so that
/// <c>&lt;nixpkgs&gt;</c> fails rather than finding whatever channel the machine has.
/// </remarks>
internal static class NixInstantiate
{
    public const string NotFoundMessage = "nix-instantiate not found: install Debian's nix-bin (apt-get install nix-bin)";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] s_commonOptions = ["--store", "dummy://"];
    private static readonly string[] s_evalOptions = ["--eval", "--strict", "--json"];
    private static readonly Lazy<string?> s_executablePath = new(FindOnPath);

    /// <summary>The full path of nix-instantiate on PATH, or null.</summary>
    public static string? ExecutablePath => s_executablePath.Value;

    public static bool IsAvailable => ExecutablePath is not null;

    /// <summary>Parses a file and returns its syntax tree as Nix prints it.</summary>
    public static string Parse(string path, TimeSpan? timeout = null) =>
        RunOrThrow(["--parse", path], timeout).StandardOutput;

    /// <summary>Parses several files in one run; throws at the first that does not parse, naming it.</summary>
    public static void ParseAll(IReadOnlyList<string> paths, TimeSpan? timeout = null) =>
        RunOrThrow(["--parse", .. paths], timeout);

    /// <summary>Evaluates an expression strictly. A function is called with <paramref name="arguments"/>.</summary>
    public static JsonElement EvalJson(string expression, NixArguments? arguments = null, TimeSpan? timeout = null) =>
        ToJson(RunOrThrow(EvalCommandLine(expression, isFile: false, arguments), timeout));

    /// <summary>Evaluates a file strictly. A function is called with <paramref name="arguments"/>.</summary>
    public static JsonElement EvalFileJson(string path, NixArguments? arguments = null, TimeSpan? timeout = null) =>
        ToJson(RunOrThrow(EvalCommandLine(path, isFile: true, arguments), timeout));

    /// <summary>
    /// Evaluates an expression that must fail, and returns Nix's error text. Throws if it evaluates.
    /// </summary>
    public static string EvalFails(string expression, NixArguments? arguments = null, TimeSpan? timeout = null)
    {
        var commandLine = EvalCommandLine(expression, isFile: false, arguments);
        var result = Run(commandLine, timeout);
        if (result.ExitCode == 0)
        {
            throw new InvalidOperationException(
                $"Expected the evaluation to fail, but it produced: {result.StandardOutput}{Environment.NewLine}Command: {Describe(commandLine)}");
        }

        return result.StandardError;
    }

    private static List<string> EvalCommandLine(string expressionOrPath, bool isFile, NixArguments? arguments)
    {
        var commandLine = new List<string>(s_evalOptions);
        if (arguments is not null)
            commandLine.AddRange(arguments.ToCommandLine());
        if (!isFile)
            commandLine.Add("--expr");
        commandLine.Add(expressionOrPath);
        return commandLine;
    }

    private static JsonElement ToJson(NixResult result)
    {
        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.Clone();
    }

    private static NixResult RunOrThrow(IReadOnlyList<string> arguments, TimeSpan? timeout)
    {
        var result = Run(arguments, timeout);
        if (result.ExitCode != 0)
            throw new NixInstantiateException($"nix-instantiate failed with exit code {result.ExitCode}.", Describe(arguments), result.StandardError);
        return result;
    }

    private static NixResult Run(IReadOnlyList<string> arguments, TimeSpan? timeout)
    {
        var executable = ExecutablePath ?? throw new InvalidOperationException(NotFoundMessage);
        var limit = timeout ?? DefaultTimeout;

        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var option in s_commonOptions)
            startInfo.ArgumentList.Add(option);
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        startInfo.Environment["NIX_PATH"] = "";

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.StandardInput.Close();

        // Both pipes are drained concurrently, or a full stderr would block the process.
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();

        if (!process.WaitForExit(limit))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the timeout and the kill.
            }

            throw new NixInstantiateException(
                string.Create(CultureInfo.InvariantCulture, $"nix-instantiate timed out after {limit.TotalSeconds:0.###} s."), Describe(arguments), "");
        }

        // The parameterless wait also waits for the redirected streams to reach end of file.
        process.WaitForExit();
        return new NixResult(process.ExitCode, standardOutput.GetAwaiter().GetResult(), standardError.GetAwaiter().GetResult());
    }

    private static string? FindOnPath()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path))
            return null;

        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "nix-instantiate");
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }

    private static string Describe(IEnumerable<string> arguments) =>
        string.Join(' ', s_commonOptions.Concat(arguments).Prepend("nix-instantiate").Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=+@".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private readonly record struct NixResult(int ExitCode, string StandardOutput, string StandardError);
}

/// <summary>The arguments a Nix function is called with: <c>--arg name expression</c> and <c>--argstr name string</c>.</summary>
internal sealed class NixArguments
{
    private readonly List<(string Option, string Name, string Value)> _items = [];

    /// <summary>An argument given as a Nix expression.</summary>
    public NixArguments Arg(string name, string expression)
    {
        _items.Add(("--arg", name, expression));
        return this;
    }

    /// <summary>An argument given as a string, passed verbatim.</summary>
    public NixArguments ArgStr(string name, string value)
    {
        _items.Add(("--argstr", name, value));
        return this;
    }

    internal IEnumerable<string> ToCommandLine()
    {
        foreach (var (option, name, value) in _items)
        {
            yield return option;
            yield return name;
            yield return value;
        }
    }
}

/// <summary>nix-instantiate failed: the message carries the command and Nix's own error text.</summary>
internal sealed class NixInstantiateException : Exception
{
    public NixInstantiateException(string message, string commandLine, string standardError)
        : base($"{message}{Environment.NewLine}Command: {commandLine}{Environment.NewLine}{standardError.TrimEnd()}")
    {
        CommandLine = commandLine;
        StandardError = standardError;
    }

    public string CommandLine { get; }

    /// <summary>What Nix printed: for an evaluation error, the error and its location.</summary>
    public string StandardError { get; }
}
