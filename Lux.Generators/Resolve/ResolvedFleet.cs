using System.Collections.Generic;
using System.Collections.Immutable;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Resolve
{
    /// <summary>A host after composition and merging: its facts, its NixOS config and each user's home-manager config.</summary>
    internal sealed class ResolvedHost
    {
        public ResolvedHost(DeclarationSpec spec, RecordValue record, string name)
        {
            Spec = spec;
            Record = record;
            Name = name;
        }

        public DeclarationSpec Spec { get; }

        public RecordValue Record { get; }

        public string Name { get; }

        public string System { get; set; } = DslFacts.DefaultSystem;

        public ImmutableArray<RecordValue> Users { get; set; } = ImmutableArray<RecordValue>.Empty;

        public ImmutableArray<string> UserNames { get; set; } = ImmutableArray<string>.Empty;

        /// <summary>Every aspect the host's composition reaches, in first-reached order.</summary>
        public ImmutableArray<RecordValue> Aspects { get; set; } = ImmutableArray<RecordValue>.Empty;

        /// <summary>Who includes whom in the host's composition and its users' (includer, included), for the fleet map.</summary>
        public List<(RecordValue Includer, RecordValue Included)> IncludeEdges { get; } = new();

        public AttrsNode NixOS { get; set; } = new();

        /// <summary>home-manager config per user name, in the host's user order.</summary>
        public List<KeyValuePair<string, AttrsNode>> Homes { get; } = new();

        /// <summary>The path, among the project's Nix files, of the hardware module the host brings in verbatim, if any.</summary>
        public string? HardwarePath { get; set; }

        /// <summary>Every definition made for the host, before merging, for checks that point at the cause.</summary>
        public List<Definition> Definitions { get; } = new();

        public Dictionary<string, List<Definition>> HomeDefinitions { get; } = new();

        /// <summary>The SshRecovery fact; present means the recovery policy applies.</summary>
        public SshRecoveryFact? SshRecovery { get; set; }

        /// <summary>The Sops fact, when the host has one.</summary>
        public SopsFact? Sops { get; set; }

        /// <summary>The Deploy fact, when the host is deployable.</summary>
        public DeployFact? Deploy { get; set; }

        /// <summary>
        /// Options left out of <see cref="NixOS"/> because their definitions conflict (LUX2001 and its kin, already reported):
        /// checks leave them alone, and lux explain shows each with its definitions.
        /// </summary>
        public List<ConflictedOption> Conflicts { get; } = new();

        /// <summary>As <see cref="Conflicts"/>, for each home-manager user's configuration.</summary>
        public Dictionary<string, List<ConflictedOption>> HomeConflicts { get; } = new();

        /// <summary>Errors that stop this host's output (evaluation failures, conflicts, policy).</summary>
        public List<DiagnosticInfo> Errors { get; } = new();
    }

    internal sealed class ResolvedFleet
    {
        public List<ResolvedHost> Hosts { get; } = new();

        public RecordValue? Secrets { get; set; }

        public Evaluator Evaluator { get; set; } = null!;

        /// <summary>Every declaration of the fleet, ordered by type name.</summary>
        public IReadOnlyList<DeclarationSpec> Declarations { get; set; } = new List<DeclarationSpec>();
    }

    /// <summary>What .sops.yaml says: the recipients, in order, and the files the creation rule covers.</summary>
    internal sealed record SopsRules(IReadOnlyList<(string Name, string PublicKey)> Recipients, string PathRegex);
}
