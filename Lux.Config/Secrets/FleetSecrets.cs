namespace Lux.Config;

/// <summary>
/// Who can decrypt the fleet's secrets: the admin key, and orion's SSH host key (so orion decrypts
/// on first boot with no admin key on disk). Lux writes this as nix-out/.sops.yaml.
/// </summary>
[Secrets]
public sealed record FleetSecrets : SecretsPolicy
{
    public override IReadOnlyList<AgeRecipient> Recipients =>
    [
        new AgeRecipient("admin", Keys.AdminAge),
        new AgeRecipient("orion", Keys.OrionAge),
    ];
}
