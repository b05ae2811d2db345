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

        /// <summary>Written as a Nix boolean.</summary>
        public static implicit operator NixValue(bool value) => new();
        /// <summary>Written as a Nix integer.</summary>
        public static implicit operator NixValue(long value) => new();
        /// <summary>Written as a Nix float.</summary>
        public static implicit operator NixValue(double value) => new();
        /// <summary>Written as a Nix string (<c>null</c> for <c>null</c>).</summary>
        public static implicit operator NixValue(string? value) => new();
        /// <summary>Written as a raw Nix expression, as written.</summary>
        public static implicit operator NixValue(NixExpr value) => new();
        /// <summary>Written as a Nix path.</summary>
        public static implicit operator NixValue(NixPath value) => new();
        /// <summary>Written as a package.</summary>
        public static implicit operator NixValue(Package value) => new();
        /// <summary>Written as a Nix list.</summary>
        public static implicit operator NixValue(NixValue[] value) => new();
    }

    /// <summary>
    /// A Nix path option (<c>types.path</c>): an absolute path as a string (<c>"/var/lib/sops-nix/key.txt"</c>)
    /// or a path expression (<c>Nix.Raw("./secrets.yaml")</c>).
    /// </summary>
    public sealed class NixPath
    {
        private NixPath() { }

        /// <summary>An absolute path, written as a Nix string.</summary>
        public static implicit operator NixPath(string? path) => new();
        /// <summary>A path expression (<c>./secrets.yaml</c>), written as it is.</summary>
        public static implicit operator NixPath(NixExpr path) => new();
    }

    /// <summary>
    /// A package (<c>types.package</c>): <c>Pkgs.Of("git")</c> for <c>pkgs.git</c>, or any Nix
    /// expression that evaluates to a derivation (<c>Nix.Raw("inputs.niri.packages.x86_64-linux.niri")</c>).
    /// </summary>
    public sealed class Package
    {
        private Package() { }

        /// <summary>Any Nix expression that evaluates to a derivation, written as it is.</summary>
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

        /// <summary>A value of the first type.</summary>
        public static implicit operator OneOf<T1, T2>(T1 value) => new();
        /// <summary>A value of the second type.</summary>
        public static implicit operator OneOf<T1, T2>(T2 value) => new();

        /// <summary>A raw Nix expression of either type.</summary>
        public static implicit operator OneOf<T1, T2>(NixExpr expression) => new();
    }

    /// <summary>A value of one of three types (<c>types.oneOf</c>).</summary>
    public sealed class OneOf<T1, T2, T3>
    {
        private OneOf() { }

        /// <summary>A value of the first type.</summary>
        public static implicit operator OneOf<T1, T2, T3>(T1 value) => new();
        /// <summary>A value of the second type.</summary>
        public static implicit operator OneOf<T1, T2, T3>(T2 value) => new();
        /// <summary>A value of the third type.</summary>
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

        /// <summary>The value named <paramref name="name"/>, written as one attribute of the set.</summary>
        public T this[string name]
        {
            get => entries[name];
            set => entries[name] = value;
        }
    }
}
