using Lux.Cli.CommandLine;

namespace Lux.Tests.Writing;

public sealed class CommandLineTests
{
    [Fact]
    public void Parses_the_write_command()
    {
        WriteCommandLine.TryParse(["write", "--out", "/repo/nix-out", "--generated", "/repo/obj/generated"], out var commandLine, out var error).Should().BeTrue(error);

        commandLine.Should().Be(new WriteCommandLine("/repo/obj/generated", "/repo/nix-out"));
        WriteCommandLine.TryParse(["write", "--generated", "g", "--out", "o", "--analyzers-ran"], out var analyzed, out _).Should().BeTrue();
        analyzed!.AnalyzersRan.Should().BeTrue();
    }

    [Fact]
    public void A_bad_write_command_line_is_a_canonical_LUX0900_line_on_stdout_for_MSBuild_and_exit_code_2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        LuxCommandLine.Run(["write", "--generated", "g"], output, error, Path.GetTempPath()).Should().Be(2);

        output.ToString().Should().StartWith("lux: error LUX0900: Option '--out' is required.");
        error.ToString().Should().BeEmpty();
    }

    [Theory]
    [InlineData(new string[0], "Required command was not provided")]
    [InlineData(new[] { "build" }, "Unrecognized command or argument 'build'")]
    [InlineData(new[] { "write", "--generated", "g" }, "'--out' is required")]
    [InlineData(new[] { "write", "--out", "o" }, "'--generated' is required")]
    [InlineData(new[] { "write", "--generated", "g", "--out" }, "Required argument missing for option: '--out'")]
    [InlineData(new[] { "write", "--generated", "", "--out", "o" }, "'--generated' needs a directory")]
    [InlineData(new[] { "write", "--generated", "g", "--out", "o", "--out", "p" }, "'--out' expects a single argument but 2 were provided")]
    [InlineData(new[] { "write", "--generated", "g", "--out", "o", "--force" }, "Unrecognized command or argument '--force'")]
    public void Rejects_bad_command_lines(string[] args, string expected)
    {
        WriteCommandLine.TryParse(args, out var commandLine, out var error).Should().BeFalse();

        commandLine.Should().BeNull();
        error.Should().Contain(expected);
    }
}
