using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Lux.Generators.Transport
{
    /// <summary>
    /// A source text over an array of characters that nothing changes once it is made: the generated source's only copy.
    /// (SourceText.From takes a string or a reader, and either would copy the text once more.)
    /// </summary>
    internal sealed class CharArrayText : SourceText
    {
        private readonly char[] characters;

        public CharArrayText(char[] characters, Encoding encoding)
        {
            this.characters = characters;
            Encoding = encoding;
        }

        public override Encoding Encoding { get; }

        public override int Length => characters.Length;

        public override char this[int position] => characters[position];

        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count) =>
            Array.Copy(characters, sourceIndex, destination, destinationIndex, count);

        public override string ToString(TextSpan span) => new(characters, span.Start, span.Length);
    }
}
