namespace Lux.Cli.Diagnostics
{
    /// <summary>The codes of the errors <c>lux write</c> reports. The generator owns the other LUX codes.</summary>
    public static class WriterErrorCodes
    {
        /// <summary>The writer was invoked wrongly: a bad command line, or the build could not find lux.dll.</summary>
        public const string InvalidInvocation = "LUX0900";

        /// <summary>The generator's manifest is missing, unreadable or malformed.</summary>
        public const string ManifestUnavailable = "LUX0901";

        /// <summary>A file the manifest lists is missing, undecodable, or not valid Unicode.</summary>
        public const string GeneratedFileUnavailable = "LUX0902";

        /// <summary>A nix-out path breaks the path rules (absolute, '..', empty segment, backslash, reserved, clashing).</summary>
        public const string InvalidPath = "LUX0903";

        /// <summary>nix-out, or a path under it, is a symbolic link or another reparse point.</summary>
        public const string SymbolicLink = "LUX0904";

        /// <summary>Writing would replace a file or directory that Lux did not write.</summary>
        public const string NotOwnedByLux = "LUX0905";

        /// <summary>A file or directory that must change is read-only or access is denied.</summary>
        public const string NotWritable = "LUX0906";

        /// <summary>Another writer held the nix-out lock for too long.</summary>
        public const string LockTimeout = "LUX0907";

        /// <summary>nix-out/.lux-manifest, the record of the files Lux wrote, is unreadable or holds an invalid path.</summary>
        public const string OwnershipRecordInvalid = "LUX0908";

        /// <summary>An unexpected I/O failure while changing nix-out.</summary>
        public const string IoFailure = "LUX0909";
    }
}
