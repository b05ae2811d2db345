using System.Collections.Generic;

namespace Lux.Generators.Diagnostics
{
    /// <summary>
    /// The contract between the checks, which know what would fix a diagnostic, and the code fixes in
    /// Lux.CodeFixes, which apply it. A diagnostic offers fixes as properties: <c>LuxFix1</c> names the kind,
    /// <c>LuxFixArgument1</c> its argument (then <c>LuxFix2</c>, ...). This file is compiled into both
    /// assemblies, so the fixes need no reference to the generator.
    /// </summary>
    internal static class LuxFixes
    {
        /// <summary>Replace the value of the definition at the diagnostic (inside any Mk.* wrapper) with the argument, a C# expression.</summary>
        public const string ReplaceValue = "ReplaceValue";

        /// <summary>Add the argument, a statement on <c>os</c>, to the host as a [PerHost] exception (method <see cref="HostExceptionMethod"/>).</summary>
        public const string AddHostStatement = "AddHostStatement";

        /// <summary>Add the user created at the diagnostic (<c>new Ergon()</c>) to the enclosing host's <c>Users</c>.</summary>
        public const string AddUserToHost = "AddUserToHost";

        /// <summary>Replace the string literal at the diagnostic (a Set path) with the argument, a string.</summary>
        public const string ReplaceString = "ReplaceString";

        /// <summary>Property: the full name of the host record a fix edits (it may be declared in another file than the diagnostic).</summary>
        public const string HostTypeKey = "LuxHostType";

        /// <summary>The [PerHost] method a host's policy exceptions go into.</summary>
        public const string HostExceptionMethod = "SshRecoveryPolicy";

        /// <summary>
        /// The name a statement argument gives the gate's NixOS parameter (<c>os.Services...</c>), as Lux's docs do; the fix
        /// writes the statement on the parameter the method has.
        /// </summary>
        public const string NixOSParameter = "os";

        /// <summary>The diagnostics that may carry fixes.</summary>
        public static readonly string[] FixableIds = { "LUX1001", "LUX1002", "LUX1003", "LUX1005", "LUX1008", "LUX2002", "LUX3006" };

        public static string KindKey(int index) => "LuxFix" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public static string ArgumentKey(int index) => "LuxFixArgument" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The fixes a diagnostic's properties offer, in order.</summary>
        public static IEnumerable<(string Kind, string Argument)> Read(IReadOnlyDictionary<string, string?> properties)
        {
            for (var i = 1; properties.TryGetValue(KindKey(i), out var kind) && kind is not null; i++)
                yield return (kind, properties.TryGetValue(ArgumentKey(i), out var argument) ? argument ?? "" : "");
        }
    }
}
