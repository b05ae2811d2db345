namespace Lux.Generators.Emit
{
    /// <summary>
    /// Where the fleet map goes in nix-out. Shared as source with the writer, which draws <see cref="Svg"/> from
    /// <see cref="Dot"/> (the generator may not run programs).
    /// </summary>
    internal static class FleetMapPaths
    {
        public const string Markdown = "FLEET.md";
        public const string Dot = "fleet.dot";
        public const string Svg = "fleet.svg";
    }
}
