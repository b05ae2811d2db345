using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Lux.Generators.Emit;
using Lux.Generators.Model;
using Lux.Generators.Parse;
using Lux.Generators.Resolve;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lux.Generators.Diagnostics
{
    /// <summary>
    /// The fleet as <see cref="LuxAnalyzer"/> sees one compilation, computed no further than the documents
    /// asked about need. Every declaration is parsed (cheap: unchanged ones come from <see cref="ParseCache"/>),
    /// but a host is resolved only when a document that can receive its diagnostics is analyzed:
    /// <list type="bullet">
    /// <item>a document that declares hosts receives theirs, LUX2003 against every host's name, and nothing
    /// from other hosts, whose diagnostics point into their own documents or into shared declarations;</item>
    /// <item>a document that declares a user, feature, profile or secrets policy, or a host something
    /// creates (<c>new Orion()</c>), can receive any host's: every host is resolved, once per compilation;</item>
    /// <item>a document with no Lux declaration receives none (every span points into a declaration).</item>
    /// </list>
    /// So typing in a host costs that host, whatever the size of the fleet.
    /// </summary>
    internal sealed class FleetAnalysis
    {
        private readonly Compilation compilation;
        private readonly ImmutableArray<AdditionalText> additionalFiles;
        private readonly CancellationToken cancellationToken;
        private readonly Lazy<Parsed> parsed;
        private readonly Lazy<ImmutableArray<DiagnosticInfo>> whole;
        private readonly ConcurrentDictionary<int, List<DiagnosticInfo>> hostDiagnostics = new();

        public FleetAnalysis(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
        {
            this.compilation = compilation;
            this.additionalFiles = additionalFiles;
            this.cancellationToken = cancellationToken;
            parsed = new Lazy<Parsed>(Parse, LazyThreadSafetyMode.ExecutionAndPublication);
            whole = new Lazy<ImmutableArray<DiagnosticInfo>>(Whole, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>Every diagnostic of the fleet (the compilation end reports those that have no document).</summary>
        public ImmutableArray<DiagnosticInfo> All => whole.Value;

        /// <summary>The diagnostics that point into <paramref name="tree"/>.</summary>
        public IReadOnlyList<DiagnosticInfo> In(SyntaxTree tree)
        {
            var path = tree.FilePath;
            Parsed fleet;
            try
            {
                fleet = parsed.Value;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The compilation end reports the failure (LUX0000, through All).
                return Array.Empty<DiagnosticInfo>();
            }
            if (!fleet.DeclaredIn.TryGetValue(path, out var declared))
                return Array.Empty<DiagnosticInfo>();

            var diagnostics = new List<DiagnosticInfo>(fleet.Library.Diagnostics);
            var everyHost = declared.Any(d => d.Kind != DeclarationKind.Host || fleet.Context.Declarations.Any(c => ReferenceEquals(c, d)));
            for (var i = 0; i < fleet.Hosts.Count; i++)
            {
                if (everyHost || fleet.Hosts[i].Span.Path == path)
                    diagnostics.AddRange(HostDiagnostics(fleet, i));
            }
            diagnostics.AddRange(FleetCompiler.DuplicateHostNames(fleet.Names.Value));
            return FleetCompiler.Distinct(diagnostics.Where(d => d.Span.Path == path));
        }

        private List<DiagnosticInfo> HostDiagnostics(Parsed fleet, int index) =>
            hostDiagnostics.GetOrAdd(index, i =>
            {
                var diagnostics = FleetCompiler.HostDiagnostics(fleet.Hosts[i], fleet.Context, out var hardware);
                // Host resolution reads no Nix file's text: the hardware module's is judged here, as the generator does.
                if (hardware is not null && FleetCompiler.HardwareDiagnostic(hardware, TextOf(hardware.SourcePath)) is { } withheld)
                    diagnostics = new List<DiagnosticInfo>(diagnostics) { withheld };
                return diagnostics;
            });

        private string? TextOf(string path) =>
            additionalFiles.FirstOrDefault(f => f.Path.Replace('\\', '/') == path)?.GetText(cancellationToken)?.ToString();

        private ImmutableArray<DiagnosticInfo> Whole()
        {
            try
            {
                var fleet = parsed.Value;
                var diagnostics = new List<DiagnosticInfo>(fleet.Library.Diagnostics);
                for (var i = 0; i < fleet.Hosts.Count; i++)
                    diagnostics.AddRange(HostDiagnostics(fleet, i));
                diagnostics.AddRange(FleetCompiler.DuplicateHostNames(fleet.Names.Value));
                return FleetCompiler.Distinct(diagnostics).ToImmutableArray();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return ImmutableArray.Create(new DiagnosticInfo("LUX0000", "Lux failed internally (" + e.GetType().Name + ": " + e.Message +
                    "); please report this with the config that caused it", SourceSpan.None));
            }
        }

        private Parsed Parse()
        {
            var declarations = new List<DeclarationSpec>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (GeneratedSourceFormat.IsLuxOutput(tree.FilePath))
                    continue;
                SemanticModel? model = null;
                foreach (var type in AttributedTypes(tree.GetRoot(cancellationToken)))
                {
                    // A host is judged with every declaration it reaches, wherever that is declared, so the fleet
                    // is read whole: unchanged declarations cost a cache lookup (ParseCache).
#pragma warning disable RS1030
                    model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    declarations.AddRange(DeclarationParser.ParseAll(type, model, cancellationToken));
                }
            }
            // In the generator's order (ordinal by path), so both resolve a host alike and share the result.
            var nixFiles = additionalFiles.Where(f => f.Path.EndsWith(".nix", StringComparison.OrdinalIgnoreCase))
                .Select(f => f.Path.Replace('\\', '/')).OrderBy(p => p, StringComparer.Ordinal);
            return new Parsed(declarations, FleetCompiler.Context(declarations, nixFiles, ""));
        }

        /// <summary>Type declarations that carry attributes, nested ones too, without looking into member bodies.</summary>
        private static IEnumerable<TypeDeclarationSyntax> AttributedTypes(SyntaxNode root)
        {
            var pending = new Stack<SyntaxNode>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                var members = node switch
                {
                    CompilationUnitSyntax unit => unit.Members,
                    BaseNamespaceDeclarationSyntax ns => ns.Members,
                    TypeDeclarationSyntax type => type.Members,
                    _ => default,
                };
                if (node is TypeDeclarationSyntax { AttributeLists.Count: > 0 } attributed)
                    yield return attributed;
                for (var i = members.Count - 1; i >= 0; i--)
                {
                    if (members[i] is BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                        pending.Push(members[i]);
                }
            }
        }

        private sealed class Parsed
        {
            public Parsed(List<DeclarationSpec> declarations, FleetContext context)
            {
                Context = context;
                Library = FleetCompiler.CompileLibrary(context, emitSops: false);
                Hosts = declarations.Where(d => d.Kind == DeclarationKind.Host).OrderBy(d => d.TypeName, StringComparer.Ordinal).ToList();
                DeclaredIn = declarations.GroupBy(d => d.Span.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
                Names = new Lazy<List<HostIdentity>>(() => Hosts.Select(h => FleetCompiler.IdentityOf(h, context)).ToList(), LazyThreadSafetyMode.ExecutionAndPublication);
            }

            public FleetContext Context { get; }

            public LibraryOutput Library { get; }

            public List<DeclarationSpec> Hosts { get; }

            public Dictionary<string, List<DeclarationSpec>> DeclaredIn { get; }

            /// <summary>Every host's name, for LUX2003: evaluated only for hosts that override Name.</summary>
            public Lazy<List<HostIdentity>> Names { get; }
        }
    }
}
