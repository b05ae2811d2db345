using System;
using System.IO;
using System.Linq;
using Lux.Cli.Diagnostics;
using Lux.Cli.FileSystem;
using Lux.Cli.Locking;
using Lux.Cli.Ownership;
using Lux.Cli.Paths;
using Lux.Cli.Transport;

namespace Lux.Cli.Writing
{
    /// <summary>
    /// <c>lux write</c>: puts the nix-out files of one compilation on disk.
    /// <list type="number">
    /// <item>Decode every generated file and check every path, touching nothing; errors in the config stop here.</item>
    /// <item>Lock nix-out, so concurrent writers take turns.</item>
    /// <item>Plan against the disk and the record of what Lux wrote, refusing links, user files and read-only targets.</item>
    /// <item>Delete stale files, replace changed ones atomically, leave unchanged ones alone, and record the result last.</item>
    /// </list>
    /// </summary>
    public sealed class NixOutWriter
    {
        private readonly NixOutWriterOptions _options;
        private readonly string _outputDirectory;

        public NixOutWriter(NixOutWriterOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            _options = options;
            // Without the trailing separator, a link named nix-out is seen as the link, not as the directory it points at.
            _outputDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.OutputDirectory));
        }

        public WriteResult Write()
        {
            try
            {
                return WriteCore();
            }
            catch (WriterException e)
            {
                return WriteResult.Failure(e.Diagnostics);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var code = e is UnauthorizedAccessException ? WriterErrorCodes.NotWritable : WriterErrorCodes.IoFailure;
                return WriteResult.Failure(new[] { new WriterDiagnostic(code, _outputDirectory, $"writing nix-out failed: {e.Message}") });
            }
        }

        private WriteResult WriteCore()
        {
            var generatedDirectory = Path.GetFullPath(_options.GeneratedDirectory);
            var generated = GeneratedOutputReader.Read(generatedDirectory);
            if (generated.ConfigErrors.Count > 0)
                return WriteResult.BlockedByConfigErrors(_outputDirectory, generated.ConfigErrors);
            if (generated.PolicyErrors.Count > 0 && !_options.AnalyzersRan)
                return WriteResult.BlockedByConfigErrors(_outputDirectory, generated.PolicyErrors);

            var manifestPath = GeneratedOutputReader.ManifestPath(generatedDirectory);
            var pathProblems = ProducedPathRules.Check(generated.Files.Select(file => file.Path), manifestPath);
            if (pathProblems.Count > 0)
                throw new WriterException(pathProblems);

            PrepareOutputDirectory();
            using (NixOutLock.Acquire(_outputDirectory, _options.LockTimeout))
            {
                LockIgnoreRule.EnsureExists(_outputDirectory);
                LeftoverTemporaryFiles.Remove(_outputDirectory);
                var previousRecord = OwnershipRecord.Read(_outputDirectory);
                var (files, pictureNote) = FleetPicture.Add(_outputDirectory, generated.Files, _options.GraphvizDot, previousRecord);
                var plan = WritePlanner.Plan(_outputDirectory, files, previousRecord);
                PlanExecutor.Execute(_outputDirectory, plan);
                return WriteResult.Success(_outputDirectory, plan.Writes.Count, plan.Deletions.Count, plan.Unchanged, generated.PolicyErrors, pictureNote);
            }
        }

        private void PrepareOutputDirectory()
        {
            switch (PathProbe.Of(_outputDirectory).Kind)
            {
                case EntryKind.Link:
                    throw new WriterException(new WriterDiagnostic(WriterErrorCodes.SymbolicLink, _outputDirectory,
                        "nix-out is a symbolic link or another reparse point; Lux only writes into a real directory. Point LuxNixOutDir at the real one."));
                case EntryKind.File:
                    throw new WriterException(new WriterDiagnostic(WriterErrorCodes.NotOwnedByLux, _outputDirectory,
                        "nix-out is a file, not a directory. Move it away."));
                case EntryKind.Missing:
                    Directory.CreateDirectory(_outputDirectory);
                    break;
            }
        }
    }
}
