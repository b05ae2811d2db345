namespace Lux.Tests.Nix;

public sealed class NixInstantiateTests
{
    [NixFact]
    public void EvalJson_returns_the_strict_value_as_json()
    {
        var value = NixInstantiate.EvalJson("""{ b = [ 1 "two" true null ]; a = { c = 1 + 2; }; }""");

        value.GetRawText().Should().Be("""{"a":{"c":3},"b":[1,"two",true,null]}""");
    }

    [NixFact]
    public void EvalJson_calls_a_function_with_the_arguments()
    {
        var value = NixInstantiate.EvalJson(
            "{ number, text }: { inherit number text; }",
            new NixArguments().Arg("number", "20 + 22").ArgStr("text", "it's \"verbatim\" ${x}"));

        value.GetProperty("number").GetInt32().Should().Be(42);
        value.GetProperty("text").GetString().Should().Be("it's \"verbatim\" ${x}");
    }

    [NixFact]
    public void EvalFileJson_evaluates_a_file()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("value.nix", "{ x ? 1 }: [ x (x * 2) ]");

        NixInstantiate.EvalFileJson(file, new NixArguments().Arg("x", "3")).GetRawText().Should().Be("[3,6]");
    }

    [NixFact]
    public void A_failed_evaluation_throws_with_the_error_text_of_nix()
    {
        var act = () => NixInstantiate.EvalJson("""let x = throw "the harness said no"; in x""");

        act.Should().Throw<NixInstantiateException>()
            .Which.Message.Should().Contain("exit code 1").And.Contain("error: the harness said no").And.Contain("--eval");
    }

    [NixFact]
    public void EvalFails_returns_the_error_text()
    {
        NixInstantiate.EvalFails("""assert 1 == 2; "unreachable" """).Should().Contain("assertion '(1 == 2)' failed");
    }

    [NixFact]
    public void EvalFails_throws_when_the_evaluation_succeeds()
    {
        var act = () => NixInstantiate.EvalFails("1 + 1");

        act.Should().Throw<InvalidOperationException>().WithMessage("*Expected the evaluation to fail, but it produced: 2*");
    }

    [NixFact]
    public void Evaluation_has_no_search_path()
    {
        NixInstantiate.EvalFails("import <nixpkgs> { }").Should().Contain("file 'nixpkgs' was not found in the Nix search path");
    }

    [NixFact]
    public void Parse_returns_the_syntax_tree()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("ok.nix", "{ a = [ 1 2 ]; }");

        NixInstantiate.Parse(file).Trim().Should().Be("{ a = [ (1) (2) ]; }");
    }

    [NixFact]
    public void Parse_of_a_syntax_error_throws_with_its_location()
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("broken.nix", "{ a = ; }");

        var act = () => NixInstantiate.Parse(file);

        act.Should().Throw<NixInstantiateException>()
            .Which.StandardError.Should().Contain("syntax error").And.Contain("broken.nix:1:7");
    }

    [NixFact]
    public void A_run_past_its_timeout_is_killed_and_throws()
    {
        var act = () => NixInstantiate.EvalJson(
            "builtins.length (builtins.genList (x: x) 10000000)", timeout: TimeSpan.FromMilliseconds(1));

        act.Should().Throw<NixInstantiateException>().WithMessage("nix-instantiate timed out after 0.001 s.*");
    }
}
