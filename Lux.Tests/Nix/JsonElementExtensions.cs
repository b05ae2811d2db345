using System.Text.Json;

namespace Lux.Tests.Nix;

internal static class JsonElementExtensions
{
    public static int[] ToInts(this JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static string[] ToStrings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
