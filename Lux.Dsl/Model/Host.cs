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
        public virtual string Name => DslFacts.DefaultName(GetType().Name);

        /// <summary>The Nix system double (<c>nixpkgs.hostPlatform</c>, and the platform of the host's flake checks). Default: <c>x86_64-linux</c>.</summary>
        public virtual string System => DslFacts.DefaultSystem;

        /// <summary>
        /// <c>system.stateVersion</c>, and <c>home.stateVersion</c> (as <c>lib.mkDefault</c>) of every user on the host: the
        /// release the host was first installed with. Default: absent, and neither option is set.
        /// </summary>
        public virtual string? StateVersion => null;

        /// <summary>
        /// The accounts on this host: each gets <c>home-manager.users.&lt;name&gt;</c>, and its baseline (the user's own
        /// <c>[PerUser]</c> methods and includes) applies here. Default: none.
        /// </summary>
        public virtual Users Users => [];

        /// <summary>
        /// Monitors, in layout order. A fact, not an option: features read it (the example fleet's Niri feature writes
        /// <c>programs.niri.settings.outputs</c> from it). Default: none; absent means absent, there is no enabled flag.
        /// </summary>
        public virtual Displays Displays => [];

        /// <summary>How this host decrypts SOPS secrets, and who may read the admin key: a fact for features to turn into <c>sops.age.*</c>. Default: absent.</summary>
        public virtual Sops? Sops => null;

        /// <summary>
        /// Set on a host you can reach only over SSH: the recovery policy then applies (LUX1001–LUX1008), as build
        /// errors and as NixOS <c>assertions</c> in the host's module. Default: absent, the policy does not apply.
        /// </summary>
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
        public virtual string Name => DslFacts.DefaultName(GetType().Name);

        /// <summary>The full name, for features to use (the example fleet writes <c>users.users.&lt;name&gt;.description</c> from it). Default: absent.</summary>
        public virtual string? Description => null;

        /// <summary>E-mail address, for features to use (git's <c>user.email</c> in the example fleet). Default: absent.</summary>
        public virtual string? Email => null;

        /// <summary>
        /// Inline OpenSSH public keys (<c>ssh-ed25519 AAAA… comment</c>) allowed to log in as this user, for features to
        /// write to <c>users.users.&lt;name&gt;.openssh.authorizedKeys.keys</c>; checked for format (LUX2004). Default: none.
        /// </summary>
        public virtual SshKeys AuthorizedSshKeys => [];
    }
}
