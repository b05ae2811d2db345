using System.Collections.Generic;
using System.Linq;

namespace Lux.Generators.Check.Integrity
{
    /// <summary>
    /// Validates an age X25519 recipient: Bech32 (BIP 173) with human-readable part "age", a checksum that
    /// matches, and a payload of 32 bytes (age's format spec, "The X25519 recipient type").
    /// </summary>
    internal static class AgeRecipientFormat
    {
        private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        private static readonly uint[] Generator = { 0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3 };

        /// <summary>Why the text is not an age recipient, or null when it is.</summary>
        public static string? Problem(string recipient)
        {
            var text = recipient.Trim();
            if (text.Length != recipient.Length)
                return "it has spaces around it";
            if (text.ToLowerInvariant() != text && text.ToUpperInvariant() != text)
                return "it mixes upper and lower case";
            text = text.ToLowerInvariant();
            if (!text.StartsWith("age1", System.StringComparison.Ordinal))
                return "it does not start with 'age1'";
            var data = new List<int>();
            foreach (var c in text.Substring(4))
            {
                var value = Charset.IndexOf(c);
                if (value < 0)
                    return "'" + c + "' is not a Bech32 character";
                data.Add(value);
            }
            if (data.Count < 6)
                return "it is too short to hold a checksum";
            if (Polymod(Expand("age").Concat(data)) != 1)
                return "its checksum does not match (a character changed in copying?)";
            var payload = ToBytes(data.Take(data.Count - 6).ToList());
            if (payload is null)
                return "its data has non-zero padding";
            if (payload.Count != 32)
                return "it holds " + payload.Count + " bytes, not the 32 of an X25519 key";
            return null;
        }

        private static IEnumerable<int> Expand(string hrp) =>
            hrp.Select(c => c >> 5).Concat(new[] { 0 }).Concat(hrp.Select(c => c & 31));

        private static uint Polymod(IEnumerable<int> values)
        {
            uint checksum = 1;
            foreach (var value in values)
            {
                var top = checksum >> 25;
                checksum = (checksum & 0x1ffffff) << 5 ^ (uint)value;
                for (var i = 0; i < 5; i++)
                {
                    if ((top >> i & 1) != 0)
                        checksum ^= Generator[i];
                }
            }
            return checksum;
        }

        /// <summary>5-bit groups to bytes; null when the leftover padding is not zero bits.</summary>
        private static List<byte>? ToBytes(List<int> groups)
        {
            var bytes = new List<byte>();
            int accumulator = 0, bits = 0;
            foreach (var group in groups)
            {
                accumulator = accumulator << 5 | group;
                bits += 5;
                if (bits >= 8)
                {
                    bits -= 8;
                    bytes.Add((byte)(accumulator >> bits & 0xff));
                }
            }
            if (bits >= 5 || (accumulator & ((1 << bits) - 1)) != 0)
                return null;
            return bytes;
        }
    }
}
