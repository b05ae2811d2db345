using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Lux.Generators.Model;
using Lux.Generators.Transport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lux.Generators.Parse
{
    /// <summary>
    /// Reuses a declaration's spec from an earlier compilation while nothing it can depend on has changed.
    /// Roslyn re-runs every ForAttributeWithMetadataName transform on every edit (each compilation brings a
    /// new semantic model), so without this a keystroke in one host re-binds and re-parses the whole fleet:
    /// the one cost of an edit that would grow with the fleet.
    /// <para>
    /// Why reuse is sound. A spec is a function of its own syntax tree and, through the semantic model, of
    /// what the compilation declares: types, members and their signatures, attributes, usings, constant
    /// values, plus the references and options. Member bodies and non-constant initializers of other trees
    /// cannot change how a tree binds. So a spec is reused when its tree has the same content and every tree's
    /// <em>shape</em> (its tokens outside bodies and non-constant initializers, and its directives) and the
    /// references and options are as they were. A literal, comment or statement edit inside a body keeps
    /// every shape: only the edited tree's declarations are parsed again. An edit that changes a shape (a new
    /// member, a constant's value) parses everything again, as before.
    /// </para>
    /// </summary>
    /// <para>
    /// What it holds, and why that is bounded in a compiler server or IDE that lives for days: entries by tree
    /// object and fingerprints by compilation are weak (they go with the tree or compilation); the path index keeps
    /// one entry per file path, the last content seen there, and starts over past <see cref="MaxRememberedPaths"/>
    /// paths; one fingerprint is kept as the latest. Lux.Tests/Incremental/LongSessionMemoryTests drives 10,000 edits
    /// through one driver and one analyzer and checks the heap stays flat.
    /// </para>
    internal static class ParseCache
    {
        /// <summary>More file paths than any fleet has: a process that builds many projects forgets and parses again.</summary>
        internal const int MaxRememberedPaths = 10_000;

        private static readonly object Gate = new();
        private static ConditionalWeakTable<SyntaxTree, TreeEntry> ByTree = new();
        private static ConcurrentDictionary<string, TreeEntry> ByPath = new(StringComparer.Ordinal);
        private static ConditionalWeakTable<Compilation, Fingerprint> Fingerprints = new();
        private static Fingerprint? latest;

        /// <summary>Forgets everything, as a new compiler process would (for benchmarks of a cold run).</summary>
        internal static void Clear()
        {
            lock (Gate)
            {
                ByTree = new();
                ByPath = new(StringComparer.Ordinal);
                Fingerprints = new();
                latest = null;
            }
        }

        /// <summary>The specs of a type declaration: from the cache when sound, else from <paramref name="parse"/>.</summary>
        public static EquatableArray<DeclarationSpec> GetOrParse(TypeDeclarationSyntax declaration, SemanticModel model, Func<EquatableArray<DeclarationSpec>> parse)
        {
            Fingerprint fingerprint;
            ConcurrentDictionary<int, (Fingerprint Fingerprint, EquatableArray<DeclarationSpec> Specs)> specs;
            try
            {
                fingerprint = Fingerprints.GetValue(model.Compilation, Compute);
                specs = EntryOf(declaration.SyntaxTree).Specs;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The cache is an optimisation: a host whose compilation it cannot fingerprint parses every time.
                return parse();
            }
            if (specs.TryGetValue(declaration.SpanStart, out var cached) && ReferenceEquals(cached.Fingerprint, fingerprint))
                return cached.Specs;
            var parsed = parse();
            specs[declaration.SpanStart] = (fingerprint, parsed);
            return parsed;
        }

        /// <summary>
        /// What is known about a tree's content. A build in the compiler server parses every file anew, so a tree
        /// is found by its path, parse options and text (checksum) as well as by the object.
        /// </summary>
        private static TreeEntry EntryOf(SyntaxTree tree) => ByTree.GetValue(tree, t =>
        {
            var text = t.GetText();
            var key = (t.Options, text.Length, Checksum: text.GetChecksum());
            if (ByPath.TryGetValue(t.FilePath, out var known) && known.Matches(key))
                return known;
            var entry = new TreeEntry(key, ShapeOf(t));
            if (ByPath.Count >= MaxRememberedPaths && !ByPath.ContainsKey(t.FilePath))
                ByPath.Clear();
            ByPath[t.FilePath] = entry;
            return entry;
        });

        private static Fingerprint Compute(Compilation compilation)
        {
            // Lux's own outputs (nix-out text in constants, seen by the analyzers) are bound by nothing a config
            // declares; leaving them out keeps an edit that changes nix-out from changing the fingerprint.
            var trees = compilation.SyntaxTrees.Where(t => !GeneratedSourceFormat.IsLuxOutput(t.FilePath)).ToImmutableArray();
            var shapes = trees.Select(t => EntryOf(t).Shape).ToImmutableArray();
            var references = compilation.References.Select(r => r is PortableExecutableReference pe ? (object)pe.GetMetadataId() : r).ToImmutableArray();
            var candidate = new Fingerprint(compilation.Options, references, trees.Select(t => t.FilePath).ToImmutableArray(), shapes);
            // Equal fingerprints must be the same object: entries compare them by reference.
            lock (Gate)
            {
                if (latest is not null && latest.SameAs(candidate))
                    return latest;
                return latest = candidate;
            }
        }

        /// <summary>The tokens of a tree that other trees can bind against, and its directives.</summary>
        internal static string ShapeOf(SyntaxTree tree)
        {
            var root = tree.GetRoot();
            var sb = new StringBuilder();
            // With the kind of node each token sits in, and skipped tokens (trivia): an edit that C# recovers from
            // (Keys.cs: 'public => const string X' reads as an incomplete member and a private const) keeps the
            // tokens' text but changes what other trees can bind to (mutant 843 of seed 20251125).
            foreach (var token in root.DescendantTokens(node => !IsBody(node)))
            {
                // Skipped tokens are structured trivia; most tokens have none, so their trivia is not walked.
                if (token.HasStructuredTrivia)
                {
                    AppendSkipped(sb, token.LeadingTrivia);
                    AppendSkipped(sb, token.TrailingTrivia);
                }
                sb.Append(token.Text).Append(' ').Append(token.Parent?.RawKind ?? 0).Append(' ');
            }
            for (var directive = ((CSharpSyntaxNode)root).GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
                sb.Append('\n').Append(directive.ToString());
            return sb.ToString();
        }

        private static void AppendSkipped(StringBuilder sb, SyntaxTriviaList trivia)
        {
            foreach (var t in trivia)
            {
                if (t.IsKind(SyntaxKind.SkippedTokensTrivia))
                    sb.Append(t.ToString()).Append(' ');
            }
        }

        private static bool IsBody(SyntaxNode node) => node switch
        {
            // Blocks only occur as bodies (of methods, accessors, constructors, operators, lambdas).
            BlockSyntax or ArrowExpressionClauseSyntax => true,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } => true,
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: BaseFieldDeclarationSyntax field } } } =>
                !field.Modifiers.Any(SyntaxKind.ConstKeyword),
            _ => false,
        };

        /// <summary>
        /// Whether two compilations' options bind source alike. Not CompilationOptions.Equals: in the compiler
        /// server it compares the build's reference resolvers, which throw NotImplementedException there.
        /// </summary>
        private static bool BindAlike(CompilationOptions a, CompilationOptions b) =>
            ReferenceEquals(a, b) ||
            a.Language == b.Language && a.OutputKind == b.OutputKind && a.CheckOverflow == b.CheckOverflow && a.Platform == b.Platform &&
            a.MetadataImportOptions == b.MetadataImportOptions && a.ScriptClassName == b.ScriptClassName &&
            a.NullableContextOptions == b.NullableContextOptions && ReferenceEquals(a.AssemblyIdentityComparer, b.AssemblyIdentityComparer) &&
            (a is CSharpCompilationOptions ca && b is CSharpCompilationOptions cb
                ? ca.AllowUnsafe == cb.AllowUnsafe && ca.Usings.SequenceEqual(cb.Usings, StringComparer.Ordinal)
                : a.GetType() == b.GetType());

        private sealed class TreeEntry
        {
            private readonly (ParseOptions Options, int Length, ImmutableArray<byte> Checksum) key;

            public TreeEntry((ParseOptions Options, int Length, ImmutableArray<byte> Checksum) key, string shape)
            {
                this.key = key;
                Shape = shape;
            }

            public string Shape { get; }

            /// <summary>The specs of the tree's declarations, by start, with the fingerprint they were parsed under.</summary>
            public ConcurrentDictionary<int, (Fingerprint Fingerprint, EquatableArray<DeclarationSpec> Specs)> Specs { get; } = new();

            public bool Matches((ParseOptions Options, int Length, ImmutableArray<byte> Checksum) other) =>
                key.Length == other.Length && key.Options.Equals(other.Options) && key.Checksum.AsSpan().SequenceEqual(other.Checksum.AsSpan());
        }

        private sealed class Fingerprint
        {
            private readonly CompilationOptions options;
            private readonly ImmutableArray<object> references;
            private readonly ImmutableArray<string> paths;
            private readonly ImmutableArray<string> shapes;

            /// <param name="references">The metadata identity of each PE reference (the same for the same file, whichever reference object holds it), else the reference.</param>
            public Fingerprint(CompilationOptions options, ImmutableArray<object> references, ImmutableArray<string> paths, ImmutableArray<string> shapes)
            {
                this.options = options;
                this.references = references;
                this.paths = paths;
                this.shapes = shapes;
            }

            public bool SameAs(Fingerprint other)
            {
                if (!BindAlike(options, other.options) || references.Length != other.references.Length || shapes.Length != other.shapes.Length)
                    return false;
                for (var i = 0; i < references.Length; i++)
                {
                    if (!ReferenceEquals(references[i], other.references[i]))
                        return false;
                }
                for (var i = 0; i < shapes.Length; i++)
                {
                    // An unchanged tree keeps its shape string: the reference check settles almost every tree.
                    if (paths[i] != other.paths[i] || !ReferenceEquals(shapes[i], other.shapes[i]) && shapes[i] != other.shapes[i])
                        return false;
                }
                return true;
            }
        }
    }
}
