using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Lux.Generators.Check.Integrity;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Lux.Generators.Diagnostics
{
    /// <summary>
    /// LUX2006 at the source: every string literal (plain, verbatim, raw, UTF-8, interpolated text) that holds
    /// private key material, anywhere in the compilation. Literals that never reach a value cannot reach
    /// nix-out, so this is the analyzer's alone; what does reach a value the fleet checks find too.
    /// </summary>
    internal static class PrivateKeyLiterals
    {
        public static List<Diagnostic> Find(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var found = new List<Diagnostic>();
            var root = tree.GetRoot(cancellationToken);
            foreach (var token in root.DescendantTokens().Where(IsStringText))
            {
                if (PrivateKeyMaterial.Find(token.ValueText) is { } kind)
                    found.Add(Diagnostic.Create(LuxDiagnostics.PrivateKeyInLiteral, token.GetLocation(), kind));
            }
            return found;
        }

        private static bool IsStringText(SyntaxToken token) => token.Kind() switch
        {
            SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken or
            SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken or
            SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken or
            SyntaxKind.InterpolatedStringTextToken => true,
            _ => false,
        };
    }
}
