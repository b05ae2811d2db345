using System.Collections.Generic;

namespace Lux
{
    // Value types of the generated option trees. Lux reads the C# that assigns them; none of these
    // is ever constructed at run time, so the conversions only have to type-check.

    /// <summary>
    /// A value of an option whose Nix type is open (<c>anything</c>, <c>attrs</c>, the free part of a
    /// freeform submodule, JSON-like settings formats): a bool, number, string, list or raw Nix expression.
    /// </summary>
    public sealed class NixValue
    {
        private NixValue() { }

        public static implicit operator NixValue(bool value) => new();
        public static implicit operator NixValue(long value) => new();
        public static implicit operator NixValue(double value) => new();
        public static implicit operator NixValue(string? value) => new();
        public static implicit operator NixValue(NixExpr value) => new();
        public static implicit operator NixValue(NixPath value) => new();
        public static implicit operator NixValue(Package value) => new();
        public static implicit operator NixValue(NixValue[] value) => new();
    }

    /// <summary>
    /// A Nix path option (<c>types.path</c>): an absolute path as a string (<c>"/var/lib/sops-nix/key.txt"</c>)
    /// or a path expression (<c>Nix.Raw("./secrets.yaml")</c>).
    /// </summary>
    public sealed class NixPath
    {
        private NixPath() { }

        public static implicit operator NixPath(string? path) => new();
        public static implicit operator NixPath(NixExpr path) => new();
    }

    /// <summary>
    /// A package (<c>types.package</c>): <c>Pkgs.Of("git")</c> for <c>pkgs.git</c>, or any Nix
    /// expression that evaluates to a derivation (<c>Nix.Raw("inputs.niri.packages.x86_64-linux.niri")</c>).
    /// </summary>
    public sealed class Package
    {
        private Package() { }

        public static implicit operator Package(NixExpr expression) => new();
    }

    /// <summary>Packages of the host's <c>pkgs</c>.</summary>
    public static class Pkgs
    {
        /// <summary><c>pkgs.&lt;attribute&gt;</c>, by its attribute path: <c>Pkgs.Of("git")</c>, <c>Pkgs.Of("python3Packages.requests")</c>.</summary>
        public static Package Of(string attributePath) => throw Nix.Evaluated(nameof(Of));
    }

    /// <summary>A value of one of two types (<c>types.either</c>, <c>types.coercedTo</c>): assign either directly.</summary>
    public sealed class OneOf<T1, T2>
    {
        private OneOf() { }

        public static implicit operator OneOf<T1, T2>(T1 value) => new();
        public static implicit operator OneOf<T1, T2>(T2 value) => new();

        /// <summary>A raw Nix expression of either type.</summary>
        public static implicit operator OneOf<T1, T2>(NixExpr expression) => new();
    }

    /// <summary>A value of one of three types (<c>types.oneOf</c>).</summary>
    public sealed class OneOf<T1, T2, T3>
    {
        private OneOf() { }

        public static implicit operator OneOf<T1, T2, T3>(T1 value) => new();
        public static implicit operator OneOf<T1, T2, T3>(T2 value) => new();
        public static implicit operator OneOf<T1, T2, T3>(T3 value) => new();

        /// <summary>A raw Nix expression of any of the types.</summary>
        public static implicit operator OneOf<T1, T2, T3>(NixExpr expression) => new();
    }

    /// <summary>
    /// An attribute set of plain values (<c>types.attrsOf str</c>, …), defined a name at a time:
    /// <c>os.Environment.Variables["EDITOR"] = "nvim";</c>.
    /// </summary>
    [NixOptions]
    public sealed class Attrs<T>
    {
        private readonly Dictionary<string, T> entries = new();

        public T this[string name]
        {
            get => entries[name];
            set => entries[name] = value;
        }
    }
}
