using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Lux.Generators.Emit
{
    /// <summary>The records written, into a lent builder (<see cref="TextBuilders"/>): at L they are some 17 million characters.</summary>
    internal static partial class ExplainRecordFormat
    {
        /// <summary>The host's record as text.</summary>
        public static string Write(HostExplanation host)
        {
            var w = new RecordWriter(HostHeader);
            w.Row("host").Field(host.Name).Field(host.Record).Field(host.Includes).End();
            foreach (var user in host.Users)
                w.Row("user").Field(user.Name).Field(user.Record).Field(user.Includes).End();
            foreach (var aspect in host.Aspects)
            {
                w.Row("aspect").Field(aspect.Name).Field(aspect.Kind).Field(aspect.Instance).Fields(aspect.Users).End();
                foreach (var chain in aspect.Chains)
                {
                    w.Row("chain");
                    foreach (var step in chain)
                        w.Field(step.Kind).Field(step.Name);
                    w.End();
                }
            }
            foreach (var option in host.Options)
            {
                w.Row("option").Field(option.User).Field(option.Path).Field(option.Priority).Field(option.Merge).Field(option.Value).End();
                // A definition whose value is the option's (the usual single one) leaves it out.
                foreach (var d in option.Definitions)
                    w.Row("def").Field(d.Priority).Field(d.Place).Field(d.Aspect).Field(d.Member).Field(d.Stage).Field(d.Value == option.Value ? "" : d.Value).End();
            }
            if (host.Recovery is { } recovery)
            {
                w.Row("recovery").Fields(recovery.Users).End();
                foreach (var rule in recovery.Rules)
                {
                    w.Row("rule").Field(rule.Id).Field(rule.Requirement).Fields(rule.Options).End();
                    foreach (var finding in rule.Findings)
                        w.Row("finding").Field(finding.Place).Field(finding.Message).End();
                }
            }
            foreach (var error in host.Errors)
                w.Row("error").Field(error.Place).Field(error.Message).End();
            return w.Finish();
        }

        /// <summary>The index as text.</summary>
        public static string Write(FleetIndex index)
        {
            var w = new RecordWriter(IndexHeader);
            foreach (var host in index.Hosts)
                w.Row("host").Field(host).End();
            foreach (var user in index.Users)
                w.Row("user").Field(user.Name).Field(user.Record).End();
            foreach (var aspect in index.Aspects)
            {
                w.Row("aspect").Field(aspect.Name).Field(aspect.Kind).Field(aspect.Place).End();
                foreach (var (stage, member) in aspect.Gates)
                    w.Row("gate").Field(stage).Field(member).End();
                // One row per kind of includer, its names after it: the index stays a line per profile even when a thousand hosts include it.
                foreach (var kind in aspect.IncludedBy.GroupBy(s => s.Kind))
                {
                    w.Row("included-by").Field(kind.Key);
                    foreach (var step in kind)
                        w.Field(step.Name);
                    w.End();
                }
            }
            return w.Finish();
        }

        /// <summary>Rows of tab-separated, escaped fields, one a line.</summary>
        private sealed class RecordWriter
        {
            private readonly StringBuilder text = TextBuilders.Rent();

            public RecordWriter(string header)
            {
                text.Append(header);
            }

            public RecordWriter Row(string tag)
            {
                text.Append('\n').Append(tag);
                return this;
            }

            public RecordWriter Field(string field)
            {
                text.Append('\t');
                foreach (var c in field)
                {
                    switch (c)
                    {
                        case '\\': text.Append("\\\\"); break;
                        case '\t': text.Append("\\t"); break;
                        case '\n': text.Append("\\n"); break;
                        case '\r': text.Append("\\r"); break;
                        default: text.Append(c); break;
                    }
                }
                return this;
            }

            /// <summary>A number's invariant digits; one that is not negative is appended without a string of its own.</summary>
            public RecordWriter Field(int number)
            {
                text.Append('\t');
                if (number >= 0)
                    text.Append(number);
                else
                    text.Append(number.ToString(CultureInfo.InvariantCulture));
                return this;
            }

            /// <summary>A place as two fields, file and line; both empty for <see cref="Place.None"/>.</summary>
            public RecordWriter Field(Place place) => place.IsNone ? Field("").Field("") : Field(place.File).Field(place.Line);

            public RecordWriter Fields(List<string> fields)
            {
                foreach (var field in fields)
                    Field(field);
                return this;
            }

            /// <summary>A row ends where the next begins; kept so each row reads as one.</summary>
            public void End()
            {
            }

            /// <summary>The text written; the writer is done with.</summary>
            public string Finish() => TextBuilders.Finish(text);
        }
    }
}
