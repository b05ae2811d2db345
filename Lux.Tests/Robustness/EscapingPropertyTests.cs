using System.Text;
using CsCheck;
using Lux.Tests.Generator;
using Lux.Tests.Nix;

namespace Lux.Tests.Robustness;

/// <summary>
/// Strings and attribute names go through the whole emission path (C# literal → Parse → Evaluate →
/// NixWriter/NixSyntax → generated-source transport) and Nix reads back exactly the original.
/// </summary>
public sealed class EscapingPropertyTests
{
    /// <summary>Strings per generated host module: one generator run and one nix-instantiate call each.</summary>
    internal const int BatchSize = 500;

    /// <summary>Batches per run: 20 × 500 = 10,000 strings and 10,000 attribute names.</summary>
    internal const int Batches = 20;

    [NixFact]
    public void Every_string_and_attribute_name_reads_back_from_Nix_exactly_as_written_in_CSharp()
    {
        var batch = Gen.Select(NixTextGen.Text.ArrayUnique[BatchSize], NixTextGen.Text.Array[BatchSize]);
        // A failure names the pairs Nix read back differently; the whole batch would drown them.
        batch.Sample(AssertReadsBack, iter: Batches, threads: 1,
            print: b => b.Item1.Length + " names and values");
    }

    [NixFact]
    public void Strings_Nix_lexes_specially_read_back_exactly()
    {
        // The cases a reviewer looks for first, pinned so they run even when the sample misses them.
        string[] names = ["", "${x}", "a.b", "\"", "''", "or", "in", "0", "-", "a b", "\n", "😀", "__curPos", "imports", "é"];
        string[] values = ["", "${x}", "$${x}", "$$", "$", "''", "''${x}", "\\", "\\${x}", "\n\r\t", "\u0001\u001f\u007f", "\u2028", "😀𝄞", "a\"b", "#c"];
        AssertReadsBack(names, values);
    }

    private static void AssertReadsBack(string[] names, string[] values)
    {
        var run = LuxRun.Of(Fleet(names, values));
        run.CompilerDiagnostics.Should().BeEmpty();
        run.ManifestErrors.Should().BeEmpty();

        using var directory = new TemporaryDirectory();
        var module = directory.Write("default.nix", run.Files["hosts/probe/default.nix"]);
        var users = NixInstantiate.EvalJson($"(import {module} {{ config = null; lib = null; pkgs = null; }}).users.users");

        var read = users.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("description").GetString(), StringComparer.Ordinal);
        var wrong = names.Zip(values).Where(p => !read.TryGetValue(p.First, out var v) || v != p.Second).ToList();
        wrong.Select(p => CSharpLiteral.String(p.First) + " = " + CSharpLiteral.String(p.Second)).Should().BeEmpty("Nix should read back every name and value as written ({0} of {1} differ)", wrong.Count, names.Length);
        read.Should().HaveCount(names.Length, "no two names may collapse into one attribute");
    }

    /// <summary>A host whose one feature sets users.users.&lt;name&gt;.description = value, once per pair.</summary>
    internal static string Fleet(string[] names, string[] values)
    {
        var sb = new StringBuilder();
        sb.Append("[Host] public sealed record Probe : Host { public override Aspects Includes => [new Strings()]; }\n");
        sb.Append("[Feature] public sealed record Strings : Feature\n{\n    [PerHost]\n    void Os(NixOS os)\n    {\n");
        for (var i = 0; i < names.Length; i++)
            sb.Append("        os.Users.Users[").Append(CSharpLiteral.String(names[i])).Append("].Description = ").Append(CSharpLiteral.String(values[i])).Append(";\n");
        sb.Append("    }\n}\n");
        return sb.ToString();
    }
}
