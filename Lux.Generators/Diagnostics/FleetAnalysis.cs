using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Lux.Generators.Model;
using Lux.Generators.Parse;
using Lux.Generators.Resolve;
using Lux.Generators.Steps;
using Microsoft.CodeAnalysis;

namespace Lux.Generators.Diagnostics
{
    /// <summary>
    /// The fleet as <see cref="LuxAnalyzer"/> sees one compilation: the generator's steps, run no further than the
    /// documents asked about need. Every declaration is parsed (cheap: unchanged ones come from <see cref="ParseCache"/>),
    /// but a host is resolved only when a document that can receive its diagnostics is analyzed:
    /// <list type="bullet">
    /// <item>a document that declares hosts receives theirs, LUX2003 against every host's name, and nothing
    /// from other hosts, whose diagnostics point into their own documents or into shared declarations;</item>
    /// <item>a document that declares a user, feature, profile or secrets policy, or a host something
    /// creates (<c>new Orion()</c>), can receive any host's: every host is resolved, once per compilation;</item>
    /// <item>a document with no Lux declaration receives none (every span points into a declaration).</item>
    /// </list>
    /// So typing in a host costs that host, whatever the size of the fleet; and a host the generator has just compiled
    /// in the same context is not resolved again (<see cref="CheckedHosts"/>).
    /// </summary>
    internal sealed class FleetAnalysis
    {
        private readonly Compilation compilation;
        private readonly ImmutableArray<AdditionalText> additionalFiles;
        private readonly CancellationToken cancellationToken;
        private readonly Lazy<Fleet> fleet;
        private readonly Lazy<ImmutableArray<DiagnosticInfo>> whole;
        private readonly ConcurrentDictionary<int, IReadOnlyList<DiagnosticInfo>> hostDiagnostics = new();

        public FleetAnalysis(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
        {
            this.compilation = compilation;
            this.additionalFiles = additionalFiles;
            this.cancellationToken = cancellationToken;
            fleet = new Lazy<Fleet>(Read, LazyThreadSafetyMode.ExecutionAndPublication);
            whole = new Lazy<ImmutableArray<DiagnosticInfo>>(Whole, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>Every diagnostic of the fleet (the compilation end reports those that have no document).</summary>
        public ImmutableArray<DiagnosticInfo> All => whole.Value;

        /// <summary>The diagnostics that point into <paramref name="tree"/>.</summary>
        public IReadOnlyList<DiagnosticInfo> In(SyntaxTree tree)
        {
            try
            {
                return Into(tree.FilePath);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An analyzer never throws: the compilation end reports the failure (LUX0000, through All).
                return Array.Empty<DiagnosticInfo>();
            }
        }

        private IReadOnlyList<DiagnosticInfo> Into(string path)
        {
            var read = fleet.Value;
            if (!read.DeclaredIn.TryGetValue(path, out var declared))
                return Array.Empty<DiagnosticInfo>();

            var diagnostics = new List<DiagnosticInfo>(read.Library.Diagnostics);
            // A host in the context is one something creates: its facts reach other hosts' diagnostics.
            var everyHost = declared.Any(d => d.Kind != DeclarationKind.Host || read.Context.Declarations.Any(c => ReferenceEquals(c, d)));
            for (var i = 0; i < read.Hosts.Count; i++)
            {
                if (everyHost || read.Hosts[i].Span.Path == path)
                    diagnostics.AddRange(HostDiagnostics(read, i));
            }
            diagnostics.AddRange(PerFleet.HostNameClashes(read.Names.Value));
            return Outgoing.Distinct(diagnostics.Where(d => d.Span.Path == path));
        }

        private ImmutableArray<DiagnosticInfo> Whole()
        {
            try
            {
                var read = fleet.Value;
                var diagnostics = new List<DiagnosticInfo>(read.Library.Diagnostics);
                for (var i = 0; i < read.Hosts.Count; i++)
                    diagnostics.AddRange(HostDiagnostics(read, i));
                diagnostics.AddRange(PerFleet.HostNameClashes(read.Names.Value));
                return Outgoing.Distinct(diagnostics).ToImmutableArray();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return ImmutableArray.Create(Outgoing.InternalError("analyzing the fleet", e));
            }
        }

        /// <summary>A host's findings, and LUX2006 when the hardware module it brings in holds private key material.</summary>
        private IReadOnlyList<DiagnosticInfo> HostDiagnostics(Fleet read, int index) =>
            hostDiagnostics.GetOrAdd(index, i =>
            {
                var findings = PerHost.Findings(read.Hosts[i], read.Context);
                return findings.Hardware is { } module && Outgoing.Hardware(module, read.TextOf(module.SourcePath, cancellationToken)).Withheld is { } withheld
                    ? findings.Diagnostics.Append(withheld).ToList()
                    : findings.Diagnostics;
            });

        private Fleet Read()
        {
            var declarations = FleetDeclarations.In(compilation, cancellationToken);
            var nixFiles = additionalFiles.Where(f => f.Path.EndsWith(".nix", StringComparison.OrdinalIgnoreCase)).Select(f => (Path: f.Path.Replace('\\', '/'), File: f))
                .OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            // As the generator reads them: paths in ordinal order, so both resolve a host alike and share the result.
            return new Fleet(declarations, FleetInputs.Context(declarations, nixFiles.Select(f => f.Path), ""), nixFiles);
        }

        private sealed class Fleet
        {
            private readonly Lazy<Dictionary<string, AdditionalText>> nixFiles;

            public Fleet(List<DeclarationSpec> declarations, FleetContext context, List<(string Path, AdditionalText File)> nixFiles)
            {
                // Of two files with one path, the later one's text, as the generator's.
                this.nixFiles = new Lazy<Dictionary<string, AdditionalText>>(() =>
                {
                    var byPath = new Dictionary<string, AdditionalText>(StringComparer.Ordinal);
                    foreach (var (path, file) in nixFiles)
                        byPath[path] = file;
                    return byPath;
                }, LazyThreadSafetyMode.ExecutionAndPublication);
                Context = context;
                Library = PerFleet.Library(context, emitSops: false);
                Hosts = declarations.Where(d => d.Kind == DeclarationKind.Host).OrderBy(d => d, DeclarationSpec.FleetOrder).ToList();
                DeclaredIn = declarations.GroupBy(d => d.Span.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
                Names = new Lazy<List<HostIdentity>>(() => Hosts.Select(h => PerHost.Identify(h, context)).ToList(), LazyThreadSafetyMode.ExecutionAndPublication);
            }

            public FleetContext Context { get; }

            public LibraryOutput Library { get; }

            public List<DeclarationSpec> Hosts { get; }

            public Dictionary<string, List<DeclarationSpec>> DeclaredIn { get; }

            /// <summary>Every host's name, for LUX2003: evaluated only for hosts that override Name.</summary>
            public Lazy<List<HostIdentity>> Names { get; }

            public string? TextOf(string path, CancellationToken cancellationToken) =>
                nixFiles.Value.TryGetValue(path, out var file) ? file.GetText(cancellationToken)?.ToString() : null;
        }
    }
}
