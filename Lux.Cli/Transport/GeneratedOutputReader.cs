using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Lux.Cli.Diagnostics;
using Lux.Generators.Transport;

namespace Lux.Cli.Transport
{
    /// <summary>
    /// Reads the sources the generator emitted (with EmitCompilerGeneratedFiles) back into nix-out files.
    /// Only the manifest says which files belong to this compilation: sources of earlier ones may linger.
    /// Everything is decoded before the caller writes anything, so a bad source never leaves nix-out half written.
    /// </summary>
    internal static class GeneratedOutputReader
    {
        // Strict both ways: a corrupt source is an error, not a file full of U+FFFD.
        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static GeneratedOutput Read(string generatedDirectory)
        {
            var manifestPath = Path.Join(generatedDirectory, GeneratedSourceFormat.ManifestHintName);
            if (!File.Exists(manifestPath))
            {
                throw new WriterException(new WriterDiagnostic(WriterErrorCodes.ManifestUnavailable, manifestPath,
                    "the Lux generator's manifest was not found. Does the project reference Lux.Generators as an analyzer, " +
                    "and is EmitCompilerGeneratedFiles on (Lux.NixOut.targets sets it)?"));
            }

            var manifest = ReadSource(manifestPath, WriterErrorCodes.ManifestUnavailable, "the Lux generator's manifest");
            if (!GeneratedSourceFormat.TryDecodeManifest(manifest, out var entries, out var configErrors, out var policyErrors))
            {
                throw new WriterException(new WriterDiagnostic(WriterErrorCodes.ManifestUnavailable, manifestPath,
                    "the Lux generator's manifest is malformed (no lux-manifest header, or a lux-file line without a hint name)."));
            }

            // Errors in the config mean the files may be incomplete: don't even look at them.
            if (configErrors.Count > 0)
                return new GeneratedOutput(Array.Empty<GeneratedFile>(), configErrors, policyErrors);

            var files = new List<GeneratedFile>(entries.Count);
            var problems = new List<WriterDiagnostic>();
            foreach (var (path, hintName) in entries)
            {
                try
                {
                    files.Add(ReadFile(generatedDirectory, path, hintName));
                }
                catch (WriterException e)
                {
                    problems.AddRange(e.Diagnostics);
                }
            }
            if (problems.Count > 0)
                throw new WriterException(problems);
            return new GeneratedOutput(files, Array.Empty<string>(), policyErrors);
        }

        private static GeneratedFile ReadFile(string generatedDirectory, string path, string hintName)
        {
            // The hint name is derived from the path; checking it also keeps a tampered manifest from naming a file elsewhere.
            var expectedHintName = GeneratedSourceFormat.HintNameFor(path);
            if (!string.Equals(hintName, expectedHintName, StringComparison.Ordinal))
            {
                throw Problem(Path.Join(generatedDirectory, GeneratedSourceFormat.ManifestHintName),
                    $"the manifest lists '{path}' with hint name '{hintName}', expected '{expectedHintName}'.");
            }

            var sourcePath = Path.Join(generatedDirectory, hintName);
            if (!File.Exists(sourcePath))
                throw Problem(sourcePath, $"the generated source of '{path}' was not found, though the manifest lists it.");

            var source = ReadSource(sourcePath, WriterErrorCodes.GeneratedFileUnavailable, $"the generated source of '{path}'");
            if (!GeneratedSourceFormat.TryDecodeFile(source, out var decodedPath, out var content))
                throw Problem(sourcePath, $"the generated source of '{path}' could not be decoded.");
            if (!string.Equals(decodedPath, path, StringComparison.Ordinal))
                throw Problem(sourcePath, $"the generated source carries '{decodedPath}', but the manifest lists it as '{path}'.");

            byte[] bytes;
            try
            {
                bytes = StrictUtf8.GetBytes(content);
            }
            catch (EncoderFallbackException)
            {
                throw Problem(sourcePath, $"the content of '{path}' is not valid Unicode (it has a lone surrogate).");
            }
            return new GeneratedFile(path, bytes);
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

        private static WriterException Problem(string file, string message) =>
            new(new WriterDiagnostic(WriterErrorCodes.GeneratedFileUnavailable, file, message));
    }
}
