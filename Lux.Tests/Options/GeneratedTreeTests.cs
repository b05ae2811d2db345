using System.Reflection;
using Lux.Cli.Options;

namespace Lux.Tests.Options;

/// <summary>The typed option trees in Lux.Dsl are exactly what the committed schemas give, and reach every option.</summary>
public sealed class GeneratedTreeTests
{
    private static readonly string Schemas = Repository.Path("options", "schemas");

    [Fact]
    public void The_committed_trees_are_what_lux_options_generate_writes_from_the_schemas()
    {
        var result = OptionsCommand.Generate(Schemas);
        OptionsCommand.Compare(result, Repository.Root, Repository.Path("Lux.Dsl", "Options", "Generated"))
            .Should().BeEmpty("run `dotnet run --project Lux.Cli -- options generate` and commit the result");
    }

    [Theory]
    [InlineData("nixos", typeof(NixOS))]
    [InlineData("home-manager", typeof(HomeManager))]
    public void Every_visible_option_of_every_module_set_is_a_typed_member(string tree, Type root)
    {
        var declared = Directory.GetFiles(Schemas, "*.json").Select(OptionSchema.Load).Where(s => s.Tree == tree)
            .SelectMany(s => s.Options).Where(o => o.Loc[0] != OptionTreeWriter.ModuleSystemInternals).Select(o => o.Path).ToHashSet(StringComparer.Ordinal);
        declared.Should().NotBeEmpty();

        var typed = new HashSet<string>(StringComparer.Ordinal);
        Walk(root, "", typed, new HashSet<Type>());

        declared.Except(typed).Should().BeEmpty("every schema option is reachable from " + root.Name);
        typed.Except(declared).Should().BeEmpty("every typed option is declared by a schema");
    }

    [Fact]
    public void Enum_values_are_the_declared_strings_and_members_carry_their_Nix_names()
    {
        var permitRootLogin = typeof(NixOS).Assembly.GetType("Lux.NixOSOptions.PermitRootLogin")!;
        permitRootLogin.Should().NotBeNull();
        permitRootLogin.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetCustomAttribute<NixAttribute>()!.Name)
            .Should().Equal("yes", "without-password", "prohibit-password", "forced-commands-only", "no");

        var systemdBoot = typeof(NixOS).GetProperty("Boot")!.PropertyType.GetProperty("Loader")!.PropertyType.GetProperty("SystemdBoot")!;
        systemdBoot.GetCustomAttribute<NixAttribute>()!.Name.Should().Be("systemd-boot");
    }

    private static void Walk(Type type, string prefix, HashSet<string> into, HashSet<Type> seen)
    {
        if (!seen.Add(type))
            return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<NixAttribute>() is not { } nix)
                continue;
            var path = prefix.Length == 0 ? nix.Name : prefix + "." + nix.Name;
            if (property.GetCustomAttribute<NixOptionAttribute>() is not null)
                into.Add(path);
            WalkValue(property.PropertyType, path, into, seen);
        }
        seen.Remove(type);
    }

    private static void WalkValue(Type type, string path, HashSet<string> into, HashSet<Type> seen)
    {
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(AttrsOf<>) || type.GetGenericTypeDefinition() == typeof(Attrs<>)))
            WalkValue(type.GetGenericArguments()[0], path + ".<name>", into, seen);
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            WalkValue(type.GetGenericArguments()[0], path + ".*", into, seen);
        else if (type.GetCustomAttribute<NixOptionsAttribute>() is not null && typeof(OptionNode).IsAssignableFrom(type))
            Walk(type, path, into, seen);
    }
}
