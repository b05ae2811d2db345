namespace MyFleet;

/// <summary>What every host of this fleet runs: reachable over SSH with keys only.</summary>
[Profile]
public sealed record Server : Profile
{
    public override Aspects Includes => [new OpenSsh()];
}
