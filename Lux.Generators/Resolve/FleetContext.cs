using System;
using System.Collections.Generic;
using System.Threading;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Resolve
{
    /// <summary>
    /// What resolving a host reads besides the host itself: the fleet's users, features, profiles and
    /// secrets policy, any host another declaration creates (<c>new Orion().Name</c>), the paths of the
    /// project's Nix files and its directory. Equal by content, so the generator resolves a host again only
    /// when the host or this context changed; the lookups built from it are built once and shared by every
    /// host. Only the Nix files' paths are here: their text is copied by a generator node of its own, so
    /// editing a hardware module resolves nothing.
    /// </summary>
    internal sealed class FleetContext : IEquatable<FleetContext>
    {
        private Dictionary<string, DeclarationSpec>? byName;
        private NixFileIndex? nixFiles;

        /// <param name="declarations">Every declaration but the hosts (and the hosts something creates), in ordinal type-name order.</param>
        public FleetContext(EquatableArray<DeclarationSpec> declarations, EquatableArray<string> nixFilePaths, string projectDirectory)
        {
            Declarations = declarations;
            NixFilePaths = nixFilePaths;
            ProjectDirectory = projectDirectory;
        }

        public EquatableArray<DeclarationSpec> Declarations { get; }

        public EquatableArray<string> NixFilePaths { get; }

        public string ProjectDirectory { get; }

        /// <summary>The Nix files' paths, indexed (their text is not read while resolving, see the summary).</summary>
        public NixFileIndex NixFiles => LazyInitializer.EnsureInitialized(ref nixFiles, () => new NixFileIndex(NixFilePaths))!;

        /// <summary>An evaluator for one host: the context's declarations, and the host's own.</summary>
        public Evaluator CreateEvaluator(DeclarationSpec host)
        {
            var declarations = ByName;
            return new Evaluator(name => name == host.TypeName ? host : declarations.TryGetValue(name, out var spec) ? spec : null);
        }

        /// <summary>An evaluator for what belongs to no host (the secrets policy).</summary>
        public Evaluator CreateEvaluator()
        {
            var declarations = ByName;
            return new Evaluator(name => declarations.TryGetValue(name, out var spec) ? spec : null);
        }

        private Dictionary<string, DeclarationSpec> ByName => LazyInitializer.EnsureInitialized(ref byName, () =>
        {
            var map = new Dictionary<string, DeclarationSpec>(StringComparer.Ordinal);
            foreach (var declaration in Declarations)
                map[declaration.TypeName] = declaration;
            return map;
        })!;

        /// <summary>Whether a host resolves and checks the same in both contexts: all but the project directory, which only Emit reads.</summary>
        public bool ResolvesAs(FleetContext other) =>
            ReferenceEquals(this, other) || NixFilePaths.Equals(other.NixFilePaths) && Declarations.Equals(other.Declarations);

        public bool Equals(FleetContext? other) =>
            other is not null && (ReferenceEquals(this, other) ||
                ProjectDirectory == other.ProjectDirectory && NixFilePaths.Equals(other.NixFilePaths) && Declarations.Equals(other.Declarations));

        public override bool Equals(object? obj) => Equals(obj as FleetContext);

        public override int GetHashCode() => unchecked(Declarations.GetHashCode() * 31 + NixFilePaths.GetHashCode()) * 31 + ProjectDirectory.GetHashCode();
    }
}
