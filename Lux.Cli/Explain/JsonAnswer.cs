using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lux.Generators.Emit;

namespace Lux.Cli.Explain
{
    /// <summary>
    /// An answer for scripts: <c>lux explain --json</c>. The shape is documented in docs/explain.md and pinned by
    /// ExplainCommandTests; a field is added, never renamed or removed, without a new "kind".
    /// </summary>
    internal static class JsonAnswer
    {
        private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static void Write(ExplainAnswer answer, TextWriter output) => Emit(output, answer switch
        {
            OptionsAnswer options => json => Options_(options, json),
            AspectAnswer aspect => json => Aspect(aspect, json),
            HostAnswer host => json => Host(host.Record, json),
            _ => throw new System.ArgumentOutOfRangeException(nameof(answer), answer.GetType().Name),
        });

        public static void Write(ExplainException error, TextWriter output) => Emit(output, json =>
        {
            json.WriteString("kind", "error");
            json.WriteString("error", error.Kind);
            if (error.Name is null)
                json.WriteNull("name");
            else
                json.WriteString("name", error.Name);
            json.WriteString("message", error.Message);
            Strings(json, "suggestions", error.Suggestions);
        });

        private static void Emit(TextWriter output, System.Action<Utf8JsonWriter> body)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, Options))
            {
                json.WriteStartObject();
                body(json);
                json.WriteEndObject();
            }
            output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        }

        private static void Options_(OptionsAnswer answer, Utf8JsonWriter json)
        {
            Kind(json, answer.Exact ? "option" : "options", answer.Host);
            NullableString(json, "user", answer.User);
            if (answer.Exact)
            {
                json.WritePropertyName("option");
                Option(answer.Options[0], json);
            }
            else
            {
                json.WriteString("prefix", answer.Path);
                json.WriteStartArray("options");
                foreach (var option in answer.Options)
                    Option(option, json);
                json.WriteEndArray();
            }
            if (!answer.RecoveryHost)
            {
                json.WriteNull("recovery");
                return;
            }
            json.WriteStartObject("recovery");
            Rules(json, answer.Rules);
            json.WriteEndObject();
        }

        private static void Option(ExplainedOption option, Utf8JsonWriter json)
        {
            json.WriteStartObject();
            json.WriteString("path", option.Path);
            if (option.Merge == MergeKind.Conflict)
                json.WriteNull("value");
            else
                json.WriteString("value", option.Value);
            json.WriteNumber("priority", option.Priority);
            json.WriteString("merge", option.Merge);
            json.WriteString("why", Explainer.Why(option));
            json.WriteStartArray("definitions");
            foreach (var definition in option.Definitions)
            {
                json.WriteStartObject();
                PlaceFields(json, definition.Place);
                json.WriteString("aspect", definition.Aspect);
                json.WriteString("member", definition.Member);
                json.WriteString("stage", definition.Stage);
                json.WriteNumber("priority", definition.Priority);
                json.WriteString("value", definition.Value);
                json.WriteBoolean("wins", Explainer.Wins(option, definition));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void Rules(Utf8JsonWriter json, IEnumerable<RuleVerdict> rules)
        {
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("requirement", rule.Requirement);
                json.WriteBoolean("met", rule.Met);
                Strings(json, "options", rule.Options);
                Findings(json, "findings", rule.Findings);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        private static void Aspect(AspectAnswer answer, Utf8JsonWriter json)
        {
            Kind(json, "aspect", answer.Host);
            json.WriteString("aspect", answer.Aspect);
            json.WriteString("aspectKind", answer.Kind);
            json.WritePropertyName("declared");
            Place(json, answer.Declared);
            json.WriteStartArray("gates");
            foreach (var (stage, member) in answer.Gates)
            {
                json.WriteStartObject();
                json.WriteString("stage", stage);
                json.WriteString("member", member);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteBoolean("applies", answer.Applies);
            json.WriteStartArray("uses");
            foreach (var use in answer.Uses)
                AspectUse(json, use);
            json.WriteEndArray();
            Strings(json, "otherUsers", answer.OtherUsers);
            json.WriteStartArray("includedBy");
            foreach (var includer in answer.Includers)
                Includer(json, includer);
            json.WriteEndArray();
            Strings(json, "wouldBeBroughtBy", Explainer.Bringers(answer));
            json.WriteStartArray("defines");
            foreach (var option in answer.Made)
            {
                json.WriteStartObject();
                NullableString(json, "user", option.User.Length == 0 ? null : option.User);
                json.WriteString("path", option.Path);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        private static void Includer(Utf8JsonWriter json, Includer includer)
        {
            json.WriteStartObject();
            Step(json, includer.Step.Kind, includer.Step.Name);
            json.WriteStartArray("includedBy");
            foreach (var above in includer.IncludedBy)
                Includer(json, above);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void AspectUse(Utf8JsonWriter json, AspectUse use)
        {
            json.WriteStartObject();
            Step(json, use.Kind, use.Name);
            json.WriteString("instance", use.Instance);
            Strings(json, "users", use.Users);
            json.WriteStartArray("chains");
            foreach (var chain in use.Chains)
            {
                json.WriteStartArray();
                foreach (var step in chain)
                {
                    json.WriteStartObject();
                    Step(json, step.Kind, step.Name);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void Host(HostExplanation host, Utf8JsonWriter json)
        {
            Kind(json, "host", host.Name);
            json.WriteString("record", host.Record);
            json.WriteStartArray("users");
            foreach (var user in host.Users)
            {
                json.WriteStartObject();
                json.WriteString("name", user.Name);
                json.WriteString("record", user.Record);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("aspects");
            foreach (var aspect in host.Aspects)
                AspectUse(json, aspect);
            json.WriteEndArray();
            json.WriteStartObject("optionCounts");
            json.WriteNumber("nixos", host.Options.Count(o => o.User.Length == 0));
            json.WriteStartObject("homeManager");
            foreach (var user in host.Users)
                json.WriteNumber(user.Name, host.Options.Count(o => o.User == user.Name));
            json.WriteEndObject();
            json.WriteEndObject();
            if (host.Recovery is { } recovery)
            {
                json.WriteStartObject("recovery");
                Strings(json, "users", recovery.Users);
                Rules(json, recovery.Rules);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("recovery");
            }
            Findings(json, "errors", host.Errors);
        }

        /// <summary>A host, user, profile or feature: on a chain, including an aspect, or the aspect used.</summary>
        private static void Step(Utf8JsonWriter json, string kind, string name)
        {
            json.WriteString("kind", kind);
            json.WriteString("name", name);
        }

        /// <summary>The two fields every answer starts with.</summary>
        private static void Kind(Utf8JsonWriter json, string kind, string host)
        {
            json.WriteString("kind", kind);
            json.WriteString("host", host);
        }

        private static void Findings(Utf8JsonWriter json, string name, IEnumerable<Finding> findings)
        {
            json.WriteStartArray(name);
            foreach (var finding in findings)
            {
                json.WriteStartObject();
                PlaceFields(json, finding.Place);
                json.WriteString("message", finding.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        /// <summary>file and line, both null for a definition Lux made with no place in the config.</summary>
        private static void PlaceFields(Utf8JsonWriter json, Place place)
        {
            if (place.IsNone)
            {
                json.WriteNull("file");
                json.WriteNull("line");
                return;
            }
            json.WriteString("file", place.File);
            json.WriteNumber("line", place.Line);
        }

        private static void Place(Utf8JsonWriter json, Place place)
        {
            if (place.IsNone)
            {
                json.WriteNullValue();
                return;
            }
            json.WriteStartObject();
            PlaceFields(json, place);
            json.WriteEndObject();
        }

        private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
        {
            json.WriteStartArray(name);
            foreach (var value in values)
                json.WriteStringValue(value);
            json.WriteEndArray();
        }

        private static void NullableString(Utf8JsonWriter json, string name, string? value)
        {
            if (value is null)
                json.WriteNull(name);
            else
                json.WriteString(name, value);
        }
    }
}
