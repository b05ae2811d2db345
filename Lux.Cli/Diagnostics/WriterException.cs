using System;
using System.Collections.Generic;
using System.Linq;

namespace Lux.Cli.Diagnostics
{
    /// <summary>Stops a write. Checks collect every problem they find, so one run reports them all.</summary>
    internal sealed class WriterException : Exception
    {
        public WriterException(WriterDiagnostic diagnostic)
            : this(new[] { diagnostic })
        {
        }

        public WriterException(IEnumerable<WriterDiagnostic> diagnostics)
            : this(diagnostics.ToArray())
        {
        }

        private WriterException(WriterDiagnostic[] diagnostics)
            : base(diagnostics.Length == 0 ? "lux write failed." : diagnostics[0].ToCanonicalLine())
        {
            Diagnostics = diagnostics;
        }

        public IReadOnlyList<WriterDiagnostic> Diagnostics { get; }
    }
}
