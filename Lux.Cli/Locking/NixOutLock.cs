using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Lux.Cli.Diagnostics;
using Lux.Cli.FileSystem;
using Lux.Cli.Paths;

namespace Lux.Cli.Locking
{
    /// <summary>
    /// Makes writers of one nix-out take turns: parallel builds and two terminals must not interleave their files.
    /// The lock is an open FileStream on nix-out/.lux-lock with FileShare.None (flock on Unix), so it dies with the
    /// process that holds it and never needs cleaning up.
    /// </summary>
    internal sealed class NixOutLock : IDisposable
    {
        private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(50);

        private readonly FileStream _stream;

        private NixOutLock(FileStream stream) => _stream = stream;

        public static NixOutLock Acquire(string outputDirectory, TimeSpan timeout)
        {
            var lockPath = Path.Join(outputDirectory, NixOutLayout.LockFileName);
            var kind = PathProbe.Of(lockPath).Kind;
            if (kind is EntryKind.Link or EntryKind.Directory)
            {
                throw new WriterException(new WriterDiagnostic(
                    kind == EntryKind.Link ? WriterErrorCodes.SymbolicLink : WriterErrorCodes.NotOwnedByLux, lockPath,
                    $"Lux's lock file is a {(kind == EntryKind.Link ? "symbolic link" : "directory")}; remove it, Lux recreates it."));
            }

            var waited = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    return new NixOutLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1));
                }
                catch (UnauthorizedAccessException e)
                {
                    throw new WriterException(new WriterDiagnostic(WriterErrorCodes.NotWritable, lockPath, $"Lux's lock file could not be opened: {e.Message}"));
                }
                catch (IOException e)
                {
                    // Held by another writer. Any other I/O failure also ends here, after the wait, with its message.
                    if (waited.Elapsed >= timeout)
                    {
                        throw new WriterException(new WriterDiagnostic(WriterErrorCodes.LockTimeout, lockPath,
                            $"another Lux writer held nix-out for {timeout.TotalSeconds:0.#} s; nothing was written. ({e.Message})"));
                    }
                    Thread.Sleep(RetryInterval);
                }
            }
        }

        public void Dispose() => _stream.Dispose();
    }
}
