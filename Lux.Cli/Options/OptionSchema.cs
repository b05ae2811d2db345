using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Lux.Cli.Options
{
    /// <summary>One module set's option declarations, as options/extract.sh writes them (options/SCHEMA.md).</summary>
    public sealed record OptionSchema(
        string Set, string Tree, string Repository, string Revision, string Documentation,
        IReadOnlyList<OptionDeclaration> Options, IReadOnlyList<RenamedOption> Renamed, IReadOnlyList<IReadOnlyList<string>> Removed)
    {
        public const int Format = 1;

        public static OptionSchema Load(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var format = root.GetProperty("format").GetInt32();
            if (format != Format)
                throw new InvalidDataException($"{path}: schema format {format}, this lux reads format {Format}");
            var source = root.GetProperty("source");
            return new OptionSchema(
                root.GetProperty("set").GetString()!,
                root.GetProperty("tree").GetString()!,
                source.GetProperty("repository").GetString()!,
                source.GetProperty("revision").GetString()!,
                root.TryGetProperty("documentation", out var documentation) ? documentation.GetString()! : "",
                root.GetProperty("options").EnumerateArray().Select(OptionDeclaration.Read).ToArray(),
                Array(root, "renamed").Select(r => new RenamedOption(Loc(r.GetProperty("loc")), Loc(r.GetProperty("to")))).ToArray(),
                Array(root, "removed").Select(r => Loc(r.GetProperty("loc"))).ToArray());
        }

        private static IEnumerable<JsonElement> Array(JsonElement root, string name) =>
            root.TryGetProperty(name, out var array) ? array.EnumerateArray() : Enumerable.Empty<JsonElement>();

        internal static IReadOnlyList<string> Loc(JsonElement loc) => loc.EnumerateArray().Select(s => s.GetString()!).ToArray();
    }

    public sealed record RenamedOption(IReadOnlyList<string> From, IReadOnlyList<string> To);

    public sealed record OptionDeclaration(IReadOnlyList<string> Loc, OptionType Type, string? Default, bool ReadOnly, IReadOnlyList<string> Declarations)
    {
        public string Path => string.Join(".", Loc);

        internal static OptionDeclaration Read(JsonElement option) => new(
            OptionSchema.Loc(option.GetProperty("loc")),
            OptionType.Read(option.GetProperty("type")),
            option.TryGetProperty("default", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null,
            option.TryGetProperty("readOnly", out var r) && r.ValueKind == JsonValueKind.True,
            option.TryGetProperty("declarations", out var decl) ? decl.EnumerateArray().Select(x => x.GetString()!).ToArray() : Array.Empty<string>());
    }

    /// <summary>A module-system type: its name and the parts the mapping to C# needs.</summary>
    public sealed record OptionType(string Name)
    {
        public OptionType? Elem { get; init; }
        public OptionType? Left { get; init; }
        public OptionType? Right { get; init; }
        public OptionType? From { get; init; }
        public OptionType? To { get; init; }
        public OptionType? Freeform { get; init; }
        public IReadOnlyList<JsonElement>? Values { get; init; }
        public long? Min { get; init; }
        public long? Max { get; init; }
        public bool Truncated { get; init; }

        internal static OptionType Read(JsonElement type)
        {
            OptionType? Part(string name) => type.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.Object ? Read(part) : null;
            long? Bound(string name) => type.TryGetProperty(name, out var b) && b.ValueKind == JsonValueKind.Number && b.TryGetInt64(out var v) ? v : null;
            return new OptionType(type.GetProperty("name").GetString()!)
            {
                Elem = Part("elem"), Left = Part("left"), Right = Part("right"), From = Part("from"), To = Part("to"), Freeform = Part("freeform"),
                Values = type.TryGetProperty("values", out var values) ? values.EnumerateArray().Select(v => v.Clone()).ToArray() : null,
                Min = Bound("min"), Max = Bound("max"),
                Truncated = type.TryGetProperty("truncated", out var t) && t.ValueKind == JsonValueKind.True,
            };
        }
    }
}
