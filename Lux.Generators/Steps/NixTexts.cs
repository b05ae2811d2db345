using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Model;

namespace Lux.Generators.Steps
{
    /// <summary>The project's Nix files by path, equal by content; the lookup is built once per change.</summary>
    internal sealed class NixTexts : IEquatable<NixTexts>
    {
        private readonly EquatableArray<AdditionalNixFile> files;
        private Dictionary<string, string>? byPath;

        public NixTexts(IEnumerable<AdditionalNixFile> files) =>
            this.files = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray();

        public IReadOnlyDictionary<string, string> ByPath => byPath ??= Index(files);

        public bool Equals(NixTexts? other) => other is not null && files.Equals(other.files);

        public override bool Equals(object? obj) => Equals(obj as NixTexts);

        public override int GetHashCode() => files.GetHashCode();

        private static Dictionary<string, string> Index(EquatableArray<AdditionalNixFile> files)
        {
            var index = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in files)
                index[file.Path] = file.Text;
            return index;
        }
    }
}
