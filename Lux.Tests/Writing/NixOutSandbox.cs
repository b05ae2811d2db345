using System.Text;
using Lux.Cli.Writing;
using Lux.Generators.Transport;

namespace Lux.Tests.Writing;

/// <summary>
/// A temporary directory holding what the compiler would leave (generated sources, made with the real
/// <see cref="GeneratedSourceFormat"/>) and a nix-out for <see cref="NixOutWriter"/> to write.
/// </summary>
internal sealed class NixOutSandbox : IDisposable
{
    // What the compiler writes EmitCompilerGeneratedFiles sources with.
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public NixOutSandbox()
    {
        Root = Path.Join(Path.GetTempPath(), "lux-writer-tests", Guid.NewGuid().ToString("N"));
        Generated = Path.Join(Root, "obj", "generated", "Lux.Generators", "Lux.Generators.NixGenerator");
        Out = Path.Join(Root, "nix-out");
        Directory.CreateDirectory(Generated);
    }

    public string Root { get; }

    public string Generated { get; }

    public string Out { get; }

    /// <summary>Emits sources as a compilation would. Sources of earlier compilations stay, as they do on disk.</summary>
    public void Generate(params (string Path, string Content)[] files) => Generate(Generated, files);

    /// <summary>
    /// As the generator lays files out: those under hosts/&lt;name&gt;/ in that host's source, the rest in the fleet's,
    /// with the manifest listing every path and host.
    /// </summary>
    public static void Generate(string generatedDirectory, IEnumerable<(string Path, string Content)> files, params string[] errors)
    {
        Directory.CreateDirectory(generatedDirectory);
        var list = files.ToList();
        var hosts = list.Where(f => HostOf(f.Path) is not null).GroupBy(f => HostOf(f.Path)!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var host in hosts)
            File.WriteAllText(HostSource(generatedDirectory, host.Key), GeneratedSourceFormat.EncodeHost(host.Key, host.ToList(), null).ToString(), Utf8WithBom);
        var manifest = GeneratedSourceFormat.EncodeManifest(hosts.Select(h => h.Key), list.Select(f => f.Path), errors, []);
        File.WriteAllText(FleetSource(generatedDirectory),
            GeneratedSourceFormat.EncodeFleet(list.Where(f => HostOf(f.Path) is null).ToList(), "", manifest).ToString(), Utf8WithBom);
    }

    /// <summary>The host a path belongs to (hosts/&lt;name&gt;/…), or null for a fleet-wide file.</summary>
    public static string? HostOf(string path) =>
        path.StartsWith("hosts/", StringComparison.Ordinal) && path.IndexOf('/', 6) is var slash and > 6 ? path[6..slash] : null;

    public static string FleetSource(string generatedDirectory) => Path.Join(generatedDirectory, GeneratedSourceFormat.FleetHintName);

    public static string HostSource(string generatedDirectory, string host) => Path.Join(generatedDirectory, GeneratedSourceFormat.HostHintNameFor(host));

    public string FleetSourcePath => FleetSource(Generated);

    public string HostSourcePath(string host) => HostSource(Generated, host);

    public void GenerateWithErrors(IEnumerable<(string Path, string Content)> files, params string[] errors) => Generate(Generated, files, errors);

    public WriteResult Write(TimeSpan? lockTimeout = null) => Write(Generated, lockTimeout);

    public WriteResult Write(string generatedDirectory, TimeSpan? lockTimeout = null) =>
        new NixOutWriter(new NixOutWriterOptions(generatedDirectory, Out) { LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(60) }).Write();

    public string OutPath(string path) => Path.Join(Out, path.Replace('/', Path.DirectorySeparatorChar));

    public string Read(string path) => File.ReadAllText(OutPath(path));

    public byte[] ReadBytes(string path) => File.ReadAllBytes(OutPath(path));

    public bool Exists(string path) => File.Exists(OutPath(path));

    /// <summary>A file the user put in nix-out, which Lux never wrote.</summary>
    public void WriteUserFile(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(OutPath(path))!);
        File.WriteAllText(OutPath(path), content);
    }

    /// <summary>Every file under nix-out, '/'-separated relative path to content; links are listed, not followed.</summary>
    public SortedDictionary<string, string> Snapshot(bool withLockFiles = false)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(Out))
            return snapshot;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(Out, "*", options))
        {
            var path = Path.GetRelativePath(Out, file).Replace(Path.DirectorySeparatorChar, '/');
            if (withLockFiles || path is not (".lux-lock" or ".gitignore"))
                snapshot[path] = File.ReadAllText(file);
        }
        return snapshot;
    }

    /// <summary>Every directory under nix-out, '/'-separated.</summary>
    public string[] Directories() =>
        Directory.Exists(Out)
            ? Directory.EnumerateDirectories(Out, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
                .Select(directory => Path.GetRelativePath(Out, directory).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .ToArray()
            : [];

    /// <summary>Backdates every file, so any rewrite, however quick, shows in its timestamp.</summary>
    public Dictionary<string, DateTime> BackdateAll()
    {
        var old = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        var times = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, old);
            times[file] = old;
        }
        return times;
    }

    public static Dictionary<string, DateTime> WriteTimes(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).ToDictionary(file => file, File.GetLastWriteTimeUtc, StringComparer.Ordinal);

    public void Dispose()
    {
        // Tests mark things read-only; clear the marks so the sandbox can go.
        if (Directory.Exists(Root))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
            foreach (var entry in Directory.EnumerateFileSystemEntries(Root, "*", options).Prepend(Root))
                File.SetAttributes(entry, File.GetAttributes(entry) & ~FileAttributes.ReadOnly);
            Directory.Delete(Root, recursive: true);
        }
    }
}
