using System.Collections.Generic;
using System.Linq;

namespace Lux.Cli.Writing
{
    /// <summary>A file whose bytes on disk must change.</summary>
    internal sealed record PlannedWrite(string Path, string FullPath, byte[] Content);

    /// <summary>Everything one write will change, decided and checked before the first change.</summary>
    internal sealed class WritePlan
    {
        public WritePlan(
            IReadOnlyList<PlannedWrite> writes,
            IReadOnlyList<string> deletions,
            int unchanged,
            IReadOnlySet<string> previousRecord,
            IReadOnlyList<string> producedPaths)
        {
            Writes = writes;
            Deletions = deletions;
            Unchanged = unchanged;
            PreviousRecord = previousRecord;
            ProducedPaths = producedPaths;
        }

        public IReadOnlyList<PlannedWrite> Writes { get; }

        /// <summary>The nix-out paths of files Lux wrote before, no longer produces, and that are still there.</summary>
        public IReadOnlyList<string> Deletions { get; }

        public int Unchanged { get; }

        /// <summary>The paths .lux-manifest listed when this write began.</summary>
        public IReadOnlySet<string> PreviousRecord { get; }

        /// <summary>The paths this write produces: the next .lux-manifest.</summary>
        public IReadOnlyList<string> ProducedPaths { get; }

        /// <summary>True when a write creates a file the previous record does not list.</summary>
        public bool ClaimsNewFiles => Writes.Any(write => !PreviousRecord.Contains(write.Path));
    }
}
