using System;
using System.Collections.Generic;

namespace Lux
{
    /// <summary>
    /// A raw Nix expression, emitted as written: <c>Nix.Raw("pkgs.niri")</c>.
    /// Lux does not look inside it; prefer a typed option where one exists.
    /// </summary>
    /// <param name="Text">The Nix expression, written into nix-out unchanged.</param>
    public sealed record NixExpr(string Text);

    /// <summary>Escape hatches into Nix where the typed option tree does not reach.</summary>
    public static class Nix
    {
        /// <summary>A raw Nix expression as a value of any option.</summary>
        public static NixExpr Raw(string text) => new(text);

        /// <summary>A raw Nix expression standing where a typed value is expected: <c>Nix.Raw&lt;bool&gt;("config.services.foo.enable")</c>.</summary>
        public static T Raw<T>(string text) => throw Evaluated(nameof(Raw));

        internal static InvalidOperationException Evaluated(string name) =>
            new($"Lux.{name} is evaluated by the Lux generator at compile time; it has no run-time value.");
    }

    /// <summary>
    /// Module-system priorities, as <c>lib.mkDefault</c>, <c>lib.mkForce</c> and <c>lib.mkOverride</c>:
    /// <c>os.Services.OpenSsh.Settings.PasswordAuthentication = Mk.Force(false);</c>.
    /// The lower the number, the stronger the definition; plain definitions have 100.
    /// </summary>
    public static class Mk
    {
        /// <summary>Priority 1000: a default the rest of the config may override.</summary>
        public static T Default<T>(T value) => value;

        /// <summary>Priority 1000, for a list: <c>Mk.Default(["wheel"])</c>.</summary>
        public static IReadOnlyList<T> Default<T>(IReadOnlyList<T> value) => value;

        /// <summary>Priority 50: overrides every plain definition.</summary>
        public static T Force<T>(T value) => value;

        /// <summary>Priority 50, for a list: replaces every plain definition of it.</summary>
        public static IReadOnlyList<T> Force<T>(IReadOnlyList<T> value) => value;

        /// <summary>An explicit priority.</summary>
        public static T Override<T>(int priority, T value) => value;

        /// <summary>An explicit priority, for a list.</summary>
        public static IReadOnlyList<T> Override<T>(int priority, IReadOnlyList<T> value) => value;
    }
}
