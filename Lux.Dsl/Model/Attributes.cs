using System;

namespace Lux
{
    /// <summary>A machine of the fleet. The record derives from <see cref="Lux.Host"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class HostAttribute : Attribute { }

    /// <summary>A person with an account on some hosts. The record derives from <see cref="Lux.User"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class UserAttribute : Attribute { }

    /// <summary>The smallest reusable unit of behaviour. The record derives from <see cref="Lux.Feature"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class FeatureAttribute : Attribute { }

    /// <summary>A named bundle of features. The record derives from <see cref="Lux.Profile"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class ProfileAttribute : Attribute { }

    /// <summary>The fleet-wide secrets policy that becomes <c>.sops.yaml</c>. The record derives from <see cref="Lux.SecretsPolicy"/>.</summary>
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
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, Inherited = false)]
    public sealed class NixAttribute : Attribute
    {
        public NixAttribute(string name) => Name = name;

        public string Name { get; }
    }

    /// <summary>Marks a class as a node of the NixOS or home-manager option tree.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class NixOptionsAttribute : Attribute { }
}
