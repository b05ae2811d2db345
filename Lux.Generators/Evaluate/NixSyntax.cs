using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lux.Generators.Diagnostics;
using Lux.Generators.Model;

namespace Lux.Generators.Evaluate
{
    /// <summary>
    /// Nix's lexical rules: what text, names and numbers Nix can hold, and how its literals are written. Here, in
    /// Evaluate, because every stage from evaluation on needs them: a value Nix cannot hold is an error where it is
    /// made (Evaluate, Resolve), and Check and Emit write Nix with them.
    /// </summary>
    internal static class NixSyntax
    {
        // \z, not $: "$" also matches before a final newline, and "H\n" would be written bare as H.
        private static readonly Regex BareName = new("^[A-Za-z_][A-Za-z0-9_'-]*\\z", RegexOptions.CultureInvariant);

        private static readonly string[] Keywords = { "if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or" };

        /// <summary>The characters <see cref="String"/> may escape ('$' only before '{').</summary>
        private static readonly char[] Escaped = { '"', '\\', '\n', '\r', '\t', '$' };

        /// <summary>A double-quoted Nix string that reads back as exactly <paramref name="text"/>.</summary>
        public static string String(string text, SourceSpan at)
        {
            if (WhyNotText(text) is { } reason)
                throw EvaluationException.At(at, LuxDiagnostics.NotNixData, reason);
            // Most strings need no escape: quoted in one step, without a builder.
            if (text.IndexOfAny(Escaped) < 0)
                return "\"" + text + "\"";
            var sb = new StringBuilder(text.Length + 2);
            sb.Append('"');
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    // "${" would start an interpolation; "\$" is a literal dollar wherever it stands.
                    case '$': sb.Append(i + 1 < text.Length && text[i + 1] == '{' ? "\\$" : "$"); break;
                    default: sb.Append(c); break;
                }
            }
            sb.Append('"');
            return sb.ToString();
        }

        /// <summary>
        /// Why no Nix string can hold <paramref name="text"/>, or null when one can. Nix strings are C strings
        /// (no NUL) of UTF-8 (no half of a surrogate pair). Evaluate asks this where the text is made, so the
        /// error points at that code; Emit asks again before it writes.
        /// </summary>
        public static string? WhyNotText(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\0')
                    return "The string " + Preview(text) + " holds a NUL character, which no Nix string can hold; remove it";
                if (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) ||
                    char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
                    return "The string " + Preview(text) + " holds half of a UTF-16 surrogate pair (\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) +
                        "), which is not text Nix can read; write the whole character";
            }
            return null;
        }

        /// <summary>Why Nix has no float for <paramref name="value"/>, or null when it has.</summary>
        public static string? WhyNotFloat(double value) =>
            double.IsNaN(value) || double.IsInfinity(value)
                ? "The number " + value.ToString(CultureInfo.InvariantCulture) + " has no Nix literal; use a finite number"
                : null;

        /// <summary>
        /// Why a host or user name cannot name a file of nix-out, or null when it can. The name is a directory
        /// (<c>hosts/orion/</c>) or a file (<c>home/kiri.nix</c>) and a Nix path literal (<c>./hosts/orion</c>),
        /// whose grammar allows only letters, digits and <c>._+-</c>; "." and ".." would leave the directory.
        /// </summary>
        public static string? WhyNotPathSegment(string name) =>
            PathSegment.IsMatch(name)
                ? null
                : "the name " + Preview(name) + " names a file of nix-out and a Nix path (./hosts/<name>), so it may hold only " +
                  "letters, digits, '.', '_', '+' and '-', and may not start with '.'";

        private static readonly Regex PathSegment = new("^[A-Za-z0-9_+-][A-Za-z0-9._+-]*\\z", RegexOptions.CultureInvariant);

        /// <summary>An attribute name: bare where Nix allows it, quoted otherwise (<c>"DP-1"</c> is bare-safe, <c>"eDP 1"</c> is not).</summary>
        public static string AttributeName(string name, SourceSpan at) =>
            BareName.IsMatch(name) && Array.IndexOf(Keywords, name) < 0 ? name : String(name, at);

        public static string Integer(long value) =>
            // -9223372036854775808 cannot be written as a literal: Nix reads "-" then an overflowing number.
            value == long.MinValue ? "(-9223372036854775807 - 1)" : value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A float literal Nix reads as a float: always with a fraction (<c>60.0</c>, <c>1.5e-07</c>).</summary>
        public static string Float(double value, SourceSpan at)
        {
            if (WhyNotFloat(value) is { } reason)
                throw EvaluationException.At(at, LuxDiagnostics.NotNixData, reason);
            // Nix 2.8 reads float literals with strtod and refuses one that underflows ("invalid float"), so a
            // subnormal has no literal. It is written as a normal float over 2^52: both exact, and so is the quotient.
            if (value != 0 && Math.Abs(value) < SmallestNormal)
                return "(" + FloatLiteral(value * TwoToThe52) + " / " + FloatLiteral(TwoToThe52) + ")";
            return FloatLiteral(value);
        }

        private const double SmallestNormal = 2.2250738585072014E-308;

        private const double TwoToThe52 = 4503599627370496.0;

        private static string FloatLiteral(double value)
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            var exponent = text.IndexOfAny(new[] { 'E', 'e' });
            var mantissa = exponent < 0 ? text : text.Substring(0, exponent);
            var rest = exponent < 0 ? "" : "e" + text.Substring(exponent + 1);
            // Nix's float grammar needs a point: "1e-07" would lex as an integer and an identifier.
            if (mantissa.IndexOf('.') < 0)
                mantissa += ".0";
            return mantissa + rest;
        }

        /// <summary>The start of the text for a message, with anything unprintable (controls, line breaks, surrogates) as \uXXXX.</summary>
        private static string Preview(string text)
        {
            var sb = new StringBuilder("\"");
            foreach (var c in text.Length > 24 ? text.Substring(0, 24) : text)
            {
                if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029')
                    sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                else
                    sb.Append(c);
            }
            return sb.Append(text.Length > 24 ? "…\"" : "\"").ToString();
        }
    }
}
