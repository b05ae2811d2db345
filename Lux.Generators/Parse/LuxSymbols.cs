using System.Linq;
using Microsoft.CodeAnalysis;

namespace Lux.Generators.Parse
{
    /// <summary>
    /// Recognises Lux.Dsl types by metadata name. The generator never loads Lux.Dsl (that would need it
    /// passed as an analyzer too, CS8784); names are the contract.
    /// </summary>
    internal static class LuxSymbols
    {
        public const string HostAttribute = "Lux.HostAttribute";
        public const string UserAttribute = "Lux.UserAttribute";
        public const string FeatureAttribute = "Lux.FeatureAttribute";
        public const string ProfileAttribute = "Lux.ProfileAttribute";
        public const string SecretsAttribute = "Lux.SecretsAttribute";
        public const string PerHostAttribute = "Lux.PerHostAttribute";
        public const string PerUserAttribute = "Lux.PerUserAttribute";
        private const string NixAttribute = "Lux.NixAttribute";
        private const string NixOptionsAttribute = "Lux.NixOptionsAttribute";

        public static string FullName(ITypeSymbol type) =>
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "");

        public static bool IsLuxType(ITypeSymbol? type, string fullName) =>
            type is not null && FullName(type.OriginalDefinition) == fullName;

        public static bool HasAttribute(ISymbol symbol, string attributeFullName) =>
            symbol.GetAttributes().Any(a => a.AttributeClass is { } c && FullName(c) == attributeFullName);

        public static bool IsOptionNode(ITypeSymbol? type) =>
            type is not null && HasAttribute(type.OriginalDefinition, NixOptionsAttribute);

        public static bool IsAttrsOf(ITypeSymbol? type) => type is not null && FullName(type.OriginalDefinition) is "Lux.AttrsOf<T>" or "Lux.Attrs<T>";

        /// <summary>The Nix name of an option member: <c>[Nix("...")]</c>, or the camelCase of the C# name.</summary>
        public static string NixName(IPropertySymbol property)
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (attribute.AttributeClass is { } c && FullName(c) == NixAttribute &&
                    attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
                    return name;
            }
            var csharp = property.Name;
            return char.ToLowerInvariant(csharp[0]) + csharp.Substring(1);
        }

        /// <summary>Fleet records (hosts, users, features, profiles, the secrets policy) declared in the config.</summary>
        public static bool IsFleetRecord(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && named.IsRecord &&
            (HasAttribute(named, HostAttribute) || HasAttribute(named, UserAttribute) || HasAttribute(named, FeatureAttribute) ||
             HasAttribute(named, ProfileAttribute) || HasAttribute(named, SecretsAttribute));

        /// <summary>Records Lux.Dsl defines as fact values (Display, Sops, SshRecovery, NixFile, AgeRecipient, NixExpr).</summary>
        public static bool IsFactRecord(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && named.IsRecord && named.ContainingNamespace?.ToDisplayString() == "Lux" &&
            named.ContainingAssembly?.Name == "Lux.Dsl";

        /// <summary>Whether the type is one of Lux's base records: Host, User, Feature, Profile, SecretsPolicy, Aspect.</summary>
        public static bool IsLuxBase(ITypeSymbol? type) =>
            type is not null && FullName(type) is "Lux.Host" or "Lux.User" or "Lux.Feature" or "Lux.Profile" or "Lux.SecretsPolicy" or "Lux.Aspect";

        /// <summary>Whether values of the type are lists (for an unset property: an empty list, not null).</summary>
        public static bool IsListType(ITypeSymbol? type)
        {
            if (type is null || type.SpecialType == SpecialType.System_String)
                return false;
            if (type is IArrayTypeSymbol)
                return true;
            var name = FullName(type.OriginalDefinition);
            return name is "Lux.Users" or "Lux.Aspects" or "Lux.Displays" or "Lux.SshKeys" ||
                   type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) ||
                   type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;
        }
    }
}
