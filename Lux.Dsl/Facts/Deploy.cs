namespace Lux
{
    /// <summary>
    /// How a host is deployed over SSH with deploy-rs: it becomes <c>deploy.nodes.&lt;host&gt;</c> of nix-out's
    /// flake, whose <c>profiles.system</c> activates the host's NixOS configuration. A host without it is
    /// not deployable (it is switched locally with <c>nixos-rebuild</c>); the flake says so.
    /// </summary>
    /// <param name="Hostname">The address deploy-rs connects to (<c>deploy.nodes.&lt;host&gt;.hostname</c>): a DNS name, an IP address, or a <c>Host</c> of your SSH config.</param>
    public sealed record Deploy(string Hostname)
    {
        /// <summary>
        /// The user deploy-rs logs in as (<c>deploy.nodes.&lt;host&gt;.sshUser</c>). Absent leaves deploy-rs's default,
        /// the local user's name. On a host with <see cref="SshRecovery"/> (root login off) it must be one of the recovery users.
        /// </summary>
        public string? SshUser { get; init; }

        /// <summary>The user the system profile activates as (<c>profiles.system.user</c>); deploy-rs uses sudo when it differs from <see cref="SshUser"/>. Default <c>"root"</c>.</summary>
        public string User { get; init; } = DslFacts.DeployDefaults.User;

        /// <summary>
        /// Ask for the sudo password when activating as <see cref="User"/> (<c>interactiveSudo</c>): needed when
        /// <see cref="SshUser"/> is in wheel but sudo wants a password (NixOS' default). Default false.
        /// </summary>
        public bool InteractiveSudo { get; init; } = DslFacts.DeployDefaults.InteractiveSudo;

        /// <summary>Build the system on the host instead of copying the local build (<c>remoteBuild</c>). Default false.</summary>
        public bool RemoteBuild { get; init; } = DslFacts.DeployDefaults.RemoteBuild;

        /// <summary>Roll back when the new system cannot confirm the deploy over a fresh SSH connection (<c>magicRollback</c>). Default true.</summary>
        public bool MagicRollback { get; init; } = DslFacts.DeployDefaults.MagicRollback;

        /// <summary>Roll back when activation fails (<c>autoRollback</c>). Default true.</summary>
        public bool AutoRollback { get; init; } = DslFacts.DeployDefaults.AutoRollback;
    }
}
