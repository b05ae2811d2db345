using System.CommandLine;
using System.IO;

namespace Lux.Cli.Explain
{
    /// <summary>
    /// <c>lux explain &lt;host&gt; [&lt;option path&gt;] [--user &lt;name&gt;] [--aspect &lt;name&gt;] [--project &lt;dir|csproj&gt;] [--json]</c>:
    /// answers from the explain records the fleet's last build left in obj/ (see <see cref="FleetProject"/>).
    /// </summary>
    internal static class ExplainCommand
    {
        public static Command Command(TextWriter output, TextWriter error, string currentDirectory)
        {
            var host = new Argument<string>("host") { Description = "The host, by its name in nix-out (orion)." };
            var path = new Argument<string?>("option")
            {
                Description = "An option path as Nix writes it (services.openssh.settings.PasswordAuthentication), or a prefix of one (services.openssh) " +
                    "to list what is defined below it. Without it, the host at a glance.",
                Arity = ArgumentArity.ZeroOrOne,
            };
            var user = new Option<string>("--user", "-u") { Description = "Ask about this user's home-manager options on the host.", HelpName = "name" };
            var aspect = new Option<string>("--aspect", "-a")
            {
                Description = "Ask whether a feature or profile applies to the host and its users, and if not, what would bring it in.", HelpName = "name",
            };
            var project = new Option<string>("--project", "-p")
            {
                Description = "The fleet project (a directory or its .csproj). Default: the project of the current directory, or the one project below it that Lux has built.",
                HelpName = "dir|csproj",
            };
            var json = new Option<bool>("--json") { Description = "Answer in JSON, for scripts (the shape is in docs/explain.md)." };
            var command = new Command("explain", "Says why a host's options have their values (every definition with its C# file and line, aspect, gate " +
                "and priority, and which won), and whether an aspect applies. Reads the records of the fleet's last dotnet build. " +
                "Exit codes: 0 answered, 1 no such host, user, aspect or option (the closest names are suggested), 2 bad command line, " +
                "3 no records (no fleet project found, or it was never built).")
            {
                host, path, user, aspect, project, json,
            };
            command.Validators.Add(result =>
            {
                // System.CommandLine hands an unknown --option to the optional path argument.
                if (result.GetValue(path) is { } given && given.StartsWith('-'))
                    result.AddError("Unrecognized option '" + given + "'.");
                if (result.GetValue(aspect) is not null && (result.GetValue(path) is not null || result.GetValue(user) is not null))
                    result.AddError("--aspect answers for the host and all its users: give it without an option path or --user.");
            });
            command.SetAction(parsed =>
            {
                var asJson = parsed.GetValue(json);
                try
                {
                    var fleet = FleetProject.Find(parsed.GetValue(project), currentDirectory);
                    var store = ExplanationStore.Open(fleet);
                    // On stderr, so --json output stays one object.
                    if (fleet.ChangedSinceBuild() is { } changed)
                        error.WriteLine("lux explain: " + changed + " changed after the last build; these answers are that build's (dotnet build for current ones).");
                    var answer = Explainer.Answer(store, new ExplainQuestion(parsed.GetValue(host)!, parsed.GetValue(path), parsed.GetValue(user), parsed.GetValue(aspect)));
                    if (asJson)
                        JsonAnswer.Write(answer, output);
                    else
                        HumanAnswer.Write(answer, output);
                    return ExplainExitCodes.Answered;
                }
                catch (ExplainException e)
                {
                    if (asJson)
                        JsonAnswer.Write(e, output);
                    else
                        error.WriteLine(e.Message);
                    return e.ExitCode;
                }
            });
            return command;
        }
    }
}
