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

        /// <summary>
        /// The last two distinct contexts found to resolve alike (weakly held). Every host of a fleet asks about the same two
        /// (the one its entry was checked in, the new compilation's), so a feature's document at L compares the contexts'
        /// declarations and Nix paths once instead of once per host.
        /// </summary>
        private static (WeakReference<FleetContext> Known, WeakReference<FleetContext> Current)? lastAlike;

        /// <summary>The findings kept for this host in this context, else <paramref name="check"/>'s, which are kept.</summary>
        public static HostFindings GetOrAdd(DeclarationSpec host, FleetContext context, Func<HostFindings> check)
        {
            lock (Gate)
            {
                if (ByHost.TryGetValue(KeyOf(host), out var known) && known.Host.Equals(host) && ResolveAlike(known.Context, context))
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
            {
                ByHost.Clear();
                lastAlike = null;
            }
        }

        private static (string, string) KeyOf(DeclarationSpec host) => (host.TypeName, host.Span.Path);

        /// <summary><see cref="FleetContext.ResolvesAs"/>, remembering the last pair found alike (called under <see cref="Gate"/>).</summary>
        private static bool ResolveAlike(FleetContext known, FleetContext context)
        {
            if (ReferenceEquals(known, context))
                return true;
            if (lastAlike is { } last && last.Known.TryGetTarget(out var lastKnown) && ReferenceEquals(lastKnown, known) &&
                last.Current.TryGetTarget(out var lastCurrent) && ReferenceEquals(lastCurrent, context))
                return true;
            if (!known.ResolvesAs(context))
                return false;
            lastAlike = (new WeakReference<FleetContext>(known), new WeakReference<FleetContext>(context));
            return true;
        }

        private sealed record Entry(DeclarationSpec Host, FleetContext Context, HostFindings Findings);
    }
}
