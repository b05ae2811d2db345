using System;
using System.Collections.Immutable;
using System.Linq;
using Lux.Generators.Emit;
using Lux.Generators.Model;
using Lux.Generators.Parse;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lux.Generators
{
    /// <summary>
    /// Evaluates the fleet at compile time and hands nix-out to MSBuild as generated sources
    /// (see <see cref="GeneratedSourceFormat"/>). Parse runs per record through
    /// ForAttributeWithMetadataName into equatable specs; Resolve, Check and Emit run on the collected
    /// fleet; each nix-out file is its own output, so an edit re-emits only the files it changes.
    /// Diagnostics are reported by <see cref="Diagnostics.LuxAnalyzer"/>; here they only block writing.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class NixGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var hosts = Declarations(context, LuxSymbols.HostAttribute, DeclarationKind.Host);
            var users = Declarations(context, LuxSymbols.UserAttribute, DeclarationKind.User);
            var features = Declarations(context, LuxSymbols.FeatureAttribute, DeclarationKind.Feature);
            var profiles = Declarations(context, LuxSymbols.ProfileAttribute, DeclarationKind.Profile);
            var secrets = Declarations(context, LuxSymbols.SecretsAttribute, DeclarationKind.Secrets);

            var declarations = hosts.Collect().Combine(users.Collect()).Combine(features.Collect()).Combine(profiles.Collect()).Combine(secrets.Collect())
                .Select((all, _) => all.Left.Left.Left.Left.Concat(all.Left.Left.Left.Right).Concat(all.Left.Left.Right).Concat(all.Left.Right).Concat(all.Right)
                    .OrderBy(d => d.TypeName, StringComparer.Ordinal).ToEquatableArray());

            var nixFiles = context.AdditionalTextsProvider
                .Where(file => file.Path.EndsWith(".nix", StringComparison.OrdinalIgnoreCase))
                .Select((file, ct) => new AdditionalNixFile(file.Path.Replace('\\', '/'), file.GetText(ct)?.ToString() ?? ""))
                .Collect()
                .Select((files, _) => files.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray());

            var projectDirectory = context.AnalyzerConfigOptionsProvider
                .Select((options, _) => options.GlobalOptions.TryGetValue("build_property.projectdir", out var dir) ? dir : "");

            var output = declarations.Combine(nixFiles).Combine(projectDirectory)
                .Select((input, ct) => CompileSafely(input.Left.Left, input.Left.Right, input.Right));

            context.RegisterImplementationSourceOutput(output.SelectMany((o, _) => o.Files.AsImmutableArray()), (spc, file) =>
                spc.AddSource(GeneratedSourceFormat.HintNameFor(file.Path), GeneratedSourceFormat.EncodeFile(file.Path, file.Content)));

            var manifest = output.Select((o, _) => new Manifest(
                o.Files.Select(f => f.Path).ToEquatableArray(),
                o.Diagnostics.Where(d => !Suppressible.Contains(d.Id)).Select(d => d.ToCanonical()).ToEquatableArray(),
                o.Diagnostics.Where(d => Suppressible.Contains(d.Id)).Select(d => d.ToCanonical()).ToEquatableArray()));
            context.RegisterImplementationSourceOutput(manifest, (spc, m) =>
                spc.AddSource(GeneratedSourceFormat.ManifestHintName, GeneratedSourceFormat.EncodeManifest(m.Paths, m.Errors, m.PolicyErrors)));
        }

        private static IncrementalValuesProvider<DeclarationSpec> Declarations(IncrementalGeneratorInitializationContext context, string attribute, DeclarationKind kind) =>
            context.SyntaxProvider.ForAttributeWithMetadataName(attribute,
                static (node, _) => node is TypeDeclarationSyntax,
                (ctx, ct) => DeclarationParser.ParseSafely((INamedTypeSymbol)ctx.TargetSymbol, (TypeDeclarationSyntax)ctx.TargetNode, ctx.SemanticModel, kind, ct));

        /// <summary>The generator never throws: an internal failure becomes an error that blocks writing nix-out.</summary>
        internal static FleetOutput CompileSafely(EquatableArray<DeclarationSpec> declarations, EquatableArray<AdditionalNixFile> nixFiles, string projectDirectory)
        {
            try
            {
                return FleetCompiler.Compile(declarations, nixFiles, projectDirectory);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var diagnostic = new DiagnosticInfo("LUX0000", "Lux failed internally (" + e.GetType().Name + ": " + e.Message + "); nix-out is left as it was. Please report this with the config that caused it.", SourceSpan.None);
                return new FleetOutput(EquatableArray<OutputFile>.Empty, new[] { diagnostic }.ToEquatableArray());
            }
        }

        /// <summary>
        /// Policy findings a user may knowingly suppress (#pragma, [SuppressMessage], .editorconfig): the output
        /// is still complete and correct Nix. Everything else (the subset, conflicts, duplicates, private keys)
        /// means the output is incomplete or unsafe, and always blocks.
        /// </summary>
        internal static readonly System.Collections.Generic.HashSet<string> Suppressible = new(StringComparer.Ordinal)
        {
            "LUX1001", "LUX1002", "LUX1003", "LUX1004", "LUX1005", "LUX1006", "LUX1007", "LUX1008", "LUX2002", "LUX2004", "LUX2005",
        };

        private sealed record Manifest(EquatableArray<string> Paths, EquatableArray<string> Errors, EquatableArray<string> PolicyErrors);
    }
}
