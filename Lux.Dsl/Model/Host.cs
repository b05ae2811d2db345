namespace Lux
{
    /// <summary>
    /// A machine. Hosts stay thin: they state facts, list their users, compose features and profiles,
    /// and hold explicit host-specific exceptions in their own <c>[PerHost]</c>/<c>[PerUser]</c> methods.
    /// Every fact defaults to absent.
    /// </summary>
    public abstract record Host : Aspect
    {
        /// <summary>The host name (<c>networking.hostName</c>, the flake attribute). Defaults to the record name in lower case.</summary>
        public virtual string Name => GetType().Name.ToLowerInvariant();

        /// <summary>The Nix system double (<c>nixpkgs.hostPlatform</c>).</summary>
        public virtual string System => "x86_64-linux";

        /// <summary><c>system.stateVersion</c>, and <c>home.stateVersion</c> of every user on the host.</summary>
        public virtual string? StateVersion => null;

        /// <summary>The accounts on this host. Each user's baseline applies here.</summary>
        public virtual Users Users => [];

        /// <summary>Monitors, in layout order. Absent means absent: there is no enabled flag.</summary>
        public virtual Displays Displays => [];

        /// <summary>How this host decrypts SOPS secrets, and who may read the admin key.</summary>
        public virtual Sops? Sops => null;

        /// <summary>Set on a host you can reach only over SSH: the recovery policy then applies (LUX1001–LUX1008).</summary>
        public virtual SshRecovery? SshRecovery => null;

        /// <summary>A hand-written Nix module (usually <c>hardware-configuration.nix</c>) brought into the host verbatim.</summary>
        public virtual NixFile? Hardware => null;

        /// <summary>How deploy-rs reaches the host (<c>deploy.nodes.&lt;Name&gt;</c> of the flake). Absent: the host is not deployable.</summary>
        public virtual Deploy? Deploy => null;
    }

    /// <summary>
    /// A person's account. A user owns a cross-host baseline: its <c>[PerUser]</c> methods and
    /// <see cref="Aspect.Includes"/> apply on every host the user is on.
    /// </summary>
    public abstract record User : Aspect
    {
        /// <summary>The account name. Defaults to the record name in lower case.</summary>
        public virtual string Name => GetType().Name.ToLowerInvariant();

        /// <summary>The full name (<c>users.users.&lt;name&gt;.description</c>).</summary>
        public virtual string? Description => null;

        /// <summary>E-mail address, for git and the like.</summary>
        public virtual string? Email => null;

        /// <summary>Inline OpenSSH public keys (<c>ssh-ed25519 AAAA… comment</c>) allowed to log in as this user.</summary>
        public virtual SshKeys AuthorizedSshKeys => [];
    }
}
