namespace Lux.Generators.Model
{
    // What the per-host steps hand to the per-fleet steps, and the per-fleet steps to the transport: plain,
    // equatable records, so a step whose inputs are equal stays cached (see NixGenerator).

    /// <summary>A host by name: the record it is declared as and the name it gets (its nix-out directory, its flake attribute).</summary>
    internal sealed record HostIdentity(string TypeName, string DisplayName, string Name, SourceSpan Span);

    /// <summary>
    /// What the fleet-wide outputs need from one host: who it is and its platform (for the flake), which files
    /// it has, where its hardware module comes from, and every diagnostic its compilation made.
    /// </summary>
    /// <remarks>
    /// <see cref="Deploy"/>: the host's deploy-rs node for the flake, null when the host is not deployable. The fleet
    /// map's view of the host is added in Emit/HostMap.cs.
    /// </remarks>
    internal sealed partial record HostSummary(HostIdentity Identity, string System, EquatableArray<string> Paths, HardwareModule? Hardware,
        EquatableArray<DiagnosticInfo> Diagnostics, DeployNode? Deploy = null);

    /// <summary>
    /// One host compiled: its nix-out files (but the hardware module, see <see cref="HardwareModule"/>), its summary, and
    /// its explain record for <c>lux explain</c> (<see cref="Emit.ExplainRecordFormat"/>; null when the host is not emitted).
    /// </summary>
    internal sealed record HostOutput(HostSummary Summary, EquatableArray<OutputFile> Files, string? Explanation = null);

    /// <summary>
    /// What leaves the pipeline for one emitted host, in one generated source: its nix-out files, the hardware module
    /// among them unless withheld, and its explain record, which goes beside nix-out but never into it.
    /// </summary>
    internal sealed record HostSource(string HostName, EquatableArray<OutputFile> Files, string? Explanation);

    /// <summary>What leaves the pipeline for the fleet, in one generated source: flake.nix, the fleet map, .sops.yaml, the explain index and the manifest.</summary>
    internal sealed record FleetSource(EquatableArray<OutputFile> Files, string ExplanationIndex, Manifest Manifest);

    /// <summary>
    /// A hand-written Nix file a host brings in verbatim: where it goes in nix-out, and which AdditionalFile it is.
    /// Host resolution reads no Nix file's text, so the text is judged where it is copied: a module holding
    /// private key material is withheld, and is LUX2006 at the host's Hardware.
    /// </summary>
    internal sealed record HardwareModule(string OutputPath, string SourcePath, string HostName, SourceSpan Span);

    /// <summary>
    /// What belongs to no host: the other declarations' own diagnostics (<see cref="Diagnostics"/>, which the
    /// analyzer reports too), and .sops.yaml with any error writing it.
    /// </summary>
    internal sealed record LibraryOutput(EquatableArray<DiagnosticInfo> Diagnostics, OutputFile? Sops, EquatableArray<DiagnosticInfo> SopsDiagnostics);

    /// <summary>
    /// The files of a compilation and the hosts whose sources carry them, the errors that block writing them, and the policy
    /// findings that block only when no analyzer ran (see <see cref="Diagnostics.LuxDiagnostics.IsSuppressible"/>).
    /// </summary>
    internal sealed record Manifest(EquatableArray<string> Hosts, EquatableArray<string> Paths, EquatableArray<string> Errors, EquatableArray<string> PolicyErrors);

    /// <summary>One <c>deploy.nodes.&lt;Host&gt;</c> of the flake: the deploy-rs settings of a deployable host.</summary>
    internal sealed record DeployNode(string Host, string System, string Hostname, string? SshUser, string User, bool InteractiveSudo, bool RemoteBuild,
        bool MagicRollback, bool AutoRollback);
}
