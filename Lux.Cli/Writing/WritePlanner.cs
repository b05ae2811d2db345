using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Lux.Cli.Diagnostics;
using Lux.Cli.FileSystem;
using Lux.Cli.Ownership;
using Lux.Cli.Paths;
using Lux.Cli.Transport;

namespace Lux.Cli.Writing
{
    /// <summary>
    /// Compares what was generated with what is in nix-out and decides what to write and delete. It checks every
    /// target before anything changes (links, files Lux does not own, read-only marks) and reports all problems at
    /// once, so a refused write leaves nix-out as it was.
    /// </summary>
    internal sealed class WritePlanner
    {
        private readonly string _outputDirectory;
        private readonly IReadOnlySet<string> _previousRecord;
        private readonly HashSet<string> _deletions = new(StringComparer.Ordinal);
        private readonly List<PlannedWrite> _writes = new();
        private readonly List<WriterDiagnostic> _problems = new();
        private readonly HashSet<string> _checkedDirectories = new(StringComparer.Ordinal);
        private int _unchanged;

        private WritePlanner(string outputDirectory, IReadOnlySet<string> previousRecord)
        {
            _outputDirectory = outputDirectory;
            _previousRecord = previousRecord;
        }

        /// <summary>The plan, or a <see cref="WriterException"/> with every reason the write cannot go ahead.</summary>
        public static WritePlan Plan(string outputDirectory, IReadOnlyList<GeneratedFile> files, IReadOnlySet<string> previousRecord)
        {
            var planner = new WritePlanner(outputDirectory, previousRecord);
            var produced = files.Select(file => file.Path).ToHashSet(StringComparer.Ordinal);

            // Stale files first: a produced file may need the place of one (a file that became a directory, or back).
            foreach (var stale in previousRecord.Where(path => !produced.Contains(path)).Order(StringComparer.Ordinal))
                planner.PlanDeletion(stale);
            foreach (var file in files)
                planner.PlanFile(file);
            planner.CheckRecordWritable(produced);

            if (planner._problems.Count > 0)
                throw new WriterException(planner._problems);
            return new WritePlan(
                planner._writes,
                planner._deletions.Order(StringComparer.Ordinal).ToArray(),
                planner._unchanged,
                previousRecord,
                produced.Order(StringComparer.Ordinal).ToArray());
        }

        private void PlanDeletion(string path)
        {
            foreach (var ancestor in NixOutPath.Ancestors(path))
            {
                var kind = Probe(ancestor).Kind;
                if (kind == EntryKind.Link)
                {
                    LinkProblem(ancestor, $"Lux would delete '{path}' through it");
                    return;
                }
                if (kind != EntryKind.Directory)
                    return; // Then the file is gone already.
            }

            var fullPath = FullPath(path);
            var target = PathProbe.Of(fullPath);
            switch (target.Kind)
            {
                case EntryKind.Link:
                    LinkProblem(path, "Lux wrote a file here and would delete it, but it has been replaced by a link");
                    return;
                case EntryKind.File:
                    if (target.IsReadOnly)
                    {
                        AddProblem(WriterErrorCodes.NotWritable, fullPath,
                            $"'{path}' is read-only; Lux no longer produces it and would delete it. Make it writable, or delete it yourself.");
                        return;
                    }
                    RequireWritableDirectory(Path.GetDirectoryName(fullPath)!, $"Lux would delete '{path}' in it");
                    _deletions.Add(path);
                    return;
                default:
                    // Missing, or a directory the user put in its place: nothing of Lux's to delete.
                    return;
            }
        }

        private void PlanFile(GeneratedFile file)
        {
            var path = file.Path;
            var nearestDirectory = _outputDirectory;
            foreach (var ancestor in NixOutPath.Ancestors(path))
            {
                var probe = Probe(ancestor);
                if (probe.Kind == EntryKind.Directory)
                {
                    nearestDirectory = FullPath(ancestor);
                    continue;
                }
                if (probe.Kind == EntryKind.Link)
                {
                    LinkProblem(ancestor, $"Lux would write '{path}' through it");
                    return;
                }
                if (probe.Kind == EntryKind.File && !_deletions.Contains(ancestor))
                {
                    AddProblem(WriterErrorCodes.NotOwnedByLux, FullPath(ancestor),
                        $"the file '{ancestor}' is in the way of '{path}', and Lux did not write it (it is not in {NixOutLayout.RecordFileName}). Move it away.");
                    return;
                }
                // Missing, or a stale file of Lux's that goes first: everything below it gets created.
                PlanCreation(file, nearestDirectory);
                return;
            }

            var fullPath = FullPath(path);
            var target = PathProbe.Of(fullPath);
            switch (target.Kind)
            {
                case EntryKind.Missing:
                    PlanCreation(file, nearestDirectory);
                    return;
                case EntryKind.Link:
                    LinkProblem(path, "Lux would write through it");
                    return;
                case EntryKind.Directory:
                    if (HoldsOnlyDeletions(fullPath, path))
                    {
                        PlanCreation(file, nearestDirectory);
                        return;
                    }
                    AddProblem(WriterErrorCodes.NotOwnedByLux, fullPath,
                        $"a directory is in the way of '{path}', and it holds files Lux did not write. Move it away.");
                    return;
            }

            if (AtomicFile.HasContent(fullPath, file.Content))
            {
                // Not touched, so its timestamp stays. A file Lux did not record but that already holds exactly
                // what Lux would write (a restored checkout that lost .lux-manifest) is adopted: nothing is lost.
                _unchanged++;
                return;
            }
            if (!_previousRecord.Contains(path))
            {
                AddProblem(WriterErrorCodes.NotOwnedByLux, fullPath,
                    $"'{path}' exists and Lux did not write it (it is not in {NixOutLayout.RecordFileName}); Lux will not overwrite it. " +
                    "Move it away, or delete it so Lux can write it.");
                return;
            }
            if (target.IsReadOnly)
            {
                AddProblem(WriterErrorCodes.NotWritable, fullPath, $"'{path}' is read-only; Lux must replace it. Make it writable.");
                return;
            }
            RequireWritableDirectory(Path.GetDirectoryName(fullPath)!, $"Lux replaces '{path}' through a temporary file in it");
            _writes.Add(new PlannedWrite(path, fullPath, file.Content));
        }

        private void PlanCreation(GeneratedFile file, string nearestDirectory)
        {
            RequireWritableDirectory(nearestDirectory, $"Lux would create '{file.Path}' in it");
            _writes.Add(new PlannedWrite(file.Path, FullPath(file.Path), file.Content));
        }

        /// <summary>The record changes whenever the produced set does: its file and nix-out itself must be writable.</summary>
        private void CheckRecordWritable(IReadOnlySet<string> produced)
        {
            var recordPath = OwnershipRecord.FullPath(_outputDirectory);
            if (AtomicFile.HasContent(recordPath, OwnershipRecord.Format(produced)))
                return;
            if (PathProbe.Of(recordPath).IsReadOnly)
            {
                AddProblem(WriterErrorCodes.NotWritable, recordPath,
                    $"{NixOutLayout.RecordFileName} is read-only; Lux must update its record of the files it wrote. Make it writable.");
            }
            RequireWritableDirectory(_outputDirectory, $"Lux must update {NixOutLayout.RecordFileName} in it");
        }

        /// <summary>True when every file under the directory is a stale file of Lux's that gets deleted first.</summary>
        private bool HoldsOnlyDeletions(string directoryFullPath, string directoryPath)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(directoryFullPath))
            {
                var path = directoryPath + "/" + Path.GetFileName(entry);
                var kind = PathProbe.Of(entry).Kind;
                var goesFirst = kind switch
                {
                    EntryKind.File => _deletions.Contains(path),
                    EntryKind.Directory => HoldsOnlyDeletions(entry, path),
                    _ => kind == EntryKind.Missing,
                };
                if (!goesFirst)
                    return false;
            }
            return true;
        }

        private void RequireWritableDirectory(string directoryFullPath, string why)
        {
            if (!_checkedDirectories.Add(directoryFullPath))
                return;
            if (PathProbe.Of(directoryFullPath).IsReadOnly)
                AddProblem(WriterErrorCodes.NotWritable, directoryFullPath, $"the directory is read-only, but {why}. Make it writable.");
        }

        private void LinkProblem(string path, string why) =>
            AddProblem(WriterErrorCodes.SymbolicLink, FullPath(path),
                $"'{path}' is a symbolic link or another reparse point, and {why}. Lux only writes real files and directories under nix-out.");

        private void AddProblem(string code, string file, string message) => _problems.Add(new WriterDiagnostic(code, file, message));

        private PathProbe Probe(string path) => PathProbe.Of(FullPath(path));

        private string FullPath(string path) => NixOutPath.ToFullPath(_outputDirectory, path);
    }
}
