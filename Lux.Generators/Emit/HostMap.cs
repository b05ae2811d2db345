using System;
using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Emit;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Emit
{
    /// <summary>What a box on the fleet map is.</summary>
    internal enum MapKind
    {
        Host,
        User,
        Profile,
        Feature,
    }

    /// <summary>Who brings an aspect to a host: the host itself, one of its users, or a profile or feature that includes it.</summary>
    internal sealed record MapSource(MapKind Kind, string Name);

    /// <summary>An aspect a host reaches, by record name (a parameterised feature's instances are one aspect), and who brings it.</summary>
    internal sealed record MapAspect(string Name, MapKind Kind, EquatableArray<MapSource> BroughtBy);

    /// <summary>
    /// One host as the fleet map (FLEET.md, fleet.dot) shows it: the aspects it reaches, its users, and where it
    /// stands with the SSH recovery policy. Names and rule IDs only, sorted, so a literal edit leaves it equal.
    /// </summary>
    internal sealed record HostMap(EquatableArray<MapAspect> Aspects, EquatableArray<string> Users, bool RecoveryHost,
        EquatableArray<string> RecoveryUsers, EquatableArray<string> FailedRules)
    {
        public static readonly HostMap Empty = new(EquatableArray<MapAspect>.Empty, EquatableArray<string>.Empty, false,
            EquatableArray<string>.Empty, EquatableArray<string>.Empty);

        /// <summary>The map of a resolved host; <paramref name="diagnostics"/> are its own, whose LUX10xx are the recovery rules it fails.</summary>
        public static HostMap Of(ResolvedHost host, IEnumerable<DiagnosticInfo> diagnostics)
        {
            var userNames = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < host.Users.Length && i < host.UserNames.Length; i++)
                userNames[host.Users[i].Key] = host.UserNames[i];

            var broughtBy = new Dictionary<(string Name, MapKind Kind), HashSet<MapSource>>();
            foreach (var aspect in host.Aspects)
            {
                if (KindOf(aspect) is { } kind && kind is MapKind.Profile or MapKind.Feature)
                    broughtBy[(aspect.DisplayName, kind)] = new HashSet<MapSource>();
            }
            foreach (var (includer, included) in host.IncludeEdges)
            {
                if (KindOf(included) is not { } kind || !broughtBy.TryGetValue((included.DisplayName, kind), out var sources))
                    continue;
                switch (KindOf(includer))
                {
                    case MapKind.Host:
                        sources.Add(new MapSource(MapKind.Host, host.Name));
                        break;
                    case MapKind.User when userNames.TryGetValue(includer.Key, out var user):
                        sources.Add(new MapSource(MapKind.User, user));
                        break;
                    case { } aspectKind and (MapKind.Profile or MapKind.Feature):
                        sources.Add(new MapSource(aspectKind, includer.DisplayName));
                        break;
                }
            }

            var aspects = broughtBy
                .Select(pair => new MapAspect(pair.Key.Name, pair.Key.Kind, pair.Value.OrderBy(s => s.Kind).ThenBy(s => s.Name, StringComparer.Ordinal).ToEquatableArray()))
                .OrderBy(a => a.Kind).ThenBy(a => a.Name, StringComparer.Ordinal).ToEquatableArray();
            var recoveryUsers = host.SshRecovery is { } recovery
                ? recovery.Users.Select(u => u.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray()
                : EquatableArray<string>.Empty;
            var failed = diagnostics.Select(d => d.Id).Where(IsRecoveryRule).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToEquatableArray();
            return new HostMap(aspects, host.UserNames.Distinct().ToEquatableArray(), host.SshRecovery is not null, recoveryUsers, failed);
        }

        /// <summary>The IDs of the SSH recovery policy's rules, LUX1001 to LUX1008.</summary>
        public static bool IsRecoveryRule(string id) =>
            Check.SshRecovery.SshRecoveryPolicy.Rules.Any(rule => rule.Id == id);

        private static MapKind? KindOf(RecordValue record) => record.Spec?.Kind switch
        {
            DeclarationKind.Host => MapKind.Host,
            DeclarationKind.User => MapKind.User,
            DeclarationKind.Profile => MapKind.Profile,
            DeclarationKind.Feature => MapKind.Feature,
            _ => null,
        };
    }
}

namespace Lux.Generators.Model
{
    internal sealed partial record HostSummary
    {
        /// <summary>The host as the fleet map shows it (<see cref="FleetMapEmitter"/>).</summary>
        public HostMap Map { get; init; } = HostMap.Empty;
    }
}
