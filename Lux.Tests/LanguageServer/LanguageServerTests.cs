using System.Text.Json;
using Xunit.Abstractions;

namespace Lux.Tests.LanguageServer;

/// <summary>
/// The editor experience of the example fleet, proven with a real language server: csharp-ls 0.28.0 on a copy of the
/// repository, with Roslyn analyzers on (so Lux's analyzer and generator run inside the server), driven over stdio
/// by <see cref="LspClient"/>. One server for the class (<see cref="CSharpLsFixture"/>); each test puts back what it
/// edits. Opt-in: LUX_LANGUAGE_SERVER_TESTS=1 (see <see cref="LanguageServerFactAttribute"/>).
///
/// </summary>
[Trait("Category", "LanguageServer")]
public sealed class LanguageServerTests(CSharpLsFixture server, ITestOutputHelper output) : IClassFixture<CSharpLsFixture>
{
    private const string OpenSshFeature = "Lux.Config/Features/OpenSsh.cs";
    private const string SshFeature = "Lux.Config/Features/Ssh.cs";
    private const string OrionHost = "Lux.Config/Hosts/Orion.cs";

    // ---- 1. completion of the option trees

    [LanguageServerFact]
    public async Task Completion_after_os_Services_lists_the_services_including_OpenSsh()
    {
        var labels = await CompleteAfterAsync(OpenSshFeature, "os.Services.OpenSsh.Enable = true;", "os.Services.");
        labels.Should().Contain("OpenSsh").And.Contain("Tailscale").And.Contain("Postgresql");
        labels.Count.Should().BeGreaterThan(300, "every NixOS service is a typed member");
        output.WriteLine($"{labels.Count} completion items after os.Services.: {string.Join(", ", labels.Take(40))}");
    }

    [LanguageServerFact]
    public async Task Completion_after_home_Programs_in_a_PerUser_method_lists_Git()
    {
        var labels = await CompleteAfterAsync(SshFeature, "home.Programs.Git.Enable = true;", "home.Programs.");
        labels.Should().Contain("Git").And.Contain("Neovim");
        output.WriteLine($"{labels.Count} completion items after home.Programs.: {string.Join(", ", labels.Take(40))}");
    }

    // ---- 2. enum values

    /// <summary>
    /// PermitRootLogin is the generated enum <c>PermitRootLogin</c>, whose members Roslyn offers at the assignment:
    /// csharp-ls 0.28 labels them <c>PermitRootLogin.No</c>, <c>PermitRootLogin.ProhibitPassword</c>, ... (a bare <c>No</c> counts too).
    /// </summary>
    [LanguageServerFact]
    public async Task Completion_after_PermitRootLogin_assignment_offers_the_enum_values()
    {
        var labels = await CompleteAfterAsync(OpenSshFeature, "os.Services.OpenSsh.Enable = true;", "os.Services.OpenSsh.Settings.PermitRootLogin = ");
        output.WriteLine($"{labels.Count} completion items after PermitRootLogin = : {string.Join(", ", labels.Take(60))}");
        labels.Should().Contain(l => IsMember(l, "No"), "the enum's members complete at the assignment");
        labels.Should().Contain(l => IsMember(l, "ProhibitPassword"));
    }

    // ---- 3. hover

    [LanguageServerFact]
    public async Task Hover_on_an_option_shows_its_property_signature()
    {
        var hover = await HoverAsync(OpenSshFeature, "os.Services.OpenSsh.Enable", "Enable");
        hover.Should().Contain(".Enable").And.Contain("bool");
    }

    /// <summary>
    /// The generated doc names the Nix option and its type;
    /// csharp-ls renders the summary under the signature (<c>&lt;c&gt;</c> as code spans), read from Lux.Dsl's source, which
    /// is why the fixture's solution holds Lux.Dsl as a project (its assembly ships no XML doc file).
    /// </summary>
    [LanguageServerFact]
    public async Task Hover_on_an_option_shows_its_Nix_path_and_type_from_the_XML_doc()
    {
        var hover = await HoverAsync(OpenSshFeature, "os.Services.OpenSsh.Enable", "Enable");
        hover.Should().Contain("services.openssh.enable").And.Contain("bool");
    }

    // ---- 4. diagnostics of unsaved edits

    [LanguageServerFact]
    public async Task An_unsaved_edit_that_turns_on_password_login_on_a_recovery_host_publishes_LUX1002_on_its_line()
    {
        // Orion has an SshRecovery fact; a host exception that forces password authentication on breaks the policy.
        await ExpectDiagnosticAfterEditAsync(OrionHost, "public override Aspects Includes",
            ["", "[PerHost]", "void Exceptions(NixOS os) =>", "    os.Services.OpenSsh.Settings.PasswordAuthentication = Mk.Force(true);"],
            "LUX1002", "password authentication must be disabled");
    }

    /// <summary>A Set path is checked against the option schemas while the file is unsaved.</summary>
    [LanguageServerFact]
    public async Task An_unsaved_misspelled_option_path_publishes_LUX3001_on_its_line()
    {
        await ExpectDiagnosticAfterEditAsync(OpenSshFeature, "os.Services.OpenSsh.Enable = true;",
            ["os.Set(\"services.openssh.settingz.X\", true);"], "LUX3001", "services.openssh.settings");
    }

    /// <summary>A port literal is checked against the port type's range while the file is unsaved.</summary>
    [LanguageServerFact]
    public async Task An_unsaved_out_of_range_port_publishes_LUX3003_on_its_line()
    {
        await ExpectDiagnosticAfterEditAsync(OpenSshFeature, "os.Services.OpenSsh.Enable = true;",
            ["os.Services.OpenSsh.Ports = [70000];"], "LUX3003", null);
    }

    // ---- 5. the analyzer and the generator load in the server

    [LanguageServerFact]
    public async Task The_Lux_analyzer_and_generator_load_in_the_server_without_CS9057_or_CS8784()
    {
        // The setting reached the server the way csharp-ls reads it.
        server.ConfigurationRequests.Should().Contain(r => r.Section == "csharp" && r.Answer != null && r.Answer["analyzersEnabled"]!.GetValue<bool>(),
            "csharp-ls asks for the \"csharp\" section with workspace/configuration after initialized");

        // The generator and the analyzer are one assembly (Lux.Generators). The generator's sources are comments the
        // writer reads after a build, so nothing of them is visible to an editor; the analyzer answering an edit shows
        // the assembly loaded and initialized, and the check below that neither failed to load.
        await ExpectDiagnosticAfterEditAsync(OpenSshFeature, "os.Services.OpenSsh.Enable = true;",
            ["os.Services.OpenSsh.Ports = [65536];"], "LUX3003", null);

        // Every diagnostic of the solution, compilation-wide ones included (push diagnostics only carry those located in
        // an open document).
        var (report, elapsed) = await server.TimedRequestAsync("workspace/diagnostic", new { previousResultIds = Array.Empty<object>() });
        Measure("workspace/diagnostic (whole solution, analyzers on) → response", elapsed);
        var solution = report.GetProperty("items").EnumerateArray()
            .SelectMany(item => item.TryGetProperty("items", out var items)
                ? LspDiagnostic.Parse(items).Select(d => (Uri: item.GetProperty("uri").GetString(), Diagnostic: d))
                : Enumerable.Empty<(string? Uri, LspDiagnostic Diagnostic)>())
            .ToList();
        var published = server.Publishes.SelectMany(p => p.Diagnostics.Select(d => (Uri: (string?)p.Uri, Diagnostic: d))).ToList();
        output.WriteLine($"workspace/diagnostic: {solution.Count} diagnostics; codes: {string.Join(", ", solution.GroupBy(d => d.Diagnostic.Code).Select(g => $"{g.Key}×{g.Count()}"))}");
        output.WriteLine($"{published.Count} diagnostics published so far (edits of other tests included)");
        solution.Concat(published).Where(d => d.Diagnostic.Code is "CS9057" or "CS8784" or "CS8785" or "CS8032" or "AD0001").Select(d => $"{d.Uri}: {d.Diagnostic}")
            .Should().BeEmpty("the analyzer assembly targets a Roslyn the server's compiler can load, and the generator loads no other assembly");
        // Every document is back as it is on disk, so the solution as it is now has no Lux error.
        solution.Where(d => d.Diagnostic.Code?.StartsWith("LUX", StringComparison.Ordinal) == true && d.Diagnostic.Severity == 1).Select(d => $"{d.Uri}: {d.Diagnostic}")
            .Should().BeEmpty("the unedited example fleet has no Lux error");
    }

    // ---- helpers

    private static bool IsMember(string label, string member) => label == member || label.EndsWith("." + member, StringComparison.Ordinal);

    /// <summary>
    /// Inserts <paramref name="typed"/> as a new line after the first line containing <paramref name="anchor"/>, asks
    /// for completion at its end as typing the last character would, puts the document back and returns the labels.
    /// </summary>
    private async Task<IReadOnlyList<string>> CompleteAfterAsync(string file, string anchor, string typed)
    {
        var document = await server.OpenAsync(file);
        var (text, line, character) = InsertAfter(document.Original, anchor, [typed]);
        await server.ChangeAsync(document, text);
        try
        {
            var trigger = typed.EndsWith('.') ? new { triggerKind = 2, triggerCharacter = (string?)"." } : new { triggerKind = 1, triggerCharacter = (string?)null };
            var (result, elapsed) = await server.TimedRequestAsync("textDocument/completion", new
            {
                textDocument = new { uri = document.Uri },
                position = new { line, character },
                context = trigger,
            });
            Measure("completion request → response", elapsed, $"{file}: {typed.Trim()}");
            var items = result.ValueKind switch
            {
                JsonValueKind.Array => result,
                JsonValueKind.Object => result.GetProperty("items"),
                _ => default,
            };
            return items.ValueKind == JsonValueKind.Array ? items.EnumerateArray().Select(i => i.GetProperty("label").GetString() ?? "").ToList() : [];
        }
        finally
        {
            await server.RestoreAsync(document);
        }
    }

    private async Task<string> HoverAsync(string file, string lineContaining, string word)
    {
        var document = await server.OpenAsync(file);
        await server.RestoreAsync(document);
        var lines = document.Original.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(lineContaining, StringComparison.Ordinal));
        line.Should().BeGreaterThanOrEqualTo(0, $"{file} has a line with {lineContaining}");
        var character = lines[line].IndexOf(lineContaining, StringComparison.Ordinal) + lineContaining.LastIndexOf(word, StringComparison.Ordinal) + 1;
        var (result, elapsed) = await server.TimedRequestAsync("textDocument/hover", new { textDocument = new { uri = document.Uri }, position = new { line, character } });
        Measure("hover request → response", elapsed, $"{file}: {word}");
        var text = HoverText(result);
        output.WriteLine("hover: " + text);
        return text;
    }

    private static string HoverText(JsonElement hover)
    {
        if (hover.ValueKind != JsonValueKind.Object || !hover.TryGetProperty("contents", out var contents))
            return "";
        static string One(JsonElement c) => c.ValueKind == JsonValueKind.String ? c.GetString() ?? "" : c.TryGetProperty("value", out var v) ? v.GetString() ?? "" : "";
        return contents.ValueKind == JsonValueKind.Array ? string.Join("\n", contents.EnumerateArray().Select(One)) : One(contents);
    }

    /// <summary>
    /// Inserts <paramref name="inserted"/> after the line containing <paramref name="anchor"/> without saving, and
    /// expects <paramref name="code"/> on the last inserted line: first from textDocument/diagnostic (computed on the
    /// current text, so an absent diagnostic fails at once instead of after the timeout), then from the
    /// publishDiagnostics an editor would show. Measures edit → pulled and edit → published diagnostics.
    /// </summary>
    private async Task ExpectDiagnosticAfterEditAsync(string file, string anchor, string[] inserted, string code, string? messageContains)
    {
        var document = await server.OpenAsync(file);
        var (text, line, _) = InsertAfter(document.Original, anchor, inserted);
        bool Matches(LspDiagnostic d) => d.Code == code && d.Line <= line && line <= d.EndLine &&
            (messageContains is null || d.Message.Contains(messageContains, StringComparison.Ordinal));

        var since = server.PublishCount;
        var sent = server.Now;
        await server.ChangeAsync(document, text);
        try
        {
            var pulled = await server.PullAsync(document);
            Measure("edit → diagnostics pulled (textDocument/diagnostic)", server.Now - sent, $"{file}: {code}");
            var found = pulled.Any(Matches);
            Publish publish;
            try
            {
                publish = await server.WaitForPublishAsync(document, since, p => p.Diagnostics.Any(Matches),
                    found ? CSharpLsFixture.DiagnosticsTimeout : TimeSpan.FromSeconds(20), $"{code} on line {line + 1}");
            }
            catch (TimeoutException e)
            {
                throw new Xunit.Sdk.XunitException(
                    $"expected {code}{(messageContains is null ? "" : $" (\"{messageContains}\")")} on line {line + 1} of {file} after an unsaved edit; " +
                    $"textDocument/diagnostic gave:{CSharpLsFixture.Describe(pulled)}\n{e.Message}");
            }
            Measure("edit → updated diagnostic published", publish.At - sent, $"{file}: {code}");
            output.WriteLine($"published for {file}:{CSharpLsFixture.Describe(publish.Diagnostics)}");
        }
        finally
        {
            await server.RestoreAsync(document);
        }
    }

    /// <summary>The text with new lines after the anchor's line, indented alike; the last new line's index and end column.</summary>
    private static (string Text, int Line, int Character) InsertAfter(string text, string anchor, string[] inserted)
    {
        var lines = text.Split('\n').ToList();
        var at = lines.FindIndex(l => l.Contains(anchor, StringComparison.Ordinal));
        at.Should().BeGreaterThanOrEqualTo(0, $"the document has a line containing {anchor}");
        var indent = new string(lines[at].TakeWhile(char.IsWhiteSpace).ToArray());
        var added = inserted.Select(l => l.Length == 0 ? "" : indent + l).ToList();
        lines.InsertRange(at + 1, added);
        var last = at + added.Count;
        return (string.Join('\n', lines), last, lines[last].Length);
    }

    private void Measure(string name, TimeSpan elapsed, string detail = "")
    {
        server.Record(name, elapsed, detail);
        output.WriteLine($"{name}: {elapsed.TotalMilliseconds:0} ms {detail}");
        foreach (var (n, e, d) in server.Timings.Where(t => t.Name.StartsWith("open", StringComparison.Ordinal) || t.Name.StartsWith("setup", StringComparison.Ordinal) || t.Name.StartsWith("initialize", StringComparison.Ordinal)))
            output.WriteLine($"  (fixture) {n}: {e.TotalMilliseconds:0} ms {d}");
    }
}
