using System;
using System.Collections.Generic;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Steps
{
    /// <summary>What Resolve and Check found for one host: what the analyzer reports for it.</summary>
    /// <param name="Hardware">The host's hand-written module, whose text is judged apart (<see cref="Outgoing.Hardware"/>).</param>
    internal sealed record HostFindings(IReadOnlyList<DiagnosticInfo> Diagnostics, HardwareModule? Hardware);

    /// <summary>
    /// The seam between the generator and the analyzer. Both run <see cref="PerHost"/>'s Resolve → Check; the compiler
    /// runs the generator first and then the analyzers in one process (and the IDE runs both), so each host's findings
    /// are kept here and reused while the host and what it reads are unchanged. Keyed by content: an entry is reused
    /// for a spec equal to its own in a context that resolves alike (<see cref="FleetContext.ResolvesAs"/>), whichever
    /// objects hold them.
    /// <para>
    /// Bounded: one entry per host (by record name and file), the latest; past <see cref="MaxHosts"/> hosts it starts over,
    /// as <c>ParseCache</c>'s path index does. An entry holds its spec and its context, plain data of the last compilation
    /// that checked the host, never a symbol or a compilation.
    /// </para>
    /// </summary>
    internal static class CheckedHosts
    {
        /// <summary>More hosts than any fleet has: a process that builds many fleets forgets and checks again.</summary>
        internal const int MaxHosts = 10_000;

        private static readonly object Gate = new();
        private static readonly Dictionary<(string TypeName, string Path), Entry> ByHost = new();

        /// <summary>The findings kept for this host in this context, else <paramref name="check"/>'s, which are kept.</summary>
        public static HostFindings GetOrAdd(DeclarationSpec host, FleetContext context, Func<HostFindings> check)
        {
            lock (Gate)
            {
                if (ByHost.TryGetValue(KeyOf(host), out var known) && known.Matches(host, context))
                    return known.Findings;
            }
            var findings = check();
            Remember(host, context, findings);
            return findings;
        }

        public static void Remember(DeclarationSpec host, FleetContext context, HostFindings findings)
        {
            lock (Gate)
            {
                var key = KeyOf(host);
                if (ByHost.Count >= MaxHosts && !ByHost.ContainsKey(key))
                    ByHost.Clear();
                ByHost[key] = new Entry(host, context, findings);
            }
        }

        /// <summary>Forgets everything, as a new compiler process would (for benchmarks of a cold run).</summary>
        internal static void Clear()
        {
            lock (Gate)
                ByHost.Clear();
        }

        private static (string, string) KeyOf(DeclarationSpec host) => (host.TypeName, host.Span.Path);

        private sealed record Entry(DeclarationSpec Host, FleetContext Context, HostFindings Findings)
        {
            public bool Matches(DeclarationSpec host, FleetContext context) => Host.Equals(host) && Context.ResolvesAs(context);
        }
    }
}
