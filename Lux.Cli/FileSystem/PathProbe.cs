using System;
using System.IO;

namespace Lux.Cli.FileSystem
{
    internal enum EntryKind
    {
        Missing,
        File,
        Directory,

        /// <summary>A symbolic link, junction or other reparse point, whatever it points at.</summary>
        Link,
    }

    /// <summary>What is at a path, looked at without following links.</summary>
    internal readonly record struct PathProbe(EntryKind Kind, bool IsReadOnly)
    {
        public static PathProbe Of(string fullPath)
        {
            var info = new FileInfo(fullPath);
            var attributes = info.Attributes;
            if ((int)attributes == -1)
                return new PathProbe(EntryKind.Missing, false);
            // Every reparse point counts, not only links: Lux cannot tell where writing through one would land.
            if ((attributes & FileAttributes.ReparsePoint) != 0 || info.LinkTarget is not null)
                return new PathProbe(EntryKind.Link, false);
            var isDirectory = (attributes & FileAttributes.Directory) != 0;
            // On Unix .NET reports ReadOnly from the permission bits, also for root, who could write anyway: Lux
            // respects the mark rather than overriding it. Windows ignores the mark on directories (Explorer sets it
            // on customised folders), so there it only counts on files.
            var readOnly = (attributes & FileAttributes.ReadOnly) != 0 && !(isDirectory && OperatingSystem.IsWindows());
            return new PathProbe(isDirectory ? EntryKind.Directory : EntryKind.File, readOnly);
        }
    }
}
