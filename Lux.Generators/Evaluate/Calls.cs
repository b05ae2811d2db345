using System;
using System.Collections.Immutable;
using System.Linq;
using Lux.Generators.Diagnostics;
using Lux.Generators.Model;

namespace Lux.Generators.Evaluate
{
    /// <summary>The calls Lux evaluates: a few LINQ operators, string methods and string.Join.</summary>
    internal static class Calls
    {
        public static Value Invoke(Evaluator evaluator, CallExpr call, Environment env)
        {
            var args = call.Arguments.Select(a => evaluator.Eval(a, env)).ToArray();
            if (call.Receiver is null)
            {
                if (call.Method == "Join" && args.Length == 2 && args[0] is StringValue separator)
                    return new StringValue(string.Join(separator.Value, Evaluator.AsList(args[1], call.Arguments[1].Span).Items.Select(ValueText.ToInterpolated)));
                throw EvaluationException.At(call.Span, LuxDiagnostics.CallArguments, call.Method);
            }

            var receiver = evaluator.Eval(call.Receiver, env);
            if (receiver is StringValue text)
                return StringMethod(call, text.Value, args);
            if (receiver is NullValue)
                throw EvaluationException.At(call.Span, LuxDiagnostics.CalledOnNull, call.Method);

            var items = Evaluator.AsList(receiver, call.Receiver.Span).Items;
            Value Apply(Value lambda, Value item) => lambda is LambdaValue l
                ? evaluator.Eval(l.Body, l.Closure.With(l.Parameter, item))
                : throw EvaluationException.At(call.Span, LuxDiagnostics.TakesLambda, call.Method);
            bool Test(Value lambda, Value item) => Evaluator.AsBool(Apply(lambda, item), call.Span);
            Value Arg(int i) => i < args.Length ? args[i] : throw EvaluationException.At(call.Span, LuxDiagnostics.TooFewArguments, call.Method, i + 1);

            switch (call.Method)
            {
                case "Select":
                    return new ListValue(items.Select(i => Apply(Arg(0), i)).ToImmutableArray());
                case "SelectMany":
                    return new ListValue(items.SelectMany(i => Evaluator.AsList(Apply(Arg(0), i), call.Span).Items).ToImmutableArray());
                case "Where":
                    return new ListValue(items.Where(i => Test(Arg(0), i)).ToImmutableArray());
                case "Any":
                    return args.Length == 0 ? Bool(items.Length > 0) : Bool(items.Any(i => Test(Arg(0), i)));
                case "All":
                    return Bool(items.All(i => Test(Arg(0), i)));
                case "Count":
                    return new IntValue(args.Length == 0 ? items.Length : items.Count(i => Test(Arg(0), i)));
                case "Contains":
                    return Bool(items.Any(i => i.Key == Arg(0).Key));
                case "ToArray":
                case "ToList":
                    return receiver;
                case "Concat":
                    return new ListValue(items.AddRange(Evaluator.AsList(Arg(0), call.Span).Items));
                case "Distinct":
                    return new ListValue(items.GroupBy(i => i.Key, StringComparer.Ordinal).Select(g => g.First()).ToImmutableArray());
                case "OrderBy":
                case "OrderByDescending":
                {
                    // Ordinal, culture-free ordering keeps nix-out identical on every machine.
                    var keyed = items.Select(i => (Item: i, Key: Apply(Arg(0), i))).ToArray();
                    var ordered = keyed.OrderBy(k => k.Key, ValueComparer.Instance).Select(k => k.Item);
                    return new ListValue((call.Method == "OrderBy" ? ordered : ordered.Reverse()).ToImmutableArray());
                }
                case "First":
                {
                    var found = args.Length == 0 ? items : items.Where(i => Test(Arg(0), i)).ToImmutableArray();
                    return found.Length > 0 ? found[0] : throw EvaluationException.At(call.Span, LuxDiagnostics.FirstFoundNothing);
                }
                case "FirstOrDefault":
                {
                    var found = args.Length == 0 ? items : items.Where(i => Test(Arg(0), i)).ToImmutableArray();
                    return found.Length > 0 ? found[0] : NullValue.Instance;
                }
                default:
                    throw EvaluationException.At(call.Span, LuxDiagnostics.UnknownCall, call.Method);
            }
        }

        private static Value StringMethod(CallExpr call, string text, Value[] args)
        {
            string Arg(int i) => i < args.Length && args[i] is StringValue s ? s.Value : throw EvaluationException.At(call.Span, LuxDiagnostics.TakesStrings, call.Method);
            return call.Method switch
            {
                "ToLowerInvariant" => new StringValue(text.ToLowerInvariant()),
                "ToUpperInvariant" => new StringValue(text.ToUpperInvariant()),
                "Trim" when args.Length == 0 => new StringValue(text.Trim()),
                "StartsWith" => Bool(text.StartsWith(Arg(0), StringComparison.Ordinal)),
                "EndsWith" => Bool(text.EndsWith(Arg(0), StringComparison.Ordinal)),
                "Contains" => Bool(text.IndexOf(Arg(0), StringComparison.Ordinal) >= 0),
                "Replace" => new StringValue(Arg(0).Length == 0 ? text : text.Replace(Arg(0), Arg(1))),
                "IndexOf" => new IntValue(text.IndexOf(Arg(0), StringComparison.Ordinal)),
                "LastIndexOf" => new IntValue(text.LastIndexOf(Arg(0), StringComparison.Ordinal)),
                "Substring" => Substring(call, text, args),
                "Split" when args.Length == 1 => new ListValue(text.Split(new[] { Arg(0) }, StringSplitOptions.None).Select(p => (Value)new StringValue(p)).ToImmutableArray()),
                _ => throw EvaluationException.At(call.Span, LuxDiagnostics.StringCallArguments, call.Method),
            };
        }

        private static Value Substring(CallExpr call, string text, Value[] args)
        {
            var start = args.Length > 0 && args[0] is IntValue s ? s.Value : -1;
            var length = args.Length > 1 && args[1] is IntValue l ? l.Value : text.Length - start;
            if (start < 0 || length < 0 || start + length > text.Length)
                throw EvaluationException.At(call.Span, LuxDiagnostics.SubstringOutside, start, length, text, text.Length);
            return new StringValue(text.Substring((int)start, (int)length));
        }

        private static Value Bool(bool value) => value ? BoolValue.True : BoolValue.False;

        private sealed class ValueComparer : System.Collections.Generic.IComparer<Value>
        {
            public static readonly ValueComparer Instance = new();

            public int Compare(Value? x, Value? y) => (x, y) switch
            {
                (IntValue a, IntValue b) => a.Value.CompareTo(b.Value),
                (FloatValue a, FloatValue b) => a.Value.CompareTo(b.Value),
                (StringValue a, StringValue b) => string.CompareOrdinal(a.Value, b.Value),
                _ => string.CompareOrdinal(x?.Key, y?.Key),
            };
        }
    }
}
