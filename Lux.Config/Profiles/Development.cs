namespace Lux.Config;

/// <summary>Where people write and sign code.</summary>
[Profile]
public sealed record Development : Profile
{
    public override Aspects Includes => [new Ssh()];
}
