using System.Globalization;
using System.Text;

namespace Lux.Tests.Robustness;

/// <summary>C# source text for values drawn by the property tests, independent of what Lux or Roslyn would print.</summary>
internal static class CSharpLiteral
{
    /// <summary>A regular string literal: printable ASCII as itself, every other UTF-16 unit as \uXXXX (lone surrogates included).</summary>
    public static string String(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
                sb.Append('\\').Append(c);
            else if (c is >= ' ' and <= '~')
                sb.Append(c);
            else
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A double literal the C# compiler reads back as exactly <paramref name="value"/> (Roslyn parses correctly rounded).</summary>
    public static string Double(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture) + "d";
}
