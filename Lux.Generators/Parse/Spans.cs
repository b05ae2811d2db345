using Lux.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Lux.Generators.Parse
{
    internal static class Spans
    {
        public static SourceSpan Of(SyntaxNode node) => Of(node.GetLocation());

        public static SourceSpan Of(SyntaxToken token) => Of(token.GetLocation());

        public static SourceSpan Of(Location location)
        {
            var line = location.GetLineSpan();
            return new SourceSpan(location.SourceTree?.FilePath ?? "", location.SourceSpan.Start, location.SourceSpan.Length,
                line.StartLinePosition.Line, line.StartLinePosition.Character, line.EndLinePosition.Line, line.EndLinePosition.Character);
        }
    }
}
