using System.Collections.Generic;
using System.Collections.Immutable;
using Lux.Generators.Diagnostics;
using Lux.Generators.Evaluate;
using Lux.Generators.Model;

namespace Lux.Generators.Resolve
{
    /// <summary>Runs the statements of one gate in one context and collects the option definitions they make.</summary>
    internal sealed class GateRunner
    {
        private readonly Evaluator evaluator;
        private readonly EquatableArray<GateParameter> parameters;
        private readonly List<(ParameterRole Role, Definition Definition)> sink;
        private readonly DefinitionOrigin origin;

        /// <param name="parameters">The gate's parameters: those that are option trees are the roots it may assign under.</param>
        /// <param name="origin">The aspect and gate whose statements run: every definition they make carries it.</param>
        public GateRunner(Evaluator evaluator, EquatableArray<GateParameter> parameters, List<(ParameterRole, Definition)> sink, DefinitionOrigin origin)
        {
            this.evaluator = evaluator;
            this.parameters = parameters;
            this.sink = sink;
            this.origin = origin;
        }

        /// <summary>Runs statements in order; false when a <c>return;</c> ended the gate.</summary>
        public bool Run(EquatableArray<Stmt> statements, Environment env)
        {
            foreach (var statement in statements)
            {
                if (statement is ReturnStmt)
                    return false;
                if (!Run(statement, ref env))
                    return false;
            }
            return true;
        }

        private bool Run(Stmt statement, ref Environment env)
        {
            switch (statement)
            {
                case AssignStmt assign:
                    Assign(assign, env);
                    return true;
                case LetStmt let:
                    env = env.With(let.Name, evaluator.Eval(let.Value, env));
                    return true;
                case ForeachStmt loop:
                    foreach (var item in Evaluator.AsList(evaluator.Eval(loop.Collection, env), loop.Collection.Span).Items)
                    {
                        if (!Run(loop.Body, env.With(loop.Variable, item)))
                            return false;
                    }
                    return true;
                case IfStmt @if:
                    return Run(Evaluator.AsBool(evaluator.Eval(@if.Condition, env), @if.Condition.Span) ? @if.Then : @if.Else, env);
                case UnsupportedStmt unsupported:
                    throw EvaluationException.At(unsupported.Span, LuxDiagnostics.Unsupported, unsupported.What, unsupported.Instead);
                default:
                    throw EvaluationException.At(statement.Span, LuxDiagnostics.CannotRun);
            }
        }

        private void Assign(AssignStmt assign, Environment env)
        {
            if (evaluator.Eval(assign.Target, env) is not OptionPathValue target || RootRole(target.Root) is not { } role)
                throw EvaluationException.At(assign.Target.Span, LuxDiagnostics.AssignsOtherRoot);
            var path = target.Segments;
            if (assign.SubPath is not null)
            {
                if (evaluator.Eval(assign.SubPath, env) is not StringValue sub)
                    throw EvaluationException.At(assign.SubPath.Span, LuxDiagnostics.SetPathNotString);
                path = path.AddRange(SplitPath(sub.Value, assign.SubPath.Span));
                foreach (var segment in path)
                {
                    if (NixSyntax.WhyNotText(segment) is { } reason)
                        throw EvaluationException.At(assign.SubPath.Span, LuxDiagnostics.OptionPathNotNixText, reason);
                }
            }
            if (path.Length == 0)
                throw EvaluationException.At(assign.Span, LuxDiagnostics.AssignsWholeConfig);
            var value = evaluator.Eval(assign.Value, env);
            CheckAssignable(value, assign.Value.Span);
            sink.Add((role, new Definition(path, value, Definition.PlainPriority, assign.Span, origin)));
        }

        /// <summary>The option tree a parameter of the gate is (NixOS or home-manager), or null for the host, the user, or no parameter.</summary>
        private ParameterRole? RootRole(string name)
        {
            foreach (var parameter in parameters)
            {
                if (parameter.Name == name)
                    return parameter.Role is ParameterRole.Host or ParameterRole.User ? null : parameter.Role;
            }
            return null;
        }

        /// <summary>
        /// Only data Nix can hold leaves a gate: a record or a lambda is a mistake, and so is text or a number
        /// Nix cannot represent (LUX0004), named here at the value rather than emitted wrong.
        /// </summary>
        private static void CheckAssignable(Value value, SourceSpan at)
        {
            switch (value)
            {
                case RecordValue record:
                    throw EvaluationException.At(at, LuxDiagnostics.RecordAssigned, record.DisplayName);
                case LambdaValue:
                    throw EvaluationException.At(at, LuxDiagnostics.LambdaAssigned);
                case OptionPathValue:
                    throw EvaluationException.At(at, LuxDiagnostics.OptionAssigned);
                case ListValue list:
                    foreach (var item in list.Items)
                        CheckAssignable(item, at);
                    break;
                case OptionObjectValue obj:
                    foreach (var member in obj.Members)
                        CheckAssignable(member.Value, member.Span);
                    break;
                case PriorityValue priority:
                    CheckAssignable(priority.Inner, at);
                    break;
                case StringValue text when NixSyntax.WhyNotText(text.Value) is { } reason:
                    throw EvaluationException.At(at, LuxDiagnostics.NotNixData, reason);
                case RawValue raw when NixSyntax.WhyNotText(raw.Text) is { } reason:
                    throw EvaluationException.At(at, LuxDiagnostics.RawNotNixText, reason);
                case FloatValue number when NixSyntax.WhyNotFloat(number.Value) is { } reason:
                    throw EvaluationException.At(at, LuxDiagnostics.NotNixData, reason);
            }
        }

        /// <summary>Splits "a.b.\"DP-1\".c" into segments; quoted segments may hold dots.</summary>
        public static ImmutableArray<string> SplitPath(string path, SourceSpan at)
        {
            var segments = ImmutableArray.CreateBuilder<string>();
            var start = 0;
            var quoted = false;
            var wasQuoted = false;
            for (var i = 0; i <= path.Length; i++)
            {
                if (i < path.Length && path[i] == '"')
                {
                    quoted = !quoted;
                    wasQuoted = true;
                    continue;
                }
                if (i < path.Length && (path[i] != '.' || quoted))
                    continue;
                if (quoted)
                    throw EvaluationException.At(at, LuxDiagnostics.UnclosedQuote, path);
                // A segment is its text between dots, quotes dropped; most have none, and are cut out as they are.
                var segment = path.Substring(start, i - start);
                if (wasQuoted)
                    segment = segment.Replace("\"", "");
                else if (segment.Length == 0)
                    throw EvaluationException.At(at, LuxDiagnostics.EmptySegment, path);
                segments.Add(segment);
                start = i + 1;
                wasQuoted = false;
            }
            return segments.ToImmutable();
        }
    }
}
