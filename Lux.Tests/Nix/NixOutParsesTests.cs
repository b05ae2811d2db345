namespace Lux.Tests.Nix;

/// <summary>
/// Every file in nix-out/ is valid Nix. These tests read the repository's nix-out/, which <c>dotnet build</c>
/// writes: they fail until the generator writes it.
/// </summary>
public sealed class NixOutParsesTests
{
    [NixFact]
    public void Every_nix_file_in_nix_out_parses()
    {
        NixOut.RequireFlake();

        var files = Directory.EnumerateFiles(NixOut.Directory, "*.nix", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        foreach (var file in files)
        {
            try
            {
                NixInstantiate.Parse(file);
            }
            catch (NixInstantiateException e)
            {
                failures.Add($"{Path.GetRelativePath(NixOut.RepositoryRoot, file)}: {e.StandardError.Trim()}");
            }
        }

        failures.Should().BeEmpty($"each of the {files.Count} files in nix-out/ should parse");
    }
}
