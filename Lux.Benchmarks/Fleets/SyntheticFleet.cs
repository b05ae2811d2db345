using System.Globalization;
using System.Text;

namespace Lux.Benchmarks.Fleets;

/// <summary>
/// Writes a fleet of any size in the DSL a user writes, one record per file as in Lux.Config:
/// features with [PerHost]/[PerUser] gates setting typed options (lists that concatenate, priorities,
/// guard clauses, loops over host facts, a parameterised feature), profiles bundling features and
/// each other, users with their own baselines, and thin hosts with displays, users, includes, a
/// hardware module and one host-specific exception. Deterministic: the same size gives the same text.
/// </summary>
internal static class SyntheticFleet
{
    private const string Namespace = "Fleet";

    public static Fleet Create(string name, int hosts, int usersPerHost, int features, int profiles)
    {
        if (features < 8 || profiles < 4 || usersPerHost < 1)
            throw new ArgumentException("A synthetic fleet needs at least 8 features, 4 profiles and 1 user per host");
        var users = Math.Max(2 * usersPerHost, hosts / 10);
        var project = "/fleet-" + name + "/";
        var sources = new List<SourceFile>
        {
            new(project + "GlobalUsings.cs", "global using System.Collections.Generic;\nglobal using System.Linq;\nglobal using Lux;\nglobal using Lux.NixOSOptions;\nglobal using Lux.HomeManagerOptions;\n"),
            new(project + "Facts/Keys.cs", Keys(users)),
            new(project + "Secrets/FleetSecrets.cs", Secrets()),
        };
        for (var f = 0; f < features; f++)
            sources.Add(new(project + "Features/" + FeatureName(f, features) + ".cs", Feature(f, features)));
        for (var p = 0; p < profiles; p++)
            sources.Add(new(project + "Profiles/" + ProfileName(p) + ".cs", Profile(p, features)));
        for (var u = 0; u < users; u++)
            sources.Add(new(project + "Users/" + UserName(u) + ".cs", User(u, features)));
        var nixFiles = new List<SourceFile>();
        for (var h = 0; h < hosts; h++)
        {
            sources.Add(new(project + "Hosts/" + HostName(h) + ".cs", Host(h, users, usersPerHost, features, profiles)));
            nixFiles.Add(new(project + "Hosts/hardware/" + HostName(h).ToLowerInvariant() + ".nix", Hardware(h)));
        }

        var edited = hosts / 2;
        var edit = new SourceEdit(project + "Hosts/" + HostName(edited) + ".cs", "[" + ExceptionPort(edited) + "]", "[" + (ExceptionPort(edited) + 10000) + "]");
        return new Fleet(name, project, sources, nixFiles, edit, hosts, users, features, profiles);
    }

    private static string HostName(int h) => "Host" + h.ToString("0000", CultureInfo.InvariantCulture);

    private static string UserName(int u) => "User" + u.ToString("000", CultureInfo.InvariantCulture);

    private static string ProfileName(int p) => "Profile" + p.ToString("00", CultureInfo.InvariantCulture);

    private static int ExceptionPort(int h) => 10000 + h;

    /// <summary>What each feature index is: a few named ones the example fleet also has, the rest by kind.</summary>
    private static string FeatureName(int f, int features) => (f, f % 8) switch
    {
        (0, _) => "OpenSsh",
        (3, _) => "Outputs",
        (_, 0) => "Service" + f,
        (_, 1) => "Tools" + f,
        (_, 2) => "Team" + f,
        (_, 3) => "Dirs" + f,
        (_, 4) => "Hardening" + f,
        (_, 5) => "Tool" + f,
        (_, 6) => "AppSecrets" + f,
        _ => "Port" + f,
    };

    private static bool IsParameterised(int f) => f % 8 == 7;

    /// <summary><c>new X()</c>, or <c>new PortN(number)</c> for the parameterised feature.</summary>
    private static string Include(int f, int features, int number) =>
        "new " + FeatureName(f, features) + (IsParameterised(f) ? "(" + number.ToString(CultureInfo.InvariantCulture) + ")" : "()");

    private static string Feature(int f, int features)
    {
        var name = FeatureName(f, features);
        var body = (f, f % 8) switch
        {
            (0, _) => """
                /// <summary>The OpenSSH server for the host's own users; no passwords, no root.</summary>
                [Feature]
                public sealed record OpenSsh : Feature
                {
                    [PerHost]
                    void Server(Host host, NixOS os)
                    {
                        os.Services.OpenSsh.Enable = true;
                        os.Services.OpenSsh.OpenFirewall = true;
                        os.Services.OpenSsh.Settings.PasswordAuthentication = false;
                        os.Services.OpenSsh.Settings.PermitRootLogin = PermitRootLogin.No;
                        os.Services.OpenSsh.Settings.AllowUsers = host.Users.Names;
                    }

                    [PerUser]
                    void AuthorizedKeys(User user, NixOS os) =>
                        os.Users.Users[user.Name].OpenSsh.AuthorizedKeys.Keys = user.AuthorizedSshKeys;
                }
                """,
            (3, _) => """
                /// <summary>niri outputs from the host's displays, the same for every user of the host.</summary>
                [Feature]
                public sealed record Outputs : Feature
                {
                    [PerHost]
                    void Compositor(NixOS os) => os.Programs.Niri.Enable = true;

                    [PerUser]
                    void Layout(Host host, HomeManager home)
                    {
                        foreach (var display in host.Displays)
                        {
                            var output = home.Programs.Niri.Settings.Outputs[display.Name];
                            output.Mode = new() { Width = display.Width, Height = display.Height, Refresh = display.Refresh };
                            output.Position = new() { X = display.X, Y = display.Y };
                            if (display.Scale is not null)
                                output.Scale = display.Scale;
                        }
                    }
                }
                """,
            (_, 0) => $$"""
                /// <summary>svc{{f}}: a network service with its port open.</summary>
                [Feature]
                public sealed record {{name}} : Feature
                {
                    [PerHost]
                    void Server(Host host, NixOS os)
                    {
                        os.SetUnchecked("services.svc{{f}}.enable", true);
                        os.SetUnchecked("services.svc{{f}}.listenAddress", "0.0.0.0");
                        os.SetUnchecked("services.svc{{f}}.instanceName", $"{host.Name}-svc{{f}}");
                        os.Networking.Firewall.AllowedTCPPorts = [{{8000 + f}}];
                    }
                }
                """,
            (_, 1) => $$"""
                /// <summary>Command-line tools, system-wide and in every user's profile.</summary>
                [Feature]
                public sealed record {{name}} : Feature
                {
                    [PerHost]
                    void System(NixOS os) =>
                        os.Environment.SystemPackages = [Nix.Raw("pkgs.tool{{f}}a"), Nix.Raw("pkgs.tool{{f}}b"), Nix.Raw("pkgs.tool{{f}}c")];

                    [PerUser]
                    void Home(HomeManager home) => home.Home.Packages = [Nix.Raw("pkgs.cli{{f}}")];
                }
                """,
            (_, 2) => $$"""
                /// <summary>team{{f}}: a group every user of the host joins.</summary>
                [Feature]
                public sealed record {{name}} : Feature
                {
                    public const string Group = "team{{f}}";

                    [PerHost]
                    void Membership(Host host, NixOS os)
                    {
                        os.Users.Groups[Group].Gid = {{2000 + f}};
                        os.Set("environment.variables.TEAM{{f}}", string.Join(",", host.Users.Names.OrderBy(n => n)));
                    }

                    [PerUser]
                    void Member(User user, NixOS os) => os.Users.Users[user.Name].ExtraGroups = [Group];
                }
                """,
            (_, 3) => $$"""
                /// <summary>State directories for app{{f}}: one for the service, one per user.</summary>
                [Feature]
                public sealed record {{name}} : Feature
                {
                    [PerHost]
                    void Directories(Host host, NixOS os)
                    {
                        os.Systemd.Tmpfiles.Rules = [$"d /var/lib/app{{f}} 0750 root root -"];
                        foreach (var user in host.Users)
                            os.Systemd.Tmpfiles.Rules = [$"d /var/lib/app{{f}}/{user.Name} 0700 {user.Name} users -"];
                    }
                }
                """,
            (_, 4) => $$"""
                /// <summary>Defaults a host may override, and one setting no host may.</summary>
                [Feature]
                public sealed record {{name}} : Feature
                {
                    [PerHost]
                    void Defaults(NixOS os)
                    {
                        os.Services.OpenSsh.Settings.X11Forwarding = Mk.Default(false);
                        os.SetUnchecked("security.policy{{f}}.level", Mk.Default({{f}}));
                        os.SetUnchecked("security.policy{{f}}.enforce", Mk.Force(true));
                    }
                }
                """,
            (_, 5) => $$"""
                /// <summary>tool{{f}}, configured per user.</summary>
                [Feature]
                public sealed record {{name}} : Feature
                {
                    [PerUser]
                    void Config(Host host, User user, HomeManager home)
                    {
                        home.SetUnchecked("programs.tool{{f}}.enable", true);
                        home.SetUnchecked("programs.tool{{f}}.settings.user", user.Name);
                        home.SetUnchecked("programs.tool{{f}}.settings.email", user.Email ?? (user.Name + "@" + host.Name));
                        if (host.Displays.Count > 0)
                            home.SetUnchecked("programs.tool{{f}}.settings.gui", true);
                    }
                }
                """,
            (_, 6) => $$"""
                /// <summary>app{{f}}'s secrets, on hosts that decrypt SOPS; readable by the admin-key users.</summary>
                [Feature]
                public sealed record {{name}} : Feature
                {
                    [PerHost]
                    void System(Host host, NixOS os)
                    {
                        if (host.Sops is null)
                            return;
                        os.Sops.Secrets["app{{f}}"].Owner = "root";
                        os.Sops.Secrets["app{{f}}"].Mode = "0400";
                    }

                    [PerUser]
                    void Home(Host host, User user, HomeManager home)
                    {
                        if (host.Sops is null || !host.Sops.AdminKeyUsers.Contains(user))
                            return;
                        home.Sops.Secrets["app{{f}}"].Path = $"/home/{user.Name}/.config/app{{f}}/secret";
                    }
                }
                """,
            _ => $$"""
                /// <summary>A port opened by whoever includes it: a parameterised feature.</summary>
                [Feature]
                public sealed record {{name}}(int Number) : Feature
                {
                    [PerHost]
                    void Open(NixOS os)
                    {
                        os.Networking.Firewall.AllowedUDPPorts = [Number];
                        os.Systemd.Tmpfiles.Rules = [$"d /run/port{Number} 0755 root root -"];
                    }
                }
                """,
        };
        return "namespace " + Namespace + ";\n\n" + body + "\n";
    }

    private static string Profile(int p, int features)
    {
        var includes = new List<string>();
        for (var k = 0; k < 5; k++)
        {
            var f = (p * 5 + k * 7 + 1) % features;
            var include = Include(f, features, 1000 + p);
            if (f != 0 && f != 3 && !includes.Contains(include))
                includes.Add(include);
        }
        // Profiles bundle each other too: every fourth one builds on an earlier one.
        if (p % 4 == 3)
            includes.Add("new " + ProfileName(p - 3) + "()");
        return $$"""
            namespace {{Namespace}};

            /// <summary>A role some hosts share.</summary>
            [Profile]
            public sealed record {{ProfileName(p)}} : Profile
            {
                public override Aspects Includes => [{{string.Join(", ", includes)}}];
            }

            """;
    }

    private static string User(int u, int features)
    {
        var name = UserName(u);
        var includes = u % 3 == 0 ? $"\n    public override Aspects Includes => [new {FeatureName(5, features)}()];\n" : "";
        return $$"""
            namespace {{Namespace}};

            /// <summary>{{name}}'s account, the same on every host it is on.</summary>
            [User]
            public sealed record {{name}} : User
            {
                public override string Description => "{{name}} (team {{u % 7}})";

                public override string Email => "{{name.ToLowerInvariant()}}@example.org";

                public override SshKeys AuthorizedSshKeys => [Keys.{{name}}];
            {{includes}}
                [PerUser]
                void Account(User user, NixOS os)
                {
                    os.Users.Users[user.Name].IsNormalUser = true;
                    os.Users.Users[user.Name].Description = user.Description;
                    os.Users.Users[user.Name].ExtraGroups = [{{(u % 2 == 0 ? "\"wheel\", \"networkmanager\"" : "\"users\"")}}];
                }
            }

            """;
    }

    private static string Host(int h, int users, int usersPerHost, int features, int profiles)
    {
        var name = HostName(h);
        var step = users / usersPerHost;
        var hostUsers = Enumerable.Range(0, usersPerHost).Select(k => (h + k * step) % users).ToList();
        var userList = string.Join(", ", hostUsers.Select(u => "new " + UserName(u) + "()"));
        var sb = new StringBuilder();
        sb.Append("namespace ").Append(Namespace).Append(";\n\n");
        sb.Append("/// <summary>").Append(name.ToLowerInvariant()).Append(": ").Append((h % 3) switch { 0 => "a server", 1 => "a laptop", _ => "a desktop" }).Append(".</summary>\n");
        sb.Append("[Host]\npublic sealed record ").Append(name).Append(" : Host\n{\n");
        sb.Append("    public override string StateVersion => \"25.11\";\n");
        sb.Append("    public override NixFile Hardware => new(\"Hosts/hardware/").Append(name.ToLowerInvariant()).Append(".nix\");\n\n");
        sb.Append("    public override Users Users => [").Append(userList).Append("];\n");
        switch (h % 3)
        {
            case 1:
                sb.Append("\n    public override Displays Displays => [new Display(\"eDP-1\", 2880, 1800, 120.0) { Scale = 1.75 }];\n");
                break;
            case 2:
                sb.Append("\n    public override Displays Displays =>\n    [\n")
                  .Append("        new Display(\"DP-1\", 2560, 1440, 165.0) { X = 0, Y = 0 },\n")
                  .Append("        new Display(\"HDMI-A-1\", 1920, 1080, 60.0) { X = 2560, Y = 180 },\n    ];\n");
                break;
        }
        if (h % 2 == 0)
        {
            sb.Append("\n    public override Sops Sops => new()\n    {\n");
            if (h % 4 == 0)
                sb.Append("        HostSshKeyPath = \"/etc/ssh/ssh_host_ed25519_key\",\n");
            sb.Append("        AdminKeyPath = \"/var/lib/sops-nix/admin-key.txt\",\n");
            sb.Append("        AdminKeyUsers = [new ").Append(UserName(hostUsers[0])).Append("()],\n    };\n");
        }

        var includes = new List<string> { "new " + ProfileName(h % profiles) + "()" };
        var second = (h * 7 + 3) % profiles;
        if (second != h % profiles)
            includes.Add("new " + ProfileName(second) + "()");
        includes.Add("new OpenSsh()");
        if (h % 3 != 0)
            includes.Add("new Outputs()");
        includes.Add(Include((h * 3 + 1) % features is var f && (f == 0 || f == 3) ? 1 : f, features, 9000 + h % 500));
        includes.Add(Include(7, features, 9500 + h % 500));
        sb.Append("\n    public override Aspects Includes => [").Append(string.Join(", ", includes.Distinct())).Append("];\n");

        sb.Append("\n    // This host's own exception.\n    [PerHost]\n    void Exceptions(NixOS os) => os.Networking.Firewall.AllowedTCPPorts = [")
          .Append(ExceptionPort(h).ToString(CultureInfo.InvariantCulture)).Append("];\n");
        sb.Append("}\n");
        return sb.ToString();
    }

    private static string Keys(int users)
    {
        var sb = new StringBuilder();
        sb.Append("namespace ").Append(Namespace).Append(";\n\n/// <summary>The users' public SSH keys.</summary>\npublic static class Keys\n{\n");
        for (var u = 0; u < users; u++)
            sb.Append("    public const string ").Append(UserName(u)).Append(" = \"").Append(Ed25519PublicKey(u, UserName(u).ToLowerInvariant())).Append("\";\n");
        // The admin age recipient of the example fleet: a real bech32 string.
        sb.Append("\n    public const string AdminAge = \"age1xxxsnsretdyj46p6428v6r92v4r20u3h9gzg8c5p75nzd7flsq8qgqkkfh\";\n}\n");
        return sb.ToString();
    }

    private static string Secrets() => $$"""
        namespace {{Namespace}};

        /// <summary>Who can decrypt the fleet's secrets.</summary>
        [Secrets]
        public sealed record FleetSecrets : SecretsPolicy
        {
            public override IReadOnlyList<AgeRecipient> Recipients => [new AgeRecipient("admin", Keys.AdminAge)];
        }

        """;

    private static string Hardware(int h) => $$"""
        # {{HostName(h).ToLowerInvariant()}}: hardware configuration (hand-written; Lux copies it verbatim).
        { config, lib, modulesPath, ... }:

        {
          imports = [ (modulesPath + "/installer/scan/not-detected.nix") ];

          boot.initrd.availableKernelModules = [ "nvme" "xhci_pci" "usb_storage" "sd_mod" ];
          boot.kernelModules = [ "kvm-{{(h % 2 == 0 ? "amd" : "intel")}}" ];
          boot.loader.systemd-boot.enable = true;
          boot.loader.efi.canTouchEfiVariables = true;

          fileSystems."/" = {
            device = "/dev/disk/by-uuid/{{Guid(h)}}";
            fsType = "ext4";
          };
          fileSystems."/boot" = {
            device = "/dev/disk/by-label/boot";
            fsType = "vfat";
            options = [ "fmask=0077" "dmask=0077" ];
          };
        }

        """;

    private static string Guid(int seed)
    {
        var bytes = Bytes(seed, 16);
        return new Guid(bytes).ToString();
    }

    /// <summary>A well-formed ssh-ed25519 public key: the wire format (name, then 32 key bytes), base64.</summary>
    private static string Ed25519PublicKey(int seed, string comment)
    {
        var blob = new List<byte>();
        void String(byte[] value)
        {
            blob.AddRange(new[] { (byte)(value.Length >> 24), (byte)(value.Length >> 16), (byte)(value.Length >> 8), (byte)value.Length });
            blob.AddRange(value);
        }
        String(Encoding.ASCII.GetBytes("ssh-ed25519"));
        String(Bytes(seed, 32));
        return "ssh-ed25519 " + Convert.ToBase64String(blob.ToArray()) + " " + comment;
    }

    /// <summary>Deterministic bytes (xorshift): the same seed gives the same keys on every run.</summary>
    private static byte[] Bytes(int seed, int count)
    {
        var state = (uint)seed * 2654435761u + 0x9E3779B9u;
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            bytes[i] = (byte)state;
        }
        return bytes;
    }
}
