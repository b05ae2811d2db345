namespace Lux.Cli.Diagnostics
{
    /// <summary>An error of the writer, printed in the canonical form MSBuild's Exec turns into a build error.</summary>
    /// <param name="Code">One of <see cref="WriterErrorCodes"/>.</param>
    /// <param name="File">The absolute path the error is about, or null when it is about no one file.</param>
    /// <param name="Message">What is wrong and, where it helps, what to do.</param>
    public sealed record WriterDiagnostic(string Code, string? File, string Message)
    {
        /// <summary><c>file: error LUX0905: message</c>, or <c>lux: error LUX0907: message</c> without a file.</summary>
        public string ToCanonicalLine() => $"{File ?? "lux"}: error {Code}: {Message}";

        public override string ToString() => ToCanonicalLine();
    }
}
