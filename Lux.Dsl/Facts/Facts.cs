using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Lux
{
    /// <summary>
    /// A monitor of a host, as niri names it (<c>"DP-1"</c>, <c>"eDP-1"</c>).
    /// <paramref name="Refresh"/> is in Hz and always a float in Nix (niri rejects <c>60</c>).
    /// </summary>
    /// <param name="Name">The connector name (<c>programs.niri.settings.outputs.&lt;Name&gt;</c>).</param>
    /// <param name="Width">Mode width in pixels (<c>mode.width</c>).</param>
    /// <param name="Height">Mode height in pixels (<c>mode.height</c>).</param>
    /// <param name="Refresh">Mode refresh rate in Hz (<c>mode.refresh</c>).</param>
    public sealed record Display(string Name, int Width, int Height, double Refresh)
    {
        /// <summary>Left edge in the global layout, in logical pixels (niri's <c>position.x</c>). Default: 0.</summary>
        public int X { get; init; }

        /// <summary>Top edge in the global layout, in logical pixels (niri's <c>position.y</c>). Default: 0.</summary>
        public int Y { get; init; }

        /// <summary>Output scale (niri's <c>scale</c>). Default: absent, niri chooses.</summary>
        public double? Scale { get; init; }

        /// <summary>Rotation in degrees: 0, 90, 180 or 270 (niri's <c>transform.rotation</c>). Default: 0.</summary>
        public int Rotation { get; init; }

        /// <summary>Variable refresh rate (niri's <c>variable-refresh-rate</c>). Default: false.</summary>
        public bool VariableRefreshRate { get; init; }
    }

    /// <summary>A host's monitors: <c>[new Display("DP-1", 2560, 1440, 165.0)]</c>.</summary>
    [CollectionBuilder(typeof(Displays), nameof(Create))]
    public sealed class Displays : IReadOnlyList<Display>
    {
        private readonly Display[] items;

        private Displays(Display[] items) => this.items = items;

        /// <summary>The collection-expression builder: <c>[a, b]</c> becomes <c>Displays.Create([a, b])</c>.</summary>
        public static Displays Create(ReadOnlySpan<Display> items) => new(items.ToArray());

        /// <summary>How many displays there are.</summary>
        public int Count => items.Length;

        /// <summary>The entry at <paramref name="index"/>, in written order.</summary>
        public Display this[int index] => items[index];

        /// <summary>The displays in written order (for <c>foreach</c> and LINQ).</summary>
        public IEnumerator<Display> GetEnumerator() => ((IEnumerable<Display>)items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Inline OpenSSH public keys, one per entry.</summary>
    [CollectionBuilder(typeof(SshKeys), nameof(Create))]
    public sealed class SshKeys : IReadOnlyList<string>
    {
        private readonly string[] items;

        private SshKeys(string[] items) => this.items = items;

        /// <summary>The collection-expression builder: <c>[a, b]</c> becomes <c>SshKeys.Create([a, b])</c>.</summary>
        public static SshKeys Create(ReadOnlySpan<string> items) => new(items.ToArray());

        /// <summary>How many keys there are.</summary>
        public int Count => items.Length;

        /// <summary>The entry at <paramref name="index"/>, in written order.</summary>
        public string this[int index] => items[index];

        /// <summary>The keys in written order (for <c>foreach</c> and LINQ).</summary>
        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// How a host decrypts SOPS secrets. SOPS is host-owned: the host names its key sources
    /// and which of its users may read the admin key (they join the <c>sops-users</c> group). A fact: features turn it
    /// into sops-nix options (the example fleet's SopsNix feature).
    /// </summary>
    public sealed record Sops
    {
        /// <summary>An SSH host key used as an age identity (for <c>sops.age.sshKeyPaths</c>); on a recovery host it is required (LUX1007). Default: absent.</summary>
        public string? HostSshKeyPath { get; init; }

        /// <summary>The admin age key file, provisioned out of band (for <c>sops.age.keyFile</c>). Default: absent.</summary>
        public string? AdminKeyPath { get; init; }

        /// <summary>Users whose home-manager SOPS decrypts with the admin key (for their home-manager <c>sops.age.keyFile</c>). Each must be on the host (LUX2002). Default: none.</summary>
        public Users AdminKeyUsers { get; init; } = [];

        /// <summary>The default secrets file, relative to nix-out (for <c>sops.defaultSopsFile</c>). Default: absent.</summary>
        public string? DefaultSopsFile { get; init; }
    }

    /// <summary>
    /// The SSH recovery policy: this host can only be reached over SSH, so OpenSSH must stay usable
    /// for <paramref name="Users"/> and closed to everything else.
    /// </summary>
    /// <param name="Users">The users who must keep key-based SSH access (each on the host, each with a key).</param>
    public sealed record SshRecovery(Users Users);

    /// <summary>A hand-written Nix file in the config project, brought into nix-out verbatim (listed as an AdditionalFile).</summary>
    /// <param name="Path">The file's path relative to the config project (<c>Hosts/hardware/polaris.nix</c>).</param>
    public sealed record NixFile(string Path);
}
