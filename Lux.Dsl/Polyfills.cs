// netstandard2.0 lacks the types C# needs for records, init accessors and
// collection expressions on our own collection types; the compiler matches them by name.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = false)]
    internal sealed class CollectionBuilderAttribute : Attribute
    {
        public CollectionBuilderAttribute(Type builderType, string methodName)
        {
            BuilderType = builderType;
            MethodName = methodName;
        }

        public Type BuilderType { get; }
        public string MethodName { get; }
    }
}

namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>An option node that takes an explicit <c>null</c> (<c>types.nullOr</c>) yet reads as a node.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
    internal sealed class AllowNullAttribute : Attribute { }
}
