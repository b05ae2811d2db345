using System.Collections.Generic;

namespace Lux
{
    /// <summary>One user's home-manager configuration on one host (<c>home-manager.users.&lt;name&gt;</c>).</summary>
    [NixOptions]
    public sealed class HomeManager : OptionNode
    {
        public HomeOptions Home { get; set; } = new();
        public HomeProgramsOptions Programs { get; set; } = new();
        public GtkOptions Gtk { get; set; } = new();
        public XdgOptions Xdg { get; set; } = new();
        public HomeSopsOptions Sops { get; set; } = new();
    }

    /// <summary><c>home</c>.</summary>
    [NixOptions]
    public sealed class HomeOptions : OptionNode
    {
        public string? StateVersion { get; set; }
        public IReadOnlyList<NixExpr>? Packages { get; set; }
    }

    [NixOptions]
    public sealed class HomeProgramsOptions : OptionNode
    {
        public GitOptions Git { get; set; } = new();
        public HomeNiriOptions Niri { get; set; } = new();
    }

    /// <summary><c>programs.git</c>.</summary>
    [NixOptions]
    public sealed class GitOptions : OptionNode
    {
        public bool? Enable { get; set; }
        public GitSettings Settings { get; set; } = new();
        public GitSigningOptions Signing { get; set; } = new();
    }

    /// <summary><c>programs.git.settings</c> (gitconfig).</summary>
    [NixOptions]
    public sealed class GitSettings : OptionNode
    {
        public GitUserSettings User { get; set; } = new();
    }

    [NixOptions]
    public sealed class GitUserSettings : OptionNode
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
    }

    /// <summary><c>programs.git.signing</c>.</summary>
    [NixOptions]
    public sealed class GitSigningOptions : OptionNode
    {
        /// <summary>"openpgp", "ssh" or "x509". Set it explicitly: leaving it at the default warns.</summary>
        public string? Format { get; set; }
        public string? Key { get; set; }
        public bool? SignByDefault { get; set; }
    }

    /// <summary><c>programs.niri</c> (niri-flake's home-manager settings).</summary>
    [NixOptions]
    public sealed class HomeNiriOptions : OptionNode
    {
        public NiriSettings Settings { get; set; } = new();
    }

    [NixOptions]
    public sealed class NiriSettings : OptionNode
    {
        public AttrsOf<NiriOutput> Outputs { get; set; } = new();
    }

    /// <summary><c>programs.niri.settings.outputs.&lt;name&gt;</c>.</summary>
    [NixOptions]
    public sealed class NiriOutput : OptionNode
    {
        public bool? Enable { get; set; }
        public double? Scale { get; set; }
        public NiriPosition? Position { get; set; }
        public NiriMode? Mode { get; set; }
        public NiriTransform? Transform { get; set; }
        [Nix("variable-refresh-rate")] public bool? VariableRefreshRate { get; set; }
        [Nix("focus-at-startup")] public bool? FocusAtStartup { get; set; }
    }

    [NixOptions]
    public sealed class NiriPosition : OptionNode
    {
        public int X { get; set; }
        public int Y { get; set; }
    }

    [NixOptions]
    public sealed class NiriMode : OptionNode
    {
        public int Width { get; set; }
        public int Height { get; set; }
        /// <summary>Hz, a float in Nix.</summary>
        public double? Refresh { get; set; }
    }

    [NixOptions]
    public sealed class NiriTransform : OptionNode
    {
        /// <summary>0, 90, 180 or 270.</summary>
        public int? Rotation { get; set; }
        public bool? Flipped { get; set; }
    }

    /// <summary><c>gtk</c>.</summary>
    [NixOptions]
    public sealed class GtkOptions : OptionNode
    {
        public bool? Enable { get; set; }
        public Gtk4Options Gtk4 { get; set; } = new();
    }

    [NixOptions]
    public sealed class Gtk4Options : OptionNode
    {
        /// <summary>Set explicitly (often to <c>null</c>) to silence home-manager's 26.05 default-change warning.</summary>
        public NixExpr? Theme { get; set; }
    }

    /// <summary><c>xdg</c>.</summary>
    [NixOptions]
    public sealed class XdgOptions : OptionNode
    {
        public bool? Enable { get; set; }
        public XdgUserDirsOptions UserDirs { get; set; } = new();
    }

    [NixOptions]
    public sealed class XdgUserDirsOptions : OptionNode
    {
        public bool? Enable { get; set; }
        public bool? CreateDirectories { get; set; }
        /// <summary>Set explicitly to silence home-manager's 26.05 default-change warning.</summary>
        public bool? SetSessionVariables { get; set; }
    }

    /// <summary><c>sops</c> (sops-nix's home-manager module).</summary>
    [NixOptions]
    public sealed class HomeSopsOptions : OptionNode
    {
        public NixExpr? DefaultSopsFile { get; set; }
        public SopsAgeOptions Age { get; set; } = new();
        public AttrsOf<HomeSopsSecretOptions> Secrets { get; set; } = new();
    }

    [NixOptions]
    public sealed class HomeSopsSecretOptions : OptionNode
    {
        public string? Path { get; set; }
        public NixExpr? SopsFile { get; set; }
        public string? Key { get; set; }
        public string? Mode { get; set; }
    }
}
