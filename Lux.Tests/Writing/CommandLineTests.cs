using FluentAssertions;
using Lux.Cli.CommandLine;
using Xunit;

namespace Lux.Tests.Writing;

public sealed class CommandLineTests
{
    [Fact]
    public void Parses_the_write_command()
    {
        WriteCommandLine.TryParse(["write", "--out", "/repo/nix-out", "--generated", "/repo/obj/generated"], out var commandLine, out var error).Should().BeTrue(error);

        commandLine.Should().Be(new WriteCommandLine("/repo/obj/generated", "/repo/nix-out"));
    }

    [Theory]
    [InlineData(new string[0], "no command")]
    [InlineData(new[] { "build" }, "unknown command 'build'")]
    [InlineData(new[] { "write", "--generated", "g" }, "'--out' is required")]
    [InlineData(new[] { "write", "--out", "o" }, "'--generated' is required")]
    [InlineData(new[] { "write", "--generated", "g", "--out" }, "'--out' needs a directory")]
    [InlineData(new[] { "write", "--generated", "", "--out", "o" }, "'--generated' needs a directory")]
    [InlineData(new[] { "write", "--generated", "g", "--out", "o", "--out", "p" }, "'--out' is given twice")]
    [InlineData(new[] { "write", "--generated", "g", "--out", "o", "--force" }, "unknown option '--force'")]
    public void Rejects_bad_command_lines(string[] args, string expected)
    {
        WriteCommandLine.TryParse(args, out var commandLine, out var error).Should().BeFalse();

        commandLine.Should().BeNull();
        error.Should().Contain(expected);
    }
}
