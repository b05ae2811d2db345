using System.Collections.Generic;
using System.Linq;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;
using Lux.Generators.Resolve;

namespace Lux.Generators.Steps
{
    /// <summary>What every host is compiled against: the <see cref="FleetContext"/> built from the fleet's declarations.</summary>
    internal static class FleetInputs
    {
        /// <summary>The context every host of <paramref name="declarations"/> compiles in (the analyzer's way, from all declarations at once).</summary>
        public static FleetContext Context(IReadOnlyList<DeclarationSpec> declarations, IEnumerable<string> nixFilePaths, string projectDirectory)
        {
            var others = declarations.Where(d => d.Kind != DeclarationKind.Host);
            var created = CreatedNames.Union(declarations.Select(d => d.Creates));
            return Context(others, declarations.Where(d => d.Kind == DeclarationKind.Host && created.Contains(d)), nixFilePaths, projectDirectory);
        }

        /// <param name="others">The declarations that are not hosts.</param>
        /// <param name="createdHosts">The hosts some declaration creates, whose facts other hosts may read.</param>
        public static FleetContext Context(IEnumerable<DeclarationSpec> others, IEnumerable<DeclarationSpec> createdHosts, IEnumerable<string> nixFilePaths, string projectDirectory) =>
            new(InFleetOrder(others.Concat(createdHosts)),
                nixFilePaths.Select(p => p.Replace('\\', '/')).ToEquatableArray(),
                projectDirectory);

        /// <summary>Declarations in the fleet's order (<see cref="DeclarationSpec.FleetOrder"/>), equal by content.</summary>
        public static EquatableArray<DeclarationSpec> InFleetOrder(IEnumerable<DeclarationSpec> declarations) =>
            declarations.OrderBy(d => d, DeclarationSpec.FleetOrder).ToEquatableArray();

        /// <summary>The fleet's [Secrets] policy, instantiated, or null when it has none.</summary>
        public static RecordValue? SecretsPolicy(FleetContext context, Evaluator evaluator) =>
            context.Declarations.FirstOrDefault(d => d.Kind == DeclarationKind.Secrets) is { } policy ? evaluator.Instantiate(policy) : null;
    }
}
