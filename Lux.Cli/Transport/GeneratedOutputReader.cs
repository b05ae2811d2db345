using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Lux.Cli.Diagnostics;
using Lux.Generators.Transport;

namespace Lux.Cli.Transport
{
    /// <summary>
    /// Reads the sources the generator emitted (with EmitCompilerGeneratedFiles) back into nix-out files: the fleet's
    /// source, whose manifest says which hosts and files belong to this compilation (sources of earlier ones may linger),
    /// then the source of each host it lists. Everything is decoded and checked against the manifest before the caller
    /// writes anything, so a bad or truncated source never leaves nix-out half written.
    /// </summary>
    internal static class GeneratedOutputReader
    {
        // Strict both ways: a corrupt source is an error, not a file full of U+FFFD.
        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>Where the fleet's source (with the manifest) is, for messages about the manifest.</summary>
        public static string ManifestPath(string generatedDirectory) => Path.Join(generatedDirectory, GeneratedSourceFormat.FleetHintName);

        public static GeneratedOutput Read(string generatedDirectory)
        {
            var fleetPath = ManifestPath(generatedDirectory);
            if (!File.Exists(fleetPath))
            {
                throw new WriterException(new WriterDiagnostic(WriterErrorCodes.ManifestUnavailable, fleetPath,
                    "the Lux generator's fleet source (with the manifest) was not found. Does the project reference Lux.Generators as an analyzer, " +
                    "and is EmitCompilerGeneratedFiles on (Lux.NixOut.targets sets it)?"));
            }

            var source = ReadSource(fleetPath, WriterErrorCodes.ManifestUnavailable, "the Lux generator's fleet source");
            if (!GeneratedSourceFormat.TryDecode(source, out var fleet, out var problem) || fleet.Subject != GeneratedSourceFormat.FleetSubject)
            {
                throw new WriterException(new WriterDiagnostic(WriterErrorCodes.ManifestUnavailable, fleetPath,
                    "the Lux generator's fleet source is malformed: " + (problem.Length > 0 ? problem : "it is a host's source") + "."));
            }
            if (fleet.Single(GeneratedSourceFormat.ManifestKind) is not { } manifestText || !GeneratedSourceFormat.TryDecodeManifest(manifestText, out var manifest))
            {
                throw new WriterException(new WriterDiagnostic(WriterErrorCodes.ManifestUnavailable, fleetPath,
                    "the Lux generator's manifest is malformed (no lux-manifest 2 header, or a line it does not know)."));
            }

            // Errors in the config mean the files may be incomplete: don't even look at them.
            if (manifest.Errors.Count > 0)
                return new GeneratedOutput(Array.Empty<GeneratedFile>(), manifest.Errors, manifest.PolicyErrors);

            var carried = new Dictionary<string, (string Content, string Source)>(StringComparer.Ordinal);
            var problems = new List<WriterDiagnostic>();
            Collect(fleet, fleetPath, carried, problems);
            foreach (var host in manifest.Hosts)
            {
                try
                {
                    Collect(ReadHost(generatedDirectory, host), Path.Join(generatedDirectory, GeneratedSourceFormat.HostHintNameFor(host)), carried, problems);
                }
                catch (WriterException e)
                {
                    problems.AddRange(e.Diagnostics);
                }
            }

            // A source that did not decode is the whole story: its files' absence below would only repeat it.
            if (problems.Count > 0)
                throw new WriterException(problems);

            // The manifest decides: every file it lists must be carried, and nothing else may be.
            var files = new List<GeneratedFile>(manifest.Paths.Count);
            var listed = new HashSet<string>(manifest.Paths, StringComparer.Ordinal);
            foreach (var path in manifest.Paths)
            {
                if (!carried.TryGetValue(path, out var file))
                {
                    problems.Add(Diagnostic(fleetPath, $"the manifest lists '{path}', but no generated source of this compilation carries it."));
                    continue;
                }
                try
                {
                    files.Add(new GeneratedFile(path, Encode(path, file.Content, file.Source)));
                }
                catch (WriterException e)
                {
                    problems.AddRange(e.Diagnostics);
                }
            }
            foreach (var pair in carried)
            {
                if (!listed.Contains(pair.Key))
                    problems.Add(Diagnostic(pair.Value.Source, $"the generated source carries '{pair.Key}', which the manifest does not list."));
            }
            if (problems.Count > 0)
                throw new WriterException(problems);
            return new GeneratedOutput(files, Array.Empty<string>(), manifest.PolicyErrors);
        }

        private static DecodedSource ReadHost(string generatedDirectory, string host)
        {
            var sourcePath = Path.Join(generatedDirectory, GeneratedSourceFormat.HostHintNameFor(host));
            if (!File.Exists(sourcePath))
                throw Problem(sourcePath, $"the generated source of host '{host}' was not found, though the manifest lists the host.");
            var source = ReadSource(sourcePath, WriterErrorCodes.GeneratedFileUnavailable, $"the generated source of host '{host}'");
            if (!GeneratedSourceFormat.TryDecode(source, out var decoded, out var problem))
                throw Problem(sourcePath, $"the generated source of host '{host}' could not be decoded: {problem}.");
            if (decoded.Subject != GeneratedSourceFormat.HostSubject || !string.Equals(decoded.Name, host, StringComparison.Ordinal))
                throw Problem(sourcePath, $"the generated source carries {(decoded.Subject == GeneratedSourceFormat.HostSubject ? "host '" + decoded.Name + "'" : "the fleet")}, but the manifest lists it as host '{host}'.");
            return decoded;
        }

        private static void Collect(DecodedSource source, string sourcePath, Dictionary<string, (string Content, string Source)> carried, List<WriterDiagnostic> problems)
        {
            foreach (var entry in source.Entries)
            {
                if (entry.Kind != GeneratedSourceFormat.FileKind || entry.Path is null)
                    continue;
                if (carried.TryGetValue(entry.Path, out var earlier))
                    problems.Add(Diagnostic(sourcePath, $"'{entry.Path}' is carried twice, here and in {earlier.Source}."));
                else
                    carried.Add(entry.Path, (entry.Text, sourcePath));
            }
        }

        private static byte[] Encode(string path, string content, string sourcePath)
        {
            try
            {
                return StrictUtf8.GetBytes(content);
            }
            catch (EncoderFallbackException)
            {
                throw Problem(sourcePath, $"the content of '{path}' is not valid Unicode (it has a lone surrogate).");
            }
        }

        private static string ReadSource(string sourcePath, string code, string what)
        {
            try
            {
                // The compiler writes UTF-8 with a BOM; detection also accepts it without one.
                using var reader = new StreamReader(sourcePath, StrictUtf8, detectEncodingFromByteOrderMarks: true);
                return reader.ReadToEnd();
            }
            catch (DecoderFallbackException)
            {
                throw new WriterException(new WriterDiagnostic(code, sourcePath, $"{what} is not valid UTF-8."));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new WriterException(new WriterDiagnostic(code, sourcePath, $"{what} could not be read: {e.Message}"));
            }
        }

        private static WriterException Problem(string file, string message) => new(Diagnostic(file, message));

        private static WriterDiagnostic Diagnostic(string file, string message) => new(WriterErrorCodes.GeneratedFileUnavailable, file, message);
    }
}
