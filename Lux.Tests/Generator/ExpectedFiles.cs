namespace Lux.Tests.Generator;

/// <summary>
/// Expected outputs kept in the repository. Set LUX_UPDATE_EXPECTED=1 to rewrite them from the
/// current output, then review the diff like any other change.
/// </summary>
public static class ExpectedFiles
{
    public static void Match(IReadOnlyDictionary<string, string> actual, string expectedDirectory)
    {
        if (Environment.GetEnvironmentVariable("LUX_UPDATE_EXPECTED") == "1")
        {
            if (Directory.Exists(expectedDirectory))
                Directory.Delete(expectedDirectory, recursive: true);
            foreach (var (path, text) in actual)
            {
                var target = Path.Combine(expectedDirectory, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, text);
            }
        }

        Directory.Exists(expectedDirectory).Should().BeTrue($"expected files live in {expectedDirectory} (LUX_UPDATE_EXPECTED=1 writes them)");
        var expected = Directory.EnumerateFiles(expectedDirectory, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(expectedDirectory, p).Replace('\\', '/'), File.ReadAllText);
        actual.Keys.Should().BeEquivalentTo(expected.Keys, "the generator should produce exactly the expected files");
        foreach (var (path, text) in expected)
            actual[path].Should().Be(text, $"{path} should match its expected file byte for byte");
    }
}
