using System;

namespace Lux
{
    /// <summary>A machine of the fleet. The record derives from <see cref="Host"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class HostAttribute : Attribute { }

    /// <summary>A person with an account on some hosts. The record derives from <see cref="User"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class UserAttribute : Attribute { }

    /// <summary>The smallest reusable unit of behaviour. The record derives from <see cref="Feature"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class FeatureAttribute : Attribute { }

    /// <summary>A named bundle of features. The record derives from <see cref="Profile"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class ProfileAttribute : Attribute { }

    /// <summary>The fleet-wide secrets policy that becomes <c>.sops.yaml</c>. The record derives from <see cref="SecretsPolicy"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class SecretsAttribute : Attribute { }

    /// <summary>
    /// Stage gate: the method runs once for each host whose composition reaches this aspect,
    /// as <c>(Host host, NixOS os)</c>, and contributes NixOS configuration.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class PerHostAttribute : Attribute { }

    /// <summary>
    /// Stage gate: the method runs once for each (host, user) pair whose composition reaches this aspect,
    /// as <c>(Host host, User user, NixOS os)</c> and/or <c>(..., HomeManager home)</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class PerUserAttribute : Attribute { }

    /// <summary>
    /// The Nix attribute name of an option member, where it is not the camelCase of the C# name
    /// (<c>[Nix("openssh")]</c>, <c>[Nix("PasswordAuthentication")]</c>, <c>[Nix("variable-refresh-rate")]</c>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Class | AttributeTargets.Field, Inherited = false)]
    public sealed class NixAttribute : Attribute
    {
        /// <summary>Names the member's Nix attribute.</summary>
        public NixAttribute(string name) => Name = name;

        /// <summary>The Nix attribute name, exactly as Nix spells it.</summary>
        public string Name { get; }
    }

    /// <summary>Marks a class as a node of the NixOS or home-manager option tree.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class NixOptionsAttribute : Attribute { }

    /// <summary>
    /// What the module system declares about an option: its type as NixOS describes it, whether
    /// <c>null</c> may be defined (<c>nullOr</c>), whether it is read-only, its default and where it is declared.
    /// The generated option trees carry it on every leaf; Lux checks <c>Set</c> paths and literal values against it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
    public sealed class NixOptionAttribute : Attribute
    {
        /// <summary>Declares an option of Nix type <paramref name="type"/>.</summary>
        public NixOptionAttribute(string type) => Type = type;

        /// <summary>The Nix type, as NixOS's option documentation writes it: <c>null or one of "yes", "no"</c>.</summary>
        public string Type { get; }

        /// <summary>Whether <c>null</c> is a value of the type (<c>types.nullOr</c>).</summary>
        public bool Nullable { get; set; }

        /// <summary>Read-only options are set by the module that declares them; a definition is an error.</summary>
        public bool ReadOnly { get; set; }

        /// <summary>The default as Nix text, or null when the option has none.</summary>
        public string? Default { get; set; }

        /// <summary>The file that declares the option, relative to its source tree.</summary>
        public string? Declared { get; set; }
    }

    /// <summary>The inclusive range of a bounded integer option (<c>types.port</c> is 0 to 65535).</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
    public sealed class NixRangeAttribute : Attribute
    {
        /// <summary>Bounds the option to <paramref name="min"/> … <paramref name="max"/>, both included.</summary>
        public NixRangeAttribute(long min, long max)
        {
            Min = min;
            Max = max;
        }

        /// <summary>The smallest value allowed.</summary>
        public long Min { get; }

        /// <summary>The largest value allowed.</summary>
        public long Max { get; }
    }

    /// <summary>
    /// An option-tree node whose attribute set takes names beyond its declared options (a freeform
    /// submodule: sshd_config directives, gitconfig sections). Define those with <c>Set("Name", value)</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class NixFreeformAttribute : Attribute
    {
        /// <summary>Marks the node freeform, its free part of Nix type <paramref name="type"/>.</summary>
        public NixFreeformAttribute(string type) => Type = type;

        /// <summary>The Nix type of the free part.</summary>
        public string Type { get; }
    }

    /// <summary>An option that upstream renamed: <c>Set</c> on <see cref="From"/> is reported with <see cref="To"/> and a fix.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class NixRenamedAttribute : Attribute
    {
        /// <summary>Records that upstream renamed <paramref name="from"/> to <paramref name="to"/>.</summary>
        public NixRenamedAttribute(string from, string to)
        {
            From = from;
            To = to;
        }

        /// <summary>The old option path.</summary>
        public string From { get; }

        /// <summary>The option path to use instead.</summary>
        public string To { get; }
    }

    /// <summary>An option that upstream removed: <c>Set</c> on it is an error.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class NixRemovedAttribute : Attribute
    {
        /// <summary>Records that upstream removed the option at <paramref name="path"/>.</summary>
        public NixRemovedAttribute(string path) => Path = path;

        /// <summary>The removed option path.</summary>
        public string Path { get; }
    }
}
