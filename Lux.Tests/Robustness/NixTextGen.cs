using CsCheck;

namespace Lux.Tests.Robustness;

/// <summary>Text the escaping property tests draw: what Nix's lexer, JSON and the C# transport treat specially, and any other code point.</summary>
internal static class NixTextGen
{
    // Each fragment is special somewhere: Nix strings ("${", "\"), indented strings ("''", "''$"), comments,
    // JSON (controls), C#'s one-line literal in the transport (line separators), culture-sensitive casing (İ, ı).
    private static readonly string[] s_tricky =
    [
        "\"", "\\", "$", "{", "}", "${", "$${", "\\${", "$\\{", "''", "'''", "''$", "''${", "''\\", "'", "$$", "${x}",
        "\n", "\r", "\r\n", "\t", "\u0001", "\u0007", "\u001b", "\u001f", "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029",
        "\ufeff", "\ufffd", "\uffff", "é", "ß", "İ", "ı", "ﬀ", "😀", "𝄞", "\U0010FFFF", "#", "/*", "*/", ";", "=", ".", " ",
        "\\n", "\\u0000", "or", "in", "let", "-", "0", "1.5",
    ];

    private static readonly Gen<string> s_fragment = Gen.Frequency(
        (6, Gen.OneOf(s_tricky)),
        (3, Gen.Char['\u0001', '\u007f'].Select(c => c.ToString())),
        (2, Gen.Char['\u0080', '\ud7ff'].Select(c => c.ToString())),
        (1, Gen.Char['\ue000', '\uffff'].Select(c => c.ToString())),
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)));

    /// <summary>A string of zero to eight fragments: empty, well-formed UTF-16, no NUL (those are errors, tested apart).</summary>
    public static readonly Gen<string> Text = s_fragment.Array[0, 8].Select(string.Concat);
}
