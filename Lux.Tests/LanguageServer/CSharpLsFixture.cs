using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lux.Tests.LanguageServer;

/// <summary>
/// One csharp-ls 0.28.0 for a test class, as an editor runs it on the example fleet:
/// <list type="number">
/// <item>the projects the config needs are copied to a temporary directory (the server runs design-time builds and
/// writes obj/ there, never in the checkout that others build), with a small solution of Lux.Dsl and Lux.Config;</item>
/// <item>the copy is built once, as a developer's checkout is before an editor opens it: the config references
/// Lux.Generators and Lux.CodeFixes as analyzers by their output path, which must exist;</item>
/// <item>csharp-ls is installed from NuGet as a dotnet tool into the temporary directory and started on stdio;</item>
/// <item>initialize / initialized, with <c>csharp.analyzersEnabled = true</c> given the way csharp-ls reads it:
/// it asks with workspace/configuration for section "csharp" when the client announces
/// <c>workspace.configuration</c> (it does not read initializationOptions, which carry the same for other servers);</item>
/// <item>Lux.Config/Features/OpenSsh.cs is opened and the first published diagnostics awaited (cold: that includes
/// loading the solution).</item>
/// </list>
/// Nothing is started unless LUX_LANGUAGE_SERVER_TESTS=1. Dispose shuts the server down (shutdown, exit), kills its
/// process tree if it does not go, and deletes the temporary directory. A watchdog kills the server after
/// <see cref="Lifetime"/> whatever happens, so a stuck test never hangs CI.
/// </summary>
public sealed class CSharpLsFixture : IAsyncLifetime
{
    public const string Version = "0.28.0";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan ColdDiagnosticsTimeout = TimeSpan.FromSeconds(240);
    public static readonly TimeSpan DiagnosticsTimeout = TimeSpan.FromSeconds(120);
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(120);
    public static readonly TimeSpan WorkspaceDiagnosticsTimeout = TimeSpan.FromSeconds(300);

    /// <summary>What the config project needs to build; bin/ and obj/ are left behind.</summary>
    private static readonly string[] Copied =
        ["Directory.Build.props", "Directory.Packages.props", "global.json", "Lux.Dsl", "Lux.Generators", "Lux.CodeFixes", "Lux.Cli", "Lux.Config", "pack/Package.props"];

    /// <summary>The projects csharp-ls loads (it also loads their project references); Lux.Dsl as source, so hovers show its XML docs.</summary>
    private const string SolutionName = "Lux.LanguageServer.sln";

    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly object gate = new();
    private readonly List<Publish> publishes = [];
    private readonly List<string> transcript = [];
    private readonly ConcurrentQueue<string> stderrTail = new();
    private readonly List<(string Name, TimeSpan Elapsed, string Detail)> timings = [];
    private readonly Dictionary<string, OpenDocument> documents = new(StringComparer.Ordinal);
    private TaskCompletionSource published = NewSignal();
    private Process? server;
    private LspClient? client;
    private Timer? watchdog;

    public string Root { get; private set; } = "";

    /// <summary>The copy of the repository that the server works on.</summary>
    public string Workspace => Path.Combine(Root, "repo");

    /// <summary>What the server asked with workspace/configuration, and what it was told.</summary>
    public ConcurrentQueue<(string? Section, JsonNode? Answer)> ConfigurationRequests { get; } = new();

    public JsonElement ServerCapabilities { get; private set; }

    /// <summary>The document opened by the fixture, whose first diagnostics were awaited cold.</summary>
    public const string FirstDocument = "Lux.Config/Features/OpenSsh.cs";

    public async Task InitializeAsync()
    {
        if (!LanguageServerRequirement.Enabled)
            return;
        try
        {
            Root = Directory.CreateTempSubdirectory("lux-lsp-").FullName;
            watchdog = new Timer(_ => Kill("the watchdog: the language server outlived " + Lifetime), null, Lifetime, Timeout.InfiniteTimeSpan);

            var copy = Stopwatch.StartNew();
            foreach (var entry in Copied)
                Copy(Repository.Path(entry), Path.Combine(Workspace, entry));
            File.WriteAllText(Path.Combine(Workspace, SolutionName), Solution("Lux.Dsl/Lux.Dsl.csproj", "Lux.Config/Lux.Config.csproj"));
            Record("setup: copy the projects", copy.Elapsed);

            var build = Stopwatch.StartNew();
            await RunAsync("dotnet", Workspace, TimeSpan.FromMinutes(8),
                "build", "Lux.Config/Lux.Config.csproj", "--nologo", "--disable-build-servers", "-clp:NoSummary", "-p:LuxWriteNixOut=false");
            Record("setup: dotnet build of the copy", build.Elapsed);

            var install = Stopwatch.StartNew();
            var tools = Path.Combine(Root, "tools");
            await RunAsync("dotnet", Root, TimeSpan.FromMinutes(5),
                "tool", "install", "csharp-ls", "--version", Version, "--tool-path", tools);
            Record("setup: dotnet tool install csharp-ls " + Version, install.Elapsed);

            Start(Path.Combine(tools, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls"));
            await InitializeServerAsync();
            await OpenAsync(FirstDocument, cold: true);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    internal LspClient Client => client ?? throw new InvalidOperationException("the language server is not running");

    // ---- documents

    /// <summary>Opens a document of the copy (once: later calls return it as it is now).</summary>
    public async Task<OpenDocument> OpenAsync(string relativePath, bool cold = false)
    {
        lock (gate)
        {
            if (documents.TryGetValue(relativePath, out var open))
                return open;
        }
        var path = Path.Combine(Workspace, relativePath);
        var text = await File.ReadAllTextAsync(path);
        var document = new OpenDocument(relativePath, new Uri(path).AbsoluteUri, text);
        lock (gate)
            documents[relativePath] = document;
        var since = PublishCount;
        var sent = clock.Elapsed;
        await Client.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri = document.Uri, languageId = "csharp", version = document.Version, text } });
        var first = await WaitForPublishAsync(document, since, _ => true, cold ? ColdDiagnosticsTimeout : DiagnosticsTimeout,
            "the first diagnostics of " + relativePath);
        Record(cold ? "open → first diagnostics (cold: solution load included)" : "open → first diagnostics",
            first.At - sent, relativePath);
        return document;
    }

    /// <summary>Replaces the document's text in the server (didChange with the whole text; nothing is saved).</summary>
    public async Task ChangeAsync(OpenDocument document, string text)
    {
        document.Text = text;
        document.Version++;
        await Client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = document.Uri, version = document.Version },
            contentChanges = new[] { new { text } },
        });
    }

    /// <summary>Puts the document back as it is on disk, so tests sharing the server do not see each other's edits.</summary>
    public Task RestoreAsync(OpenDocument document) =>
        document.Text == document.Original ? Task.CompletedTask : ChangeAsync(document, document.Original);

    // ---- diagnostics

    public long PublishCount
    {
        get
        {
            lock (gate)
                return publishes.Count;
        }
    }

    public IReadOnlyList<Publish> Publishes
    {
        get
        {
            lock (gate)
                return publishes.ToList();
        }
    }

    /// <summary>
    /// The first textDocument/publishDiagnostics for the document, after the first <paramref name="since"/> publishes,
    /// that satisfies <paramref name="accept"/>. csharp-ls publishes without a document version, so an edit is
    /// recognised by what its diagnostics say.
    /// </summary>
    public async Task<Publish> WaitForPublishAsync(OpenDocument document, long since, Func<Publish, bool> accept, TimeSpan timeout, string what)
    {
        var deadline = clock.Elapsed + timeout;
        while (true)
        {
            Task signal;
            lock (gate)
            {
                for (var i = (int)since; i < publishes.Count; i++)
                {
                    if (publishes[i].Uri == document.Uri && accept(publishes[i]))
                        return publishes[i];
                }
                signal = published.Task;
            }
            var left = deadline - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                var last = Publishes.LastOrDefault(p => p.Uri == document.Uri);
                throw new TimeoutException($"no publishDiagnostics with {what} within {timeout.TotalSeconds:0} s; the last for {document.Path}: " +
                    (last is null ? "none" : Describe(last.Diagnostics)) + "\n" + Transcript());
            }
            await Task.WhenAny(signal, Task.Delay(left));
            if (server is { HasExited: true })
                throw new IOException($"the language server exited (code {server.ExitCode}) while waiting for {what}\n" + Transcript());
        }
    }

    /// <summary>textDocument/diagnostic: the document's diagnostics now, computed on its current text.</summary>
    public async Task<IReadOnlyList<LspDiagnostic>> PullAsync(OpenDocument document)
    {
        var report = await Client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = document.Uri } }, DiagnosticsTimeout);
        return report.TryGetProperty("items", out var items) ? LspDiagnostic.Parse(items) : [];
    }

    public static string Describe(IEnumerable<LspDiagnostic> diagnostics)
    {
        var list = diagnostics.Select(d => d.ToString()).ToList();
        return list.Count == 0 ? "(none)" : string.Join("\n  ", list.Prepend(""));
    }

    // ---- requests

    public async Task<(JsonElement Result, TimeSpan Elapsed)> TimedRequestAsync(string method, object parameters)
    {
        var sent = clock.Elapsed;
        var result = await Client.RequestAsync(method, parameters, method == "workspace/diagnostic" ? WorkspaceDiagnosticsTimeout : RequestTimeout);
        return (result, clock.Elapsed - sent);
    }

    // ---- timings

    public TimeSpan Now => clock.Elapsed;

    public void Record(string name, TimeSpan elapsed, string detail = "")
    {
        string text;
        lock (gate)
        {
            timings.Add((name, elapsed, detail));
            text = string.Join("", timings.Select(t => $"{t.Name}\t{t.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)}\t{t.Detail}\n"));
        }
        // name<TAB>milliseconds<TAB>detail, one a line, rewritten whole after each measurement.
        if (Environment.GetEnvironmentVariable(LanguageServerRequirement.TimingsVariable) is { Length: > 0 } file)
            File.WriteAllText(file, "# csharp-ls " + Version + " latencies (ms)\n" + text);
    }

    public IReadOnlyList<(string Name, TimeSpan Elapsed, string Detail)> Timings
    {
        get
        {
            lock (gate)
                return timings.ToList();
        }
    }

    /// <summary>The server's recent messages, stderr and unexpected events, for failure messages.</summary>
    public string Transcript()
    {
        lock (gate)
        {
            var text = new StringBuilder("--- language server transcript (last lines)\n");
            foreach (var line in transcript.TakeLast(60))
                text.Append(line).Append('\n');
            text.Append("--- stderr (last lines)\n");
            foreach (var line in stderrTail.TakeLast(40))
                text.Append(line).Append('\n');
            return text.ToString();
        }
    }

    // ---- the server

    private void Start(string executable)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Workspace,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The solution is given explicitly: csharp-ls would otherwise pick the .sln with the most projects.
        foreach (var argument in new[] { "--solution", SolutionName, "--loglevel", "info" })
            start.ArgumentList.Add(argument);
        CleanEnvironment(start);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + executable);
        server = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            stderrTail.Enqueue(e.Data);
            while (stderrTail.Count > 200)
                stderrTail.TryDequeue(out var _);
        };
        process.BeginErrorReadLine();
        client = new LspClient(process.StandardOutput.BaseStream, process.StandardInput.BaseStream, OnServerRequest, OnNotification, Note);
    }

    private async Task InitializeServerAsync()
    {
        var rootUri = new Uri(Workspace + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
        var started = clock.Elapsed;
        var result = await Client.RequestAsync("initialize", new
        {
            processId = Environment.ProcessId,
            clientInfo = new { name = "Lux.Tests", version = "1" },
            rootUri,
            rootPath = Workspace,
            workspaceFolders = new[] { new { uri = rootUri, name = "lux" } },
            // What editors pass to servers that read their settings at initialize; csharp-ls 0.28 ignores it and asks
            // with workspace/configuration instead (answered in OnServerRequest).
            initializationOptions = new { csharp = Settings },
            capabilities = new
            {
                workspace = new
                {
                    configuration = true,
                    workspaceFolders = true,
                    didChangeConfiguration = new { dynamicRegistration = false },
                },
                textDocument = new
                {
                    synchronization = new { dynamicRegistration = false, didSave = true },
                    completion = new
                    {
                        completionItem = new { snippetSupport = false, documentationFormat = new[] { "markdown", "plaintext" } },
                        contextSupport = true,
                    },
                    hover = new { contentFormat = new[] { "markdown", "plaintext" } },
                    // No textDocument.diagnostic capability: csharp-ls then pushes publishDiagnostics for open documents
                    // (it pushes only to clients that cannot pull). It still answers textDocument/diagnostic requests.
                    publishDiagnostics = new { relatedInformation = true },
                },
                window = new { workDoneProgress = true },
            },
        }, RequestTimeout);
        Record("initialize → response", clock.Elapsed - started);
        ServerCapabilities = result.GetProperty("capabilities").Clone();
        await Client.NotifyAsync("initialized", new { });
    }

    /// <summary>The "csharp" settings section, as an editor's settings.json gives it.</summary>
    private static JsonObject Settings => new() { ["analyzersEnabled"] = true };

    private JsonNode? OnServerRequest(string method, JsonElement? parameters)
    {
        switch (method)
        {
            case "workspace/configuration":
                var answer = new JsonArray();
                foreach (var item in parameters?.GetProperty("items").EnumerateArray() ?? default)
                {
                    var section = item.TryGetProperty("section", out var s) ? s.GetString() : null;
                    JsonNode? value = section switch
                    {
                        "csharp" => Settings,
                        "csharp.analyzersEnabled" => JsonValue.Create(true),
                        _ => null,
                    };
                    ConfigurationRequests.Enqueue((section, value?.DeepClone()));
                    answer.Add(value);
                }
                Note("workspace/configuration answered: " + answer.ToJsonString());
                return answer;
            case "client/registerCapability":
            case "client/unregisterCapability":
            case "window/workDoneProgress/create":
            case "workspace/diagnostic/refresh":
            case "workspace/semanticTokens/refresh":
            case "workspace/codeLens/refresh":
            case "workspace/inlayHint/refresh":
                return null;
            default:
                Note("unanswered server request " + method);
                return null;
        }
    }

    private void OnNotification(string method, JsonElement? parameters)
    {
        switch (method)
        {
            case "textDocument/publishDiagnostics" when parameters is { } p:
                var publish = new Publish(p.GetProperty("uri").GetString() ?? "", clock.Elapsed, LspDiagnostic.Parse(p.GetProperty("diagnostics")));
                TaskCompletionSource signal;
                lock (gate)
                {
                    publishes.Add(publish);
                    signal = published;
                    published = NewSignal();
                }
                signal.TrySetResult();
                break;
            case "window/logMessage" or "window/showMessage" when parameters is { } p:
                Note(method + ": " + (p.TryGetProperty("message", out var m) ? m.GetString() : ""));
                break;
            case "$/logTrace" when parameters is { } p:
                Note("logTrace: " + (p.TryGetProperty("message", out var m2) ? m2.GetString() : ""));
                break;
            case "$/progress":
                break;
            default:
                Note("notification " + method);
                break;
        }
    }

    private void Note(string line)
    {
        lock (gate)
        {
            transcript.Add($"{clock.Elapsed.TotalSeconds,8:0.0}s {LspClient.Truncate(line, 600)}");
            if (transcript.Count > 400)
                transcript.RemoveRange(0, 100);
        }
    }

    public async Task DisposeAsync()
    {
        watchdog?.Dispose();
        if (server is { } process)
        {
            try
            {
                if (!process.HasExited && client is { } c)
                {
                    await c.RequestAsync("shutdown", null, TimeSpan.FromSeconds(20));
                    await c.NotifyAsync("exit", null);
                    using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                    await process.WaitForExitAsync(exited.Token);
                }
            }
            catch (Exception e) when (e is IOException or TimeoutException or OperationCanceledException or LspErrorException or InvalidOperationException)
            {
                // Killed below.
            }
            Kill("dispose");
            process.Dispose();
            server = null;
        }
        client?.Dispose();
        client = null;
        if (Root.Length > 0 && Directory.Exists(Root))
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    Directory.Delete(Root, recursive: true);
                    break;
                }
                catch (Exception e) when ((e is IOException or UnauthorizedAccessException) && attempt < 5)
                {
                    await Task.Delay(1000);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    break; // Left to the OS's temporary-directory cleaning.
                }
            }
        }
    }

    /// <summary>Ends the server and whatever it started (MSBuild's build hosts), if still running.</summary>
    private void Kill(string why)
    {
        try
        {
            if (server is { HasExited: false } process)
            {
                Note("killing the language server's process tree: " + why);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    // ---- helpers

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// The environment of an editor, not of the test host: `dotnet test` passes MSBuild's own variables down,
    /// which would point csharp-ls's MSBuildLocator and the nested build at the running SDK's internals.
    /// </summary>
    private static void CleanEnvironment(ProcessStartInfo start)
    {
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(name);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No MSBuild node or build server may outlive the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
    }

    private async Task RunAsync(string file, string directory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        CleanEnvironment(start);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout.TotalMinutes:0} min");
        }
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
    }

    private static void Copy(string source, string target)
    {
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
                continue;
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static string Solution(params string[] projects)
    {
        const string csharp = "{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}";
        var ids = projects.Select((_, i) => "{5C2B6F0E-7A1D-4E55-9C1B-0000000000" + (i + 1).ToString("00", CultureInfo.InvariantCulture) + "}").ToList();
        var text = new StringBuilder();
        text.Append("\nMicrosoft Visual Studio Solution File, Format Version 12.00\n# Visual Studio Version 17\n");
        text.Append("VisualStudioVersion = 17.0.31903.59\nMinimumVisualStudioVersion = 10.0.40219.1\n");
        for (var i = 0; i < projects.Length; i++)
        {
            var name = Path.GetFileNameWithoutExtension(projects[i]);
            text.Append($"Project(\"{csharp}\") = \"{name}\", \"{projects[i].Replace('/', '\\')}\", \"{ids[i]}\"\nEndProject\n");
        }
        text.Append("Global\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n\t\tDebug|Any CPU = Debug|Any CPU\n\tEndGlobalSection\n");
        text.Append("\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n");
        foreach (var id in ids)
            text.Append($"\t\t{id}.Debug|Any CPU.ActiveCfg = Debug|Any CPU\n\t\t{id}.Debug|Any CPU.Build.0 = Debug|Any CPU\n");
        text.Append("\tEndGlobalSection\nEndGlobal\n");
        return text.ToString();
    }
}

/// <summary>A document open in the server: its text as the server has it, and as it is on disk.</summary>
public sealed class OpenDocument(string path, string uri, string original)
{
    public string Path { get; } = path;
    public string Uri { get; } = uri;
    public string Original { get; } = original;
    public string Text { get; set; } = original;
    public int Version { get; set; } = 1;
}

/// <summary>One textDocument/publishDiagnostics, with when it arrived (on the fixture's clock).</summary>
public sealed record Publish(string Uri, TimeSpan At, IReadOnlyList<LspDiagnostic> Diagnostics);

/// <summary>An LSP diagnostic; lines and characters zero-based, as LSP counts them.</summary>
public sealed record LspDiagnostic(string? Code, int Line, int Character, int EndLine, int Severity, string Message)
{
    public static IReadOnlyList<LspDiagnostic> Parse(JsonElement array) =>
        array.ValueKind != JsonValueKind.Array
            ? []
            : array.EnumerateArray().Select(d =>
            {
                var range = d.GetProperty("range");
                var code = d.TryGetProperty("code", out var c) ? c.ValueKind == JsonValueKind.Number ? c.GetRawText() : c.GetString() : null;
                return new LspDiagnostic(code,
                    range.GetProperty("start").GetProperty("line").GetInt32(),
                    range.GetProperty("start").GetProperty("character").GetInt32(),
                    range.GetProperty("end").GetProperty("line").GetInt32(),
                    d.TryGetProperty("severity", out var s) ? s.GetInt32() : 0,
                    d.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "");
            }).ToList();

    public override string ToString() => $"{Code} {Line + 1}:{Character + 1} (severity {Severity}) {Message}";
}
