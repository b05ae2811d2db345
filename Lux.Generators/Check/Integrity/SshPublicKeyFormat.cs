using System;
using System.Collections.Generic;
using System.Text;

namespace Lux.Generators.Check.Integrity
{
    /// <summary>
    /// Validates an authorized_keys line: <c>[options] type base64 [comment]</c>. The type must be one OpenSSH
    /// accepts, the blob must be base64, and the blob must be a key of that type in SSH wire format
    /// (RFC 4253 §6.6, RFC 5656, PROTOCOL.u2f): its embedded type string matches, and its fields are all there.
    /// </summary>
    internal static class SshPublicKeyFormat
    {
        private static readonly Dictionary<string, Func<WireReader, string?>> Shapes = new(StringComparer.Ordinal)
        {
            ["ssh-ed25519"] = r => r.Bytes("the ed25519 key", 32),
            ["ssh-rsa"] = r => r.Field("the RSA exponent") ?? r.Field("the RSA modulus"),
            ["ecdsa-sha2-nistp256"] = r => Ecdsa(r, "nistp256", 65),
            ["ecdsa-sha2-nistp384"] = r => Ecdsa(r, "nistp384", 97),
            ["ecdsa-sha2-nistp521"] = r => Ecdsa(r, "nistp521", 133),
            ["sk-ssh-ed25519@openssh.com"] = r => r.Bytes("the ed25519 key", 32) ?? r.Field("the security key's application"),
            ["sk-ecdsa-sha2-nistp256@openssh.com"] = r => Ecdsa(r, "nistp256", 65) ?? r.Field("the security key's application"),
        };

        /// <summary>Why the line is not a valid public key, or null when it is.</summary>
        public static string? Problem(string line)
        {
            var text = line.Trim();
            if (text.Length == 0)
                return "it is empty";
            if (text.IndexOf('\n') >= 0 || text.IndexOf('\r') >= 0)
                return "it spans several lines; write one key per entry";
            var fields = Fields(text);
            var typeIndex = fields.Count > 0 && Shapes.ContainsKey(fields[0]) ? 0 : fields.Count > 1 && Shapes.ContainsKey(fields[1]) ? 1 : -1;
            if (typeIndex < 0)
            {
                var first = fields[0];
                return first.StartsWith("ssh-", StringComparison.Ordinal) || first.StartsWith("ecdsa-", StringComparison.Ordinal) || first.StartsWith("sk-", StringComparison.Ordinal)
                    ? "'" + first + "' is not a key type OpenSSH accepts (" + string.Join(", ", Shapes.Keys) + ")"
                    : "it does not start with a key type (" + string.Join(", ", Shapes.Keys) + ")";
            }
            var type = fields[typeIndex];
            if (fields.Count <= typeIndex + 1)
                return "it has no key data after '" + type + "'";
            byte[] blob;
            try
            {
                blob = Convert.FromBase64String(fields[typeIndex + 1]);
            }
            catch (FormatException)
            {
                return "its key data is not valid base64 (a character lost or added in copying?)";
            }
            var reader = new WireReader(blob);
            if (reader.String() is not { } embedded)
                return "its key data is too short to hold a key";
            if (embedded != type)
                return "its key data is " + (IsPrintable(embedded) ? "a '" + embedded + "' key" : "not an SSH key") + " but the line says '" + type + "'";
            if (Shapes[type](reader) is { } missing)
                return "its key data is cut short: " + missing + " is missing or malformed";
            if (reader.Remaining > 0)
                return "its key data has " + reader.Remaining + " bytes after the key";
            return null;
        }

        private static string? Ecdsa(WireReader reader, string curve, int pointLength)
        {
            if (reader.String() != curve)
                return "the curve name " + curve;
            return reader.Bytes("the curve point", pointLength);
        }

        /// <summary>Splits on whitespace, keeping double-quoted option values (<c>command="a b"</c>) whole.</summary>
        private static List<string> Fields(string text)
        {
            var fields = new List<string>();
            var current = new StringBuilder();
            var quoted = false;
            foreach (var c in text)
            {
                if (c == '"')
                    quoted = !quoted;
                if (!quoted && (c == ' ' || c == '\t'))
                {
                    if (current.Length > 0)
                        fields.Add(current.ToString());
                    current.Clear();
                    continue;
                }
                current.Append(c);
            }
            if (current.Length > 0)
                fields.Add(current.ToString());
            return fields;
        }

        private static bool IsPrintable(string text)
        {
            foreach (var c in text)
            {
                if (c is < (char)0x21 or > (char)0x7E)
                    return false;
            }
            return text.Length > 0;
        }

        /// <summary>Reads SSH wire-format strings: a big-endian uint32 length, then that many bytes.</summary>
        private sealed class WireReader
        {
            private readonly byte[] data;
            private int position;

            public WireReader(byte[] data) => this.data = data;

            public int Remaining => data.Length - position;

            public byte[]? Next()
            {
                if (Remaining < 4)
                    return null;
                var length = (long)data[position] << 24 | (long)data[position + 1] << 16 | (long)data[position + 2] << 8 | data[position + 3];
                if (length > Remaining - 4)
                    return null;
                var result = new byte[length];
                Array.Copy(data, position + 4, result, 0, (int)length);
                position += 4 + (int)length;
                return result;
            }

            public string? String() => Next() is { } bytes ? Encoding.ASCII.GetString(bytes) : null;

            /// <summary>Null when a non-empty field is there, else what is missing.</summary>
            public string? Field(string what) => Next() is { Length: > 0 } ? null : what;

            public string? Bytes(string what, int length) => Next() is { } bytes && bytes.Length == length ? null : what;
        }
    }
}
