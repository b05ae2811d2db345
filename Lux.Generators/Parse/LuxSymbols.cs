using System.Linq;
using System.Runtime.CompilerServices;
using Lux.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Lux.Generators.Parse
{
    /// <summary>
    /// Lux.Dsl's types as one compilation knows them: found once, by metadata name in the assembly that declares
    /// <c>[Host]</c>, and compared with <see cref="SymbolEqualityComparer"/>. The generator never loads Lux.Dsl (that would
    /// need it passed as an analyzer too, CS8784): the names below are the contract, and Lux.Tests/Dsl/DslFactsTests
    /// finds each of them, and the members Parse matches by name, in Lux.Dsl.
    /// </summary>
    internal sealed class LuxSymbols
    {
        public const string HostAttributeName = "Lux.HostAttribute";

        /// <summary>A fact record Resolve reads by name from a spec (the secrets policy's recipients).</summary>
        public const string AgeRecipientName = "Lux.AgeRecipient";

        /// <summary>The metadata name of every Lux.Dsl type Parse recognises.</summary>
        public static readonly string[] TypeNames =
        {
            HostAttributeName, "Lux.UserAttribute", "Lux.FeatureAttribute", "Lux.ProfileAttribute", "Lux.SecretsAttribute",
            "Lux.PerHostAttribute", "Lux.PerUserAttribute", "Lux.NixAttribute", "Lux.NixOptionsAttribute", "Lux.NixOptionAttribute",
            "Lux.NixRangeAttribute", "Lux.NixFreeformAttribute", "Lux.NixRenamedAttribute", "Lux.NixRemovedAttribute",
            "Lux.Host", "Lux.User", "Lux.Feature", "Lux.Profile", "Lux.SecretsPolicy", "Lux.NixOS", "Lux.HomeManager",
            "Lux.Mk", "Lux.Nix", "Lux.Pkgs", "Lux.OptionNode", "Lux.NixExpr", "Lux.NixValue", "Lux.AttrsOf`1", "Lux.Attrs`1", AgeRecipientName,
        };

        /// <summary>The members of Lux.Dsl types Parse recognises by name: the Mk, Nix, Pkgs and OptionNode calls.</summary>
        public static readonly (string Type, string Member)[] MemberNames =
        {
            ("Lux.Mk", MkDefault), ("Lux.Mk", MkForce), ("Lux.Mk", MkOverride), ("Lux.Nix", NixRaw), ("Lux.Pkgs", PkgsOf),
            ("Lux.OptionNode", OptionModule), ("Lux.OptionNode", OptionSet), ("Lux.OptionNode", OptionSetUnchecked),
        };

        public const string MkDefault = "Default";
        public const string MkForce = "Force";
        public const string MkOverride = "Override";
        public const string NixRaw = "Raw";
        public const string PkgsOf = "Of";
        public const string OptionModule = "Module";
        public const string OptionSet = "Set";
        public const string OptionSetUnchecked = "SetUnchecked";

        // Weak: an entry goes with its compilation. Each edit makes a new compilation, which asks once.
        private static readonly ConditionalWeakTable<Compilation, LuxSymbols> ByCompilation = new();

        private readonly Compilation compilation;
        private INamedTypeSymbol? enumerable;

        private LuxSymbols(Compilation compilation)
        {
            this.compilation = compilation;
            HostAttribute = compilation.GetTypeByMetadataName(HostAttributeName);
            Dsl = HostAttribute?.ContainingAssembly;
            INamedTypeSymbol? Type(string name) => Dsl?.GetTypeByMetadataName(name);
            UserAttribute = Type("Lux.UserAttribute");
            FeatureAttribute = Type("Lux.FeatureAttribute");
            ProfileAttribute = Type("Lux.ProfileAttribute");
            SecretsAttribute = Type("Lux.SecretsAttribute");
            PerHostAttribute = Type("Lux.PerHostAttribute");
            PerUserAttribute = Type("Lux.PerUserAttribute");
            NixAttribute = Type("Lux.NixAttribute");
            NixOptionsAttribute = Type("Lux.NixOptionsAttribute");
            NixOptionAttribute = Type("Lux.NixOptionAttribute");
            NixRangeAttribute = Type("Lux.NixRangeAttribute");
            NixFreeformAttribute = Type("Lux.NixFreeformAttribute");
            NixRenamedAttribute = Type("Lux.NixRenamedAttribute");
            NixRemovedAttribute = Type("Lux.NixRemovedAttribute");
            Host = Type("Lux.Host");
            User = Type("Lux.User");
            Feature = Type("Lux.Feature");
            Profile = Type("Lux.Profile");
            SecretsPolicy = Type("Lux.SecretsPolicy");
            NixOS = Type("Lux.NixOS");
            HomeManager = Type("Lux.HomeManager");
            Mk = Type("Lux.Mk");
            Nix = Type("Lux.Nix");
            Pkgs = Type("Lux.Pkgs");
            OptionNode = Type("Lux.OptionNode");
            NixExpr = Type("Lux.NixExpr");
            NixValue = Type("Lux.NixValue");
            AttrsOf = Type("Lux.AttrsOf`1");
            Attrs = Type("Lux.Attrs`1");
        }

        public static LuxSymbols For(Compilation compilation) => ByCompilation.GetValue(compilation, c => new LuxSymbols(c));

        /// <summary>Lux.Dsl, as this compilation references it; null when it does not (then nothing is a Lux declaration).</summary>
        public IAssemblySymbol? Dsl { get; }

        public INamedTypeSymbol? HostAttribute { get; }
        public INamedTypeSymbol? UserAttribute { get; }
        public INamedTypeSymbol? FeatureAttribute { get; }
        public INamedTypeSymbol? ProfileAttribute { get; }
        public INamedTypeSymbol? SecretsAttribute { get; }
        public INamedTypeSymbol? PerHostAttribute { get; }
        public INamedTypeSymbol? PerUserAttribute { get; }
        public INamedTypeSymbol? NixAttribute { get; }
        public INamedTypeSymbol? NixOptionsAttribute { get; }
        public INamedTypeSymbol? NixOptionAttribute { get; }
        public INamedTypeSymbol? NixRangeAttribute { get; }
        public INamedTypeSymbol? NixFreeformAttribute { get; }
        public INamedTypeSymbol? NixRenamedAttribute { get; }
        public INamedTypeSymbol? NixRemovedAttribute { get; }
        public INamedTypeSymbol? Host { get; }
        public INamedTypeSymbol? User { get; }
        public INamedTypeSymbol? Feature { get; }
        public INamedTypeSymbol? Profile { get; }
        public INamedTypeSymbol? SecretsPolicy { get; }
        public INamedTypeSymbol? NixOS { get; }
        public INamedTypeSymbol? HomeManager { get; }
        public INamedTypeSymbol? Mk { get; }
        public INamedTypeSymbol? Nix { get; }
        public INamedTypeSymbol? Pkgs { get; }
        public INamedTypeSymbol? OptionNode { get; }
        public INamedTypeSymbol? NixExpr { get; }
        public INamedTypeSymbol? NixValue { get; }
        public INamedTypeSymbol? AttrsOf { get; }
        public INamedTypeSymbol? Attrs { get; }

        /// <summary>System.Linq.Enumerable, looked up the first time a LINQ call is parsed.</summary>
        public INamedTypeSymbol? Enumerable => enumerable ??= compilation.GetTypeByMetadataName("System.Linq.Enumerable");

        /// <summary>Whether <paramref name="symbol"/> is <paramref name="known"/>, a type found above; never when either is missing.</summary>
        public static bool Is(ISymbol? symbol, INamedTypeSymbol? known) =>
            symbol is not null && known is not null && SymbolEqualityComparer.Default.Equals(symbol, known);

        /// <summary>The type's generic definition, for <c>AttrsOf&lt;T&gt;</c>, else the type.</summary>
        public static bool IsDefinition(ITypeSymbol? type, INamedTypeSymbol? known) => type is not null && Is(type.OriginalDefinition, known);

        public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute) =>
            attribute is not null && symbol.GetAttributes().Any(a => Is(a.AttributeClass, attribute));

        public static AttributeData? Attribute(ISymbol symbol, INamedTypeSymbol? attribute) =>
            attribute is null ? null : symbol.GetAttributes().FirstOrDefault(a => Is(a.AttributeClass, attribute));

        /// <summary>The name a declaration's spec records for a type: its full name without <c>global::</c>.</summary>
        public static string FullName(ITypeSymbol type) =>
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "");

        /// <summary>A node of an option tree: a <c>[NixOptions]</c> class (the generated trees, a module of your own).</summary>
        public bool IsOptionNode(ITypeSymbol? type) => type is not null && HasAttribute(type.OriginalDefinition, NixOptionsAttribute);

        /// <summary>An attribute set of options keyed by name (<c>AttrsOf&lt;T&gt;</c>, <c>Attrs&lt;T&gt;</c>).</summary>
        public bool IsAttrsOf(ITypeSymbol? type) => IsDefinition(type, AttrsOf) || IsDefinition(type, Attrs);

        /// <summary>Raw Nix standing as a value, or a value of any Nix type: a free-form value whose names are not checked.</summary>
        public bool IsOpenValue(ITypeSymbol? type) => Is(type, NixValue) || Is(type, NixExpr);

        /// <summary>The Nix name of an option member: <c>[Nix("...")]</c>, or the camelCase of the C# name.</summary>
        public string NixName(IPropertySymbol property) =>
            NixNameOf(property) is { } name ? name : char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);

        /// <summary>The <c>[Nix("...")]</c> name of a member (an option, a generated enum's member), or null.</summary>
        public string? NixNameOf(ISymbol member) =>
            Attribute(member, NixAttribute) is { ConstructorArguments.Length: 1 } nix ? nix.ConstructorArguments[0].Value as string : null;

        /// <summary>The kind of Lux declaration an attribute makes, if it is one of Lux's.</summary>
        public DeclarationKind? KindOf(AttributeData attribute) => attribute.AttributeClass switch
        {
            var c when Is(c, HostAttribute) => DeclarationKind.Host,
            var c when Is(c, UserAttribute) => DeclarationKind.User,
            var c when Is(c, FeatureAttribute) => DeclarationKind.Feature,
            var c when Is(c, ProfileAttribute) => DeclarationKind.Profile,
            var c when Is(c, SecretsAttribute) => DeclarationKind.Secrets,
            _ => null,
        };

        /// <summary>The base record a Lux declaration of <paramref name="kind"/> derives from.</summary>
        public INamedTypeSymbol? BaseOf(DeclarationKind kind) => kind switch
        {
            DeclarationKind.Host => Host,
            DeclarationKind.User => User,
            DeclarationKind.Feature => Feature,
            DeclarationKind.Profile => Profile,
            _ => SecretsPolicy,
        };

        /// <summary>Fleet records (hosts, users, features, profiles, the secrets policy) declared in the config.</summary>
        public bool IsFleetRecord(ITypeSymbol? type) =>
            type is INamedTypeSymbol { IsRecord: true } named && named.GetAttributes().Any(a => KindOf(a) is not null);

        /// <summary>Records Lux.Dsl defines as fact values (Display, Sops, SshRecovery, NixFile, AgeRecipient, NixExpr).</summary>
        public bool IsFactRecord(ITypeSymbol? type) =>
            type is INamedTypeSymbol { IsRecord: true } named && Dsl is not null && SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, Dsl) &&
            named.ContainingNamespace is { Name: "Lux", ContainingNamespace.IsGlobalNamespace: true };

        /// <summary>Whether values of the type are lists (for an unset property: an empty list, not null).</summary>
        public static bool IsListType(ITypeSymbol? type) =>
            type is not null && type.SpecialType != SpecialType.System_String &&
            (type is IArrayTypeSymbol ||
             type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T ||
             type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T));
    }
}
