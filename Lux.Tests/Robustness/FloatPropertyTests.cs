using System.Text;
using CsCheck;
using Lux.Tests.Generator;
using Lux.Tests.Nix;

namespace Lux.Tests.Robustness;

/// <summary>
/// Every finite double a config holds reads back from Nix as the same double, as an attribute value and as a list item.
/// </summary>
/// <remarks>
/// Nix 2.8 prints floats in JSON with six significant digits (<c>1.79769e+308</c>), so JSON cannot show
/// what Nix read. Instead Nix itself takes each float apart, by exact scalings by powers of two, into
/// sign × mantissa × 2^exponent with an integer mantissa of 53 bits, and those integers cross JSON exactly.
/// The one thing it cannot see is the sign of zero: Nix reads <c>-0.0</c> as <c>0 - 0.0</c>, which is
/// <c>0.0</c>, and the two are equal in Nix as in C#.
/// </remarks>
public sealed class FloatPropertyTests
{
    private const int BatchSize = 500;

    private const int Batches = 10;

    private const string Decompose = """
        let
          two52 = 4503599627370496.0;
          two53 = 9007199254740992.0;
          two32 = 4294967296.0;
          up = m: e: if m >= two52 then { inherit m e; } else if m * two32 < two52 then up (m * two32) (e - 32) else up (m * 2.0) (e - 1);
          down = m: e: if m < two53 then { inherit m e; } else if m / two32 >= two53 then down (m / two32) (e + 32) else down (m / 2.0) (e + 1);
          decompose = x:
            let
              a = if x < 0.0 then 0.0 - x else x;
              n = if a == 0.0 then { m = 0.0; e = 0; } else if a < two52 then up a 0 else down a 0;
            in [ (builtins.isFloat x) (if x < 0.0 then -1 else 1) (builtins.floor n.m) n.e ];
          module = import ./default.nix { config = null; lib = null; pkgs = null; };
        in
        {
          attrs = builtins.mapAttrs (_: decompose) module.lux.f;
          list = map decompose module.lux.floats;
        }
        """;

    private static readonly double[] s_edges =
    [
        0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 2.2250738585072014E-308, 2.225073858507201E-308,
        -2.2250738585072014E-308, 0.1, 0.2, 0.30000000000000004, 1.0 / 3, 1e15, 1e16, 1e21, 1e22, 1e23, 9007199254740993.0, 123456789.123,
        60.0, 165.0, 1.75, -1.5, 1e-7, 1e-300, 1e300, 4.9406564584124654E-324, 1.7976931348623157E+308,
    ];

    /// <summary>Every finite double is reachable: any bit pattern, subnormals on purpose, and the usual suspects.</summary>
    private static readonly Gen<double> s_double = Gen.Frequency(
        (4, Gen.Long.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite)),
        (2, Gen.Double.Where(double.IsFinite)),
        (2, Gen.Long[1, (1L << 52) - 1].Select(Gen.Bool, (bits, negative) => (negative ? -1 : 1) * BitConverter.Int64BitsToDouble(bits))),
        (1, Gen.OneOf(s_edges)));

    [NixFact]
    public void Every_finite_double_reads_back_from_Nix_as_the_same_double()
    {
        s_double.Array[BatchSize].Sample(AssertReadsBack, iter: Batches, threads: 1, print: values => values.Length + " doubles");
    }

    [NixFact]
    public void Subnormals_extremes_and_negative_numbers_read_back_from_Nix_as_the_same_double()
    {
        AssertReadsBack(s_edges);
    }

    private static void AssertReadsBack(double[] values)
    {
        var run = LuxRun.Of(Fleet(values));
        run.CompilerDiagnostics.Should().BeEmpty();
        run.ManifestErrors.Should().BeEmpty();

        using var directory = new TemporaryDirectory();
        directory.Write("default.nix", run.Files["hosts/probe/default.nix"]);
        var read = NixInstantiate.EvalFileJson(directory.Write("decompose.nix", Decompose));

        var list = read.GetProperty("list").EnumerateArray().ToList();
        list.Should().HaveCount(values.Length);
        var wrong = new List<string>();
        for (var i = 0; i < values.Length; i++)
        {
            var expected = Expected(values[i]);
            foreach (var (where, actual) in new[] { ("f" + i, read.GetProperty("attrs").GetProperty("f" + i)), ("list[" + i + "]", list[i]) })
            {
                var got = actual.GetRawText();
                if (got != expected)
                    wrong.Add($"{where} = {CSharpLiteral.Double(values[i])}: Nix read {got}, expected {expected}");
            }
        }
        wrong.Should().BeEmpty("Nix should read back every double exactly");
    }

    /// <summary>What the decomposition in Nix must print: [isFloat, sign, 53-bit mantissa, exponent].</summary>
    private static string Expected(double value)
    {
        if (value == 0)
            return "[true,1,0,0]";
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        var biased = (int)(bits >> 52);
        var mantissa = bits & ((1L << 52) - 1);
        int exponent;
        if (biased == 0)
        {
            exponent = -1074;
            while (mantissa < 1L << 52)
            {
                mantissa <<= 1;
                exponent--;
            }
        }
        else
        {
            mantissa |= 1L << 52;
            exponent = biased - 1075;
        }
        return $"[true,{(value < 0 ? -1 : 1)},{mantissa},{exponent}]";
    }

    /// <summary>A host that sets lux.f.f&lt;i&gt; to each value and lux.floats to the list of them.</summary>
    private static string Fleet(double[] values)
    {
        var sb = new StringBuilder();
        sb.Append("[Host] public sealed record Probe : Host { public override Aspects Includes => [new Floats()]; }\n");
        sb.Append("[Feature] public sealed record Floats : Feature\n{\n    [PerHost]\n    void Os(NixOS os)\n    {\n");
        for (var i = 0; i < values.Length; i++)
            sb.Append("        os.SetUnchecked(\"lux.f.f").Append(i).Append("\", ").Append(CSharpLiteral.Double(values[i])).Append(");\n");
        sb.Append("        os.SetUnchecked(\"lux.floats\", new double[] { ").AppendJoin(", ", values.Select(CSharpLiteral.Double)).Append(" });\n");
        sb.Append("    }\n}\n");
        return sb.ToString();
    }
}
