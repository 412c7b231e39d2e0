using Mesh.Dsl.Validation.Rules;

namespace Mesh.Dsl.Tests.Validation.NewKinds;

/// <summary>CEL's syntax as cel-go's parser accepts it (Telemetry access-log filters are parsed, not type-checked).</summary>
public class CelSyntaxTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("source.namespace == 'shop' && request.if.package")]
    [InlineData("response.code >= 400")]
    [InlineData("response.code")]
    [InlineData("connection.mtls && request.url_path.contains('v1beta3')")]
    [InlineData("!(response.code in [200, 204]) ? 'bad' : \"ok\"")]
    [InlineData("-1 + 2u * 3.5e-2 / .5 % 0x1F - -x")]
    [InlineData("request.headers['x-b3-traceid'].size() > 0 || has(request.headers.x_user)")]
    [InlineData("{'a': 1, 'b': [1, 2,],}['a'] == 1")]
    [InlineData("google.protobuf.Duration{seconds: 1} == duration('1s')")]
    [InlineData(".math.greatest(1, 2) != 0 // trailing comment")]
    [InlineData("r'\\d+' + b\"\\x00\\377\" + '''multi\nline''' + \"\\u00e9\\n\"")]
    [InlineData("xs.all(x, x > 0) && xs.exists(x, x == 1) && xs.map(x, x < 3, x * 2).size() == 1 && xs.filter(x, x > 1) == []")]
    public void Valid_expressions_parse(string expression) => Assert.Null(CelSyntax.Check(expression));

    [Theory]
    [InlineData("", "unexpected end of expression at column 1")]
    [InlineData(")++++", "unexpected ')' at column 1")]
    [InlineData("response.code >=", "unexpected end of expression at column 17")]
    [InlineData("a = b", "unexpected character '=' at column 3")]
    [InlineData("(a", "expected ')' but found end of expression at column 3")]
    [InlineData("a.", "expected an identifier but found end of expression at column 3")]
    [InlineData("'open", "unterminated string literal at column 1")]
    [InlineData("'\\q'", "invalid escape sequence at column 2")]
    [InlineData("if", "reserved identifier 'if' at column 1")]
    [InlineData("a + namespace", "reserved identifier 'namespace' at column 5")]
    [InlineData("has(a)", "invalid argument to has() macro at column 1: it takes a field selection such as has(request.headers.x)")]
    [InlineData("xs.all(1, true)", "the first argument of all() at column 4 must be a simple variable name")]
    [InlineData("99999999999999999999", "integer literal out of range at column 1")]
    [InlineData("!-a", "unexpected '-' at column 2")]
    [InlineData("a b", "unexpected 'b' at column 3")]
    [InlineData("1 2", "unexpected number literal at column 3")]
    public void Invalid_expressions_fail(string expression, string error)
        => Assert.Equal(error, CelSyntax.Check(expression));
}
