using System.Collections.Generic;

namespace Lux
{
    /// <summary>
    /// An attribute set of options keyed by name (<c>users.users.&lt;name&gt;</c>, <c>programs.niri.settings.outputs."DP-1"</c>).
    /// </summary>
    [NixOptions]
    public sealed class AttrsOf<T> where T : new()
    {
        private readonly Dictionary<string, T> entries = new();

        /// <summary>The entry named <paramref name="name"/> (<c>os.Users.Users["kiri"]</c>); reading it starts its definition.</summary>
        public T this[string name]
        {
            get => entries.TryGetValue(name, out var entry) ? entry : entries[name] = new T();
            set => entries[name] = value;
        }
    }

    /// <summary>
    /// A node of an option tree. <see cref="Set"/> defines any option path below it that the typed tree
    /// does not reach: <c>os.Set("boot.loader.systemd-boot.enable", true)</c>, <c>os.Set("programs.niri.package", Nix.Raw("pkgs.niri"))</c>.
    /// </summary>
    public abstract class OptionNode
    {
        /// <summary>Defines the option at <paramref name="path"/> (dot-separated, relative to this node) to <paramref name="value"/>.</summary>
        public void Set(string path, object? value) { }

        /// <summary>
        /// Defines an option Lux has no schema for (a module of your own flake inputs), unchecked:
        /// the path and value are written to Nix as they are. Prefer <see cref="Set"/>, which checks both.
        /// </summary>
        public void SetUnchecked(string path, object? value) { }

        /// <summary>
        /// The options of a module of your own, declared in C# as a <c>[NixOptions]</c> class whose members carry
        /// <c>[Nix]</c> and <c>[NixOption]</c> as the generated trees do, at <paramref name="path"/> below this node:
        /// <c>os.Module&lt;MyAppOptions&gt;("services.my-app").Port = 8080;</c>. Lux checks them like upstream options.
        /// </summary>
        public T Module<T>(string path) where T : OptionNode, new() => new();
    }
}
