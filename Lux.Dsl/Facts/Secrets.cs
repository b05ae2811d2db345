using System.Collections.Generic;

namespace Lux
{
    /// <summary>An age recipient of the fleet's secrets: an admin key, or a host's SSH key converted with ssh-to-age.</summary>
    /// <param name="Name">The YAML anchor the recipient gets in <c>.sops.yaml</c> (<c>&amp;admin</c>).</param>
    /// <param name="PublicKey">The age public key (<c>age1…</c>).</param>
    public sealed record AgeRecipient(string Name, string PublicKey);

    /// <summary>
    /// Who can decrypt the fleet's secrets. Lux writes it as <c>.sops.yaml</c> with one key group
    /// (any one recipient decrypts; a second group would switch on Shamir sharing).
    /// </summary>
    public abstract record SecretsPolicy
    {
        /// <summary>The recipients, in order.</summary>
        public virtual IReadOnlyList<AgeRecipient> Recipients => [];

        /// <summary>Which files the creation rule covers.</summary>
        public virtual string PathRegex => DslFacts.DefaultSecretsPathRegex;
    }
}
