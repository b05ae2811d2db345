// netstandard2.0 lacks the type C# needs for records' init accessors; the compiler matches it by name.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }
}
