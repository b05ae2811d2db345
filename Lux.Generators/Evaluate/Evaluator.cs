using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Model;

namespace Lux.Generators.Evaluate
{
    /// <summary>
    /// The Evaluate stage: gives Lux expressions their values. Pure and total over the subset: no IO,
    /// no clock, no reflection on user code; a value it cannot compute is an <see cref="EvaluationException"/>
    /// at the expression's span, never a guess.
    /// </summary>
    internal sealed class Evaluator
    {
        private const int MaxDepth = 200;
        private readonly Func<string, DeclarationSpec?> declarations;
        private readonly Dictionary<(string RecordKey, string Property), Value> propertyCache = new();
        private readonly HashSet<(string RecordKey, string Property)> evaluating = new();
        private int depth;

        public Evaluator(IReadOnlyDictionary<string, DeclarationSpec> declarations)
            : this(name => declarations.TryGetValue(name, out var spec) ? spec : null)
        {
        }

        /// <summary>An evaluator that finds the declaration of a record type by its full name (null: not a fleet record).</summary>
        public Evaluator(Func<string, DeclarationSpec?> declarations) => this.declarations = declarations;

        /// <summary>A fleet record created with no arguments (<c>new Polaris()</c>).</summary>
        public RecordValue Instantiate(DeclarationSpec spec) => new(spec.TypeName, spec.DisplayName, spec, NoProperties);

        /// <summary>A record's properties before any is set: one empty dictionary for all (WithComparers makes a new one each call).</summary>
        private static readonly ImmutableSortedDictionary<string, Value> NoProperties = ImmutableSortedDictionary<string, Value>.Empty.WithComparers(StringComparer.Ordinal);

        /// <summary>Reads a property of a record: what its creator set, else its declaration, else Lux's default.</summary>
        public Value Property(RecordValue record, string name, Value? fallback, SourceSpan at)
        {
            if (record.Explicit.TryGetValue(name, out var set))
                return set;
            var key = (record.Key, name);
            if (propertyCache.TryGetValue(key, out var cached))
                return cached;
            var declared = record.Spec?.Property(name);
            Value value;
            if (declared is not null)
            {
                if (!evaluating.Add(key))
                    throw EvaluationException.At(declared.Span, LuxDiagnostics.SelfReference, record.DisplayName, name);
                try
                {
                    value = Eval(declared.Value, Environment.Empty with { This = record });
                }
                finally
                {
                    evaluating.Remove(key);
                }
            }
            else
            {
                value = name switch
                {
                    // The two base properties whose default is not "absent" (see Lux.Host / Lux.User).
                    "Name" when record.Spec is { Kind: DeclarationKind.Host or DeclarationKind.User } => new StringValue(DslFacts.DefaultName(record.DisplayName)),
                    "System" when record.Spec is { Kind: DeclarationKind.Host } => new StringValue(DslFacts.DefaultSystem),
                    _ => fallback ?? NullValue.Instance,
                };
            }
            propertyCache[key] = value;
            return value;
        }

        public Value Eval(Expr expr, Environment env)
        {
            if (++depth > MaxDepth)
            {
                // Undo this level's count: every frame below unwinds through its own finally.
                depth--;
                throw EvaluationException.At(expr.Span, LuxDiagnostics.NestedTooDeep, MaxDepth);
            }
            try
            {
                return EvalCore(expr, env);
            }
            finally
            {
                depth--;
            }
        }

        private Value EvalCore(Expr expr, Environment env)
        {
            switch (expr)
            {
                case ConstExpr { Value: ulong big } c:
                    throw EvaluationException.At(c.Span, LuxDiagnostics.IntegerTooLarge, big);
                case ConstExpr c:
                    return FromConstant(c.Value);
                case ListExpr list:
                {
                    var items = ImmutableArray.CreateBuilder<Value>();
                    foreach (var item in list.Items)
                    {
                        var value = Eval(item.Value, env);
                        if (item.IsSpread)
                            items.AddRange(AsList(value, item.Value.Span).Items);
                        else
                            items.Add(value);
                    }
                    return new ListValue(items.ToImmutable());
                }
                case NameExpr name:
                    if (env.TryGetValue(name.Name, out var bound))
                        return bound;
                    throw EvaluationException.At(name.Span, LuxDiagnostics.NoValue, name.Name);
                case ThisExpr:
                    return env.This ?? throw EvaluationException.At(expr.Span, LuxDiagnostics.NoValue, "this");
                case ConditionalTargetExpr:
                    return env.ConditionalTarget ?? throw EvaluationException.At(expr.Span, LuxDiagnostics.NoConditionalTarget);
                case MemberExpr member:
                    return EvalMember(member, env);
                case NewRecordExpr creation:
                    return Create(creation, env);
                case WithExpr with:
                {
                    var target = Eval(with.Target, env);
                    if (target is not RecordValue record)
                        throw EvaluationException.At(with.Span, LuxDiagnostics.WithNeedsRecord, target.Describe());
                    var changed = record.Explicit;
                    foreach (var change in with.Changes)
                        changed = changed.SetItem(change.Name, Eval(change.Value, env));
                    return record with { Explicit = changed };
                }
                case OptionObjectExpr obj:
                    return EvalOptionObject(obj, env);
                case InterpolationExpr interpolation:
                    return EvalInterpolation(interpolation, env);
                case ConditionalExpr conditional:
                    return AsBool(Eval(conditional.Condition, env), conditional.Condition.Span)
                        ? Eval(conditional.WhenTrue, env)
                        : Eval(conditional.WhenFalse, env);
                case BinaryExpr binary:
                    return EvalBinary(binary, env);
                case UnaryExpr unary:
                {
                    var operand = Eval(unary.Operand, env);
                    return unary.Operator switch
                    {
                        "!" => AsBool(operand, unary.Span) ? BoolValue.False : BoolValue.True,
                        "-" when operand is IntValue i => new IntValue(Integer(unary.Span, () => checked(-i.Value))),
                        "-" when operand is FloatValue f => new FloatValue(-f.Value),
                        _ => throw EvaluationException.At(unary.Span, LuxDiagnostics.UnaryDoesNotApply, unary.Operator, operand.Describe()),
                    };
                }
                case ToFloatExpr toFloat:
                {
                    var operand = Eval(toFloat.Operand, env);
                    return operand is IntValue i ? new FloatValue(i.Value) : operand;
                }
                case IndexExpr index:
                {
                    var target = Eval(index.Target, env);
                    var key = Eval(index.Index, env);
                    if (target is ListValue list && key is IntValue i)
                    {
                        if (i.Value < 0 || i.Value >= list.Items.Length)
                            throw EvaluationException.At(index.Span, LuxDiagnostics.IndexOutsideList, i.Value, list.Items.Length);
                        return list.Items[(int)i.Value];
                    }
                    throw EvaluationException.At(index.Span, LuxDiagnostics.CannotIndex, target.Describe(), key.Describe());
                }
                case ConditionalAccessExpr conditional:
                {
                    var target = Eval(conditional.Target, env);
                    return target is NullValue ? NullValue.Instance : Eval(conditional.WhenNotNull, env with { ConditionalTarget = target });
                }
                case IsPatternExpr isPattern:
                    return Matches(Eval(isPattern.Subject, env), isPattern.Pattern, env) ? BoolValue.True : BoolValue.False;
                case SwitchExpr @switch:
                {
                    var subject = Eval(@switch.Subject, env);
                    foreach (var arm in @switch.Arms)
                    {
                        if (Matches(subject, arm.Pattern, env) && (arm.Guard is null || AsBool(Eval(arm.Guard, env), arm.Guard.Span)))
                            return Eval(arm.Value, env);
                    }
                    throw EvaluationException.At(@switch.Span, LuxDiagnostics.NoSwitchArm, subject.Describe());
                }
                case LambdaExpr lambda:
                    return new LambdaValue(lambda.Parameter, lambda.Body, env);
                case CallExpr call:
                    return Calls.Invoke(this, call, env);
                case PriorityExpr priority:
                {
                    var level = Eval(priority.Priority, env);
                    if (level is not IntValue p)
                        throw EvaluationException.At(priority.Priority.Span, LuxDiagnostics.PriorityNotInteger);
                    return new PriorityValue((int)p.Value, Eval(priority.Value, env));
                }
                case RawNixExpr raw:
                    return Eval(raw.Text, env) is StringValue text
                        ? new RawValue(text.Value)
                        : throw EvaluationException.At(raw.Span, LuxDiagnostics.RawNeedsString);
                case OptionRootExpr root:
                    return new OptionPathValue(root.Parameter, ImmutableArray<string>.Empty);
                case OptionMemberExpr optionMember:
                    return OptionPath(optionMember, env);
                case OptionIndexExpr optionIndex:
                {
                    var path = AsPath(Eval(optionIndex.Target, env), optionIndex.Span);
                    var key = Eval(optionIndex.Key, env);
                    if (key is not StringValue name)
                        throw EvaluationException.At(optionIndex.Key.Span, LuxDiagnostics.AttributeNameNotString, key.Describe());
                    if (NixSyntax.WhyNotText(name.Value) is { } reason)
                        throw EvaluationException.At(optionIndex.Key.Span, LuxDiagnostics.AttributeNameNotNixText, reason);
                    return path with { Segments = path.Segments.Add(name.Value) };
                }
                case UnsupportedExpr unsupported:
                    // Already reported by Parse (LUX0001); stop here rather than guess a value.
                    throw EvaluationException.At(unsupported.Span, LuxDiagnostics.Unsupported, unsupported.What, unsupported.Instead);
                default:
                    throw EvaluationException.At(expr.Span, LuxDiagnostics.CannotEvaluate);
            }
        }

        // The cases that need a lambda over env live in methods of their own: a lambda in EvalCore would allocate its closure
        // on every evaluation of every expression, the lambda used or not.
        private OptionObjectValue EvalOptionObject(OptionObjectExpr obj, Environment env) =>
            new(obj.Members.Select(m => new OptionMember(m.Name, Eval(m.Value, env), m.Value.Span)).ToImmutableArray());

        private StringValue EvalInterpolation(InterpolationExpr interpolation, Environment env) =>
            new(ValueText.Join(interpolation.Parts.Select(p => ValueText.ToInterpolated(Readable(Eval(p, env), p.Span)))));

        /// <summary>
        /// A chain of option members (<c>os.Services.OpenSsh.Ports</c>) as one path: its base evaluated once and every name
        /// added at once, rather than a path and an array for each member of the chain.
        /// </summary>
        private OptionPathValue OptionPath(OptionMemberExpr last, Environment env)
        {
            var names = 1;
            var first = last;
            while (first.Target is OptionMemberExpr inner)
            {
                first = inner;
                names++;
            }
            var start = AsPath(Eval(first.Target, env), first.Span);
            var segments = ImmutableArray.CreateBuilder<string>(start.Segments.Length + names);
            segments.AddRange(start.Segments);
            segments.Count = start.Segments.Length + names;
            // The chain is read from its end, so its names fill the path from the back.
            var member = last;
            for (var at = segments.Count - 1; ; at--)
            {
                segments[at] = member.NixName;
                if (ReferenceEquals(member, first))
                    break;
                member = (OptionMemberExpr)member.Target;
            }
            return start with { Segments = segments.MoveToImmutable() };
        }

        private Value EvalMember(MemberExpr member, Environment env)
        {
            var target = Eval(member.Target, env);
            var fallback = member.Default is null ? null : Eval(member.Default, Environment.Empty);
            switch (target)
            {
                case RecordValue record:
                    return Property(record, member.Member, fallback, member.Span);
                case ListValue list when member.Member == "Names":
                    return Names(list, member.Span);
                case ListValue list when member.Member is "Count" or "Length":
                    return new IntValue(list.Items.Length);
                case StringValue s when member.Member == "Length":
                    return new IntValue(s.Value.Length);
                case NullValue:
                    throw EvaluationException.At(member.Span, LuxDiagnostics.ReadFromNull, member.Member);
                case OptionPathValue:
                    throw EvaluationException.At(member.Span, LuxDiagnostics.OptionRead);
                default:
                    throw EvaluationException.At(member.Span, LuxDiagnostics.NotAReadableMember, member.Member, target.Describe());
            }
        }

        /// <summary><c>users.Names</c>: each record's Name (a method of its own, for the same reason as <see cref="EvalOptionObject"/>).</summary>
        private ListValue Names(ListValue list, SourceSpan at) =>
            new(list.Items.Select(i => i is RecordValue r ? Property(r, "Name", null, at) : throw EvaluationException.At(at, LuxDiagnostics.NamesNeedsRecords)).ToImmutableArray());

        private Value Create(NewRecordExpr creation, Environment env)
        {
            var spec = declarations(creation.TypeName);
            var props = NoProperties;
            foreach (var argument in creation.Arguments)
                props = props.SetItem(argument.Name, Eval(argument.Value, env));
            return new RecordValue(creation.TypeName, creation.DisplayName, spec, props);
        }

        private Value EvalBinary(BinaryExpr binary, Environment env)
        {
            switch (binary.Operator)
            {
                case "&&":
                    return AsBool(Eval(binary.Left, env), binary.Left.Span) && AsBool(Eval(binary.Right, env), binary.Right.Span) ? BoolValue.True : BoolValue.False;
                case "||":
                    return AsBool(Eval(binary.Left, env), binary.Left.Span) || AsBool(Eval(binary.Right, env), binary.Right.Span) ? BoolValue.True : BoolValue.False;
                case "??":
                {
                    var left = Eval(binary.Left, env);
                    return left is NullValue ? Eval(binary.Right, env) : left;
                }
            }
            var l = Readable(Eval(binary.Left, env), binary.Left.Span);
            var r = Readable(Eval(binary.Right, env), binary.Right.Span);
            switch (binary.Operator)
            {
                case "==": return l.Key == r.Key ? BoolValue.True : BoolValue.False;
                case "!=": return l.Key != r.Key ? BoolValue.True : BoolValue.False;
                case "+" when l is StringValue || r is StringValue:
                    return new StringValue(ValueText.ToInterpolated(l) + ValueText.ToInterpolated(r));
            }
            if (l is IntValue li && r is IntValue ri)
                return IntegerBinary(binary, li.Value, ri.Value);
            if (AsNumber(l) is { } ld && AsNumber(r) is { } rd)
            {
                return binary.Operator switch
                {
                    "+" => new FloatValue(ld + rd),
                    "-" => new FloatValue(ld - rd),
                    "*" => new FloatValue(ld * rd),
                    "/" => new FloatValue(ld / rd),
                    "<" => ld < rd ? BoolValue.True : BoolValue.False,
                    ">" => ld > rd ? BoolValue.True : BoolValue.False,
                    "<=" => ld <= rd ? BoolValue.True : BoolValue.False,
                    ">=" => ld >= rd ? BoolValue.True : BoolValue.False,
                    _ => throw EvaluationException.At(binary.Span, LuxDiagnostics.FloatOperator, binary.Operator),
                };
            }
            if (binary.Operator == "+" && l is ListValue ll && r is ListValue rl)
                return new ListValue(ll.Items.AddRange(rl.Items));
            throw EvaluationException.At(binary.Span, LuxDiagnostics.BinaryDoesNotApply, binary.Operator, l.Describe(), r.Describe());
        }

        /// <summary>An operator on two integers. Apart from <see cref="EvalBinary"/>, whose every call would otherwise allocate these lambdas' closure.</summary>
        private static Value IntegerBinary(BinaryExpr binary, long left, long right) => binary.Operator switch
        {
            "+" => new IntValue(Integer(binary.Span, () => checked(left + right))),
            "-" => new IntValue(Integer(binary.Span, () => checked(left - right))),
            "*" => new IntValue(Integer(binary.Span, () => checked(left * right))),
            "/" when right != 0 => new IntValue(Integer(binary.Span, () => left / right)),
            "%" when right != 0 => new IntValue(Integer(binary.Span, () => left % right)),
            "<" => left < right ? BoolValue.True : BoolValue.False,
            ">" => left > right ? BoolValue.True : BoolValue.False,
            "<=" => left <= right ? BoolValue.True : BoolValue.False,
            ">=" => left >= right ? BoolValue.True : BoolValue.False,
            _ => throw EvaluationException.At(binary.Span, LuxDiagnostics.DivisionByZero),
        };

        /// <summary>Integer arithmetic as C# checks it; an overflow is an error at the expression, not a wrapped value.</summary>
        private static long Integer(SourceSpan at, Func<long> compute)
        {
            try
            {
                return compute();
            }
            catch (OverflowException)
            {
                // long.MinValue / -1 overflows too, checked or not.
                throw EvaluationException.At(at, LuxDiagnostics.IntegerOverflow);
            }
        }

        public bool Matches(Value subject, Pattern pattern, Environment env)
        {
            switch (pattern)
            {
                case DiscardPattern:
                    return true;
                case ConstantPattern constant:
                    return Eval(constant.Value, env).Key == subject.Key;
                case TypePattern type:
                    return subject is RecordValue record && record.TypeName == type.TypeName ||
                           type.TypeName switch
                           {
                               "string" => subject is StringValue,
                               "int" or "long" => subject is IntValue,
                               "double" => subject is FloatValue,
                               "bool" => subject is BoolValue,
                               _ => false,
                           };
                case KindPattern kind:
                    return subject is RecordValue { Spec: { } spec } && spec.Kind == kind.Kind;
                case RelationalPattern relational:
                {
                    var bound = AsNumber(Eval(relational.Value, env));
                    var value = AsNumber(subject);
                    if (bound is null || value is null)
                        return false;
                    return relational.Operator switch
                    {
                        "<" => value < bound,
                        ">" => value > bound,
                        "<=" => value <= bound,
                        ">=" => value >= bound,
                        _ => false,
                    };
                }
                case NotPattern not:
                    return !Matches(subject, not.Inner, env);
                case BinaryPattern binary:
                    return binary.IsAnd
                        ? Matches(subject, binary.Left, env) && Matches(subject, binary.Right, env)
                        : Matches(subject, binary.Left, env) || Matches(subject, binary.Right, env);
                default:
                    return false;
            }
        }

        public static Value FromConstant(object? constant) => constant switch
        {
            null => NullValue.Instance,
            bool b => b ? BoolValue.True : BoolValue.False,
            long l => new IntValue(l),
            double d => new FloatValue(d),
            string s => new StringValue(s),
            _ => new StringValue(Convert.ToString(constant, CultureInfo.InvariantCulture) ?? ""),
        };

        public static bool AsBool(Value value, SourceSpan at) =>
            Readable(value, at) is BoolValue b ? b.Value : throw EvaluationException.At(at, LuxDiagnostics.ExpectedBool, value.Describe());

        /// <summary>An option path used as a value means the config reads an option back, which Lux cannot know.</summary>
        public static Value Readable(Value value, SourceSpan at) =>
            value is OptionPathValue
                ? throw EvaluationException.At(at, LuxDiagnostics.OptionRead)
                : value;

        public static ListValue AsList(Value value, SourceSpan at) => value switch
        {
            ListValue list => list,
            NullValue => ListValue.Empty,
            _ => throw EvaluationException.At(at, LuxDiagnostics.ExpectedList, value.Describe()),
        };

        private static OptionPathValue AsPath(Value value, SourceSpan at) =>
            value as OptionPathValue ?? throw EvaluationException.At(at, LuxDiagnostics.ExpectedOptionPath);

        private static double? AsNumber(Value value) => value switch
        {
            IntValue i => i.Value,
            FloatValue f => f.Value,
            _ => null,
        };
    }
}
