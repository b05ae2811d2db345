using System.Text;

namespace Lux.Generators.Emit
{
    /// <summary>
    /// One builder per thread, lent for one text at a time and kept for the next. A host's texts (its modules, its explain
    /// record) are each tens of thousands of characters: a builder of their own would be allocated in chunks and then
    /// copied into the string, twice the text; a kept builder has room already, so only the string is new. Bounded: a
    /// builder that grew past <see cref="MaxKeptCapacity"/> is left to the collector rather than kept.
    /// </summary>
    internal static class TextBuilders
    {
        /// <summary>Characters a kept builder may hold: a large host's text, and at most 1 MB a thread.</summary>
        public const int MaxKeptCapacity = 512 * 1024;

        [System.ThreadStatic]
        private static StringBuilder? kept;

        /// <summary>An empty builder: the kept one if no other text has it now, else a new one.</summary>
        public static StringBuilder Rent()
        {
            var builder = kept;
            if (builder is null)
                return new StringBuilder(256);
            kept = null;
            return builder;
        }

        /// <summary>The builder's text; the builder goes back to be lent again and must not be used after.</summary>
        public static string Finish(StringBuilder builder)
        {
            var text = builder.ToString();
            if (builder.Capacity <= MaxKeptCapacity)
            {
                builder.Clear();
                kept = builder;
            }
            return text;
        }
    }
}
