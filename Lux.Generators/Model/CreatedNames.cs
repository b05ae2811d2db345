using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Lux.Generators.Model
{
    /// <summary>
    /// The records some declarations create (<c>new Kiri()</c>, <c>new Port(22)</c>), by type name. A host
    /// is resolved with only the fleet's users, features, profiles and secrets policy in scope, plus any
    /// host that something creates (<c>new Orion().Name</c>); this finds those. <see cref="All"/> stands
    /// for a declaration with a construct the walk does not know: it may create anything.
    /// </summary>
    internal sealed record CreatedNames(bool All, EquatableArray<string> Names)
    {
        public static readonly CreatedNames None = new(false, EquatableArray<string>.Empty);

        /// <summary>What a declaration creates; Parse asks once per declaration (<see cref="DeclarationSpec.Creates"/>).</summary>
        public static CreatedNames Of(DeclarationSpec spec)
        {
            var walker = new Walker();
            foreach (var property in spec.Properties)
                walker.Visit(property.Value);
            foreach (var gate in spec.Gates)
                walker.Visit(gate.Body);
            return walker.Unknown ? new CreatedNames(true, EquatableArray<string>.Empty) : new CreatedNames(false, Ordered(walker.Names));
        }

        public static CreatedNames Union(IEnumerable<CreatedNames> parts)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                if (part.All)
                    return part;
                names.UnionWith(part.Names);
            }
            return names.Count == 0 ? None : new CreatedNames(false, Ordered(names));
        }

        public bool Contains(DeclarationSpec spec) =>
            All || ImmutableArray.BinarySearch(Names.AsImmutableArray(), spec.TypeName, StringComparer.Ordinal) >= 0;

        private static EquatableArray<string> Ordered(IEnumerable<string> names) => names.OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();

        internal sealed class Walker
        {
            public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

            /// <summary>Set when a node of a kind this walk does not know was met: the result cannot be trusted.</summary>
            public bool Unknown { get; private set; }

            public void Visit(EquatableArray<Stmt> statements)
            {
                foreach (var statement in statements)
                    Visit(statement);
            }

            public void Visit(Stmt? statement)
            {
                switch (statement)
                {
                    case null:
                    case ReturnStmt:
                    case UnsupportedStmt:
                        break;
                    case AssignStmt assign:
                        Visit(assign.Target);
                        Visit(assign.SubPath);
                        Visit(assign.Value);
                        break;
                    case LetStmt let:
                        Visit(let.Value);
                        break;
                    case ForeachStmt loop:
                        Visit(loop.Collection);
                        Visit(loop.Body);
                        break;
                    case IfStmt @if:
                        Visit(@if.Condition);
                        Visit(@if.Then);
                        Visit(@if.Else);
                        break;
                    default:
                        Unknown = true;
                        break;
                }
            }

            public void Visit(Expr? expr)
            {
                switch (expr)
                {
                    case null:
                    case ConstExpr:
                    case NameExpr:
                    case ThisExpr:
                    case ConditionalTargetExpr:
                    case OptionRootExpr:
                    case UnsupportedExpr:
                        break;
                    case NewRecordExpr creation:
                        if (creation.TypeName is not null)
                            Names.Add(creation.TypeName);
                        foreach (var argument in creation.Arguments)
                            Visit(argument?.Value);
                        break;
                    case ListExpr list:
                        foreach (var item in list.Items)
                            Visit(item?.Value);
                        break;
                    case MemberExpr member:
                        Visit(member.Target);
                        Visit(member.Default);
                        break;
                    case OptionObjectExpr obj:
                        foreach (var member in obj.Members)
                            Visit(member?.Value);
                        break;
                    case WithExpr with:
                        Visit(with.Target);
                        foreach (var change in with.Changes)
                            Visit(change?.Value);
                        break;
                    case CallExpr call:
                        Visit(call.Receiver);
                        foreach (var argument in call.Arguments)
                            Visit(argument);
                        break;
                    case LambdaExpr lambda:
                        Visit(lambda.Body);
                        break;
                    case InterpolationExpr interpolation:
                        foreach (var part in interpolation.Parts)
                            Visit(part);
                        break;
                    case ConditionalExpr conditional:
                        Visit(conditional.Condition);
                        Visit(conditional.WhenTrue);
                        Visit(conditional.WhenFalse);
                        break;
                    case BinaryExpr binary:
                        Visit(binary.Left);
                        Visit(binary.Right);
                        break;
                    case UnaryExpr unary:
                        Visit(unary.Operand);
                        break;
                    case ToFloatExpr toFloat:
                        Visit(toFloat.Operand);
                        break;
                    case IndexExpr index:
                        Visit(index.Target);
                        Visit(index.Index);
                        break;
                    case ConditionalAccessExpr access:
                        Visit(access.Target);
                        Visit(access.WhenNotNull);
                        break;
                    case IsPatternExpr isPattern:
                        Visit(isPattern.Subject);
                        Visit(isPattern.Pattern);
                        break;
                    case SwitchExpr @switch:
                        Visit(@switch.Subject);
                        foreach (var arm in @switch.Arms)
                        {
                            Visit(arm?.Pattern);
                            Visit(arm?.Guard);
                            Visit(arm?.Value);
                        }
                        break;
                    case PriorityExpr priority:
                        Visit(priority.Priority);
                        Visit(priority.Value);
                        break;
                    case RawNixExpr raw:
                        Visit(raw.Text);
                        break;
                    case OptionMemberExpr optionMember:
                        Visit(optionMember.Target);
                        break;
                    case OptionIndexExpr optionIndex:
                        Visit(optionIndex.Target);
                        Visit(optionIndex.Key);
                        break;
                    default:
                        Unknown = true;
                        break;
                }
            }

            public void Visit(Pattern? pattern)
            {
                switch (pattern)
                {
                    case null:
                    case DiscardPattern:
                    case TypePattern:
                    case KindPattern:
                        break;
                    case ConstantPattern constant:
                        Visit(constant.Value);
                        break;
                    case RelationalPattern relational:
                        Visit(relational.Value);
                        break;
                    case NotPattern not:
                        Visit(not.Inner);
                        break;
                    case BinaryPattern binary:
                        Visit(binary.Left);
                        Visit(binary.Right);
                        break;
                    default:
                        Unknown = true;
                        break;
                }
            }
        }
    }
}
