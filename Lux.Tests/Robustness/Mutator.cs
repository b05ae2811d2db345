using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lux.Tests.Robustness;

/// <summary>One edit to one source file of the fleet, described so a failure can be reproduced by reading it.</summary>
internal sealed record Mutation(int Index, string Kind, string Path, string Description, string Text);

/// <summary>
/// Seeded edits that make half-typed code, the way a person mid-keystroke does: a token deleted or inserted,
/// a line duplicated or dropped, a literal of another type or another literal of the fleet, an operator swapped,
/// a truncated file, a type renamed, an attribute dropped.
/// Mutant <c>i</c> depends only on the seed and <c>i</c>.
/// </summary>
internal static class Mutator
{
    public static readonly string[] Kinds =
    [
        "delete token", "insert token", "duplicate line", "delete line", "swap lines", "swap literal",
        "truncate file", "rename type", "drop attribute", "replace identifier", "reuse literal", "swap operator",
    ];

    private static readonly string[] s_operators = ["+", "-", "*", "/", "%", "==", "!=", "<", ">", "&&", "||", "??"];

    // Literals of every type Lux meets, and a few it refuses (overflow, NaN, NUL, char).
    private static readonly string[] s_literals =
    [
        "\"x\"", "\"\"", "\"\\0\"", "\"\\uD800\"", "\"a b/c\"", "\"..\"", "0", "-1", "42", "2147483648", "9223372036854775807",
        "18446744073709551615UL", "long.MinValue", "1.5", "-0.0", "1e308", "double.NaN", "double.Epsilon", "true", "false", "null", "'c'", "[]", "new()", "default",
    ];

    // Tokens a half-typed edit leaves behind.
    private static readonly string[] s_insertions =
    [
        ";", "{", "}", "(", ")", "[", "]", ",", ".", "=", "=>", "?", "??", "!", "..", "new", "new()", "null", "this", "return;",
        "var", "x", "os", "host", "user", "Users", "[PerHost]", "[PerUser]", "[Host]", "[Feature]", "override", "static", "async", "\"",
    ];

    public static Mutation Mutate(IReadOnlyList<(string Path, string Text)> sources, int seed, int index)
    {
        // Not HashCode.Combine: it is seeded per process, and a mutant must be the same in every run.
        var random = new Random(unchecked(seed * 1_000_003 + index) & int.MaxValue);
        var kind = Kinds[random.Next(Kinds.Length)];
        var (path, text) = sources[random.Next(sources.Count)];
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        var (description, mutated) = kind switch
        {
            "delete token" => DeleteToken(root, text, random),
            "insert token" => InsertToken(root, text, random),
            "duplicate line" => EditLine(text, random, duplicate: true),
            "delete line" => EditLine(text, random, duplicate: false),
            "swap lines" => SwapLines(text, random),
            "swap literal" => SwapLiteral(root, text, random),
            "truncate file" => Truncate(text, random),
            "rename type" => RenameType(root, text, sources, random),
            "drop attribute" => DropAttribute(root, text, random),
            "reuse literal" => ReuseLiteral(root, text, sources, random),
            "swap operator" => SwapOperator(root, text, random),
            _ => ReplaceIdentifier(root, text, random),
        };
        return new Mutation(index, kind, path, description, mutated);
    }

    private static (string, string) DeleteToken(SyntaxNode root, string text, Random random)
    {
        var token = Pick(root.DescendantTokens().Where(t => t.Span.Length > 0).ToList(), random);
        return ($"delete '{token.Text}' at {Where(token)}", text.Remove(token.SpanStart, token.Span.Length));
    }

    private static (string, string) InsertToken(SyntaxNode root, string text, Random random)
    {
        var token = Pick(root.DescendantTokens().ToList(), random);
        var inserted = s_insertions[random.Next(s_insertions.Length)];
        return ($"insert '{inserted}' before '{token.Text}' at {Where(token)}", text.Insert(token.SpanStart, inserted + " "));
    }

    private static (string, string) EditLine(string text, Random random, bool duplicate)
    {
        var lines = text.Split('\n').ToList();
        var i = random.Next(lines.Count);
        if (duplicate)
            lines.Insert(i, lines[i]);
        else
            lines.RemoveAt(i);
        return ($"{(duplicate ? "duplicate" : "delete")} line {i + 1}", string.Join('\n', lines));
    }

    private static (string, string) SwapLines(string text, Random random)
    {
        var lines = text.Split('\n');
        var i = random.Next(lines.Length);
        var j = random.Next(lines.Length);
        (lines[i], lines[j]) = (lines[j], lines[i]);
        return ($"swap lines {i + 1} and {j + 1}", string.Join('\n', lines));
    }

    private static (string, string) SwapLiteral(SyntaxNode root, string text, Random random)
    {
        var literals = root.DescendantNodes().OfType<LiteralExpressionSyntax>().ToList();
        if (literals.Count == 0)
            return Truncate(text, random);
        var literal = Pick(literals, random);
        var replacement = Pick(s_literals.Where(l => l != literal.Token.Text).ToList(), random);
        return ($"replace literal {literal.Token.Text} at {Where(literal.Token)} with {replacement}",
            text.Remove(literal.SpanStart, literal.Span.Length).Insert(literal.SpanStart, replacement));
    }

    /// <summary>Replaces a literal with another literal of the fleet: a host's name with another host's, a path with a key.</summary>
    private static (string, string) ReuseLiteral(SyntaxNode root, string text, IReadOnlyList<(string Path, string Text)> sources, Random random)
    {
        var literals = root.DescendantNodes().OfType<LiteralExpressionSyntax>().ToList();
        var pool = sources.SelectMany(s => CSharpSyntaxTree.ParseText(s.Text).GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>())
            .Select(l => l.Token.Text).Distinct().ToList();
        if (literals.Count == 0)
            return SwapOperator(root, text, random);
        var literal = Pick(literals, random);
        var replacement = Pick(pool, random);
        return ($"replace literal {literal.Token.Text} at {Where(literal.Token)} with {replacement}",
            text.Remove(literal.SpanStart, literal.Span.Length).Insert(literal.SpanStart, replacement));
    }

    private static (string, string) SwapOperator(SyntaxNode root, string text, Random random)
    {
        var operators = root.DescendantTokens().Where(t => s_operators.Contains(t.Text) || t.IsKind(SyntaxKind.EqualsToken)).ToList();
        if (operators.Count == 0)
            return DeleteToken(root, text, random);
        var token = Pick(operators, random);
        var replacement = Pick(s_operators, random);
        return ($"replace operator '{token.Text}' at {Where(token)} with '{replacement}'",
            text.Remove(token.SpanStart, token.Span.Length).Insert(token.SpanStart, replacement));
    }

    private static (string, string) Truncate(string text, Random random)
    {
        var length = random.Next(text.Length + 1);
        return ($"truncate to {length} of {text.Length} characters", text.Substring(0, length));
    }

    /// <summary>Renames a declared record, or one use of a type name, to another record of the fleet or to a new name.</summary>
    private static (string, string) RenameType(SyntaxNode root, string text, IReadOnlyList<(string Path, string Text)> sources, Random random)
    {
        var declared = sources.SelectMany(s => CSharpSyntaxTree.ParseText(s.Text).GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            .Select(t => t.Identifier.Text).Distinct().ToList();
        var names = root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken) && declared.Contains(t.Text)).ToList();
        if (names.Count == 0)
            return ReplaceIdentifier(root, text, random);
        var token = Pick(names, random);
        var name = random.Next(3) == 0 ? token.Text + "2" : Pick(declared, random);
        return ($"rename type '{token.Text}' at {Where(token)} to '{name}'", text.Remove(token.SpanStart, token.Span.Length).Insert(token.SpanStart, name));
    }

    private static (string, string) DropAttribute(SyntaxNode root, string text, Random random)
    {
        var attributes = root.DescendantNodes().OfType<AttributeListSyntax>().ToList();
        if (attributes.Count == 0)
            return DeleteToken(root, text, random);
        var attribute = Pick(attributes, random);
        return ($"drop {attribute} at {Where(attribute.GetFirstToken())}", text.Remove(attribute.SpanStart, attribute.Span.Length));
    }

    private static (string, string) ReplaceIdentifier(SyntaxNode root, string text, Random random)
    {
        var identifiers = root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
        var token = Pick(identifiers, random);
        var other = Pick(identifiers, random).Text;
        return ($"replace identifier '{token.Text}' at {Where(token)} with '{other}'", text.Remove(token.SpanStart, token.Span.Length).Insert(token.SpanStart, other));
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static string Where(SyntaxToken token)
    {
        var position = token.GetLocation().GetLineSpan().StartLinePosition;
        return $"{position.Line + 1}:{position.Character + 1}";
    }
}
