using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Serialization;

public class YamlScalarsTests
{
    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("y")]
    [InlineData("Yes")]
    [InlineData("no")]
    [InlineData("True")]
    [InlineData("FALSE")]
    [InlineData("on")]
    [InlineData("Off")]
    [InlineData("0")]
    [InlineData("443")]
    [InlineData("-1")]
    [InlineData("+12")]
    [InlineData("1_000")]
    [InlineData("0x1F")]
    [InlineData("0o17")]
    [InlineData("017")]
    [InlineData("0b101")]
    [InlineData("1:30")]
    [InlineData("1.5")]
    [InlineData(".5")]
    [InlineData("-.5")]
    [InlineData("1e5")]
    [InlineData("1.0E-3")]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData("+.INF")]
    [InlineData(".nan")]
    [InlineData(".NaN")]
    [InlineData("123456789012345678901234567890123456789012345")] // a long integer is still an integer
    public void Plain_scalars_YAML_reads_as_null_bool_or_number_are_recognised(string value)
    {
        Assert.True(YamlScalars.ReadsAsNonString(value));
        Assert.True(YamlScalars.NeedsQuotes(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("svc-0.example.com")]
    [InlineData("name")]
    [InlineData("nulls")]
    [InlineData("tls")]
    [InlineData("trueish")]
    [InlineData("o")]
    [InlineData("5s")]
    [InlineData("1.2.3.4")]
    [InlineData("10.0.0.0/8")]
    [InlineData("1m30s")]
    [InlineData("0xZZ")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData(".")]
    [InlineData("e5")]
    [InlineData("inf")]
    [InlineData("nan")]
    public void Other_text_is_a_string(string value) => Assert.False(YamlScalars.ReadsAsNonString(value));

    [Theory]
    [InlineData("a: b", true)]
    [InlineData("a:b", false)]
    [InlineData("a #b", true)]
    [InlineData("a#b", false)]
    [InlineData("line\nbreak", true)]
    [InlineData("tab\there", true)]
    [InlineData("*.example.com", true)]
    [InlineData("svc-0.example.com", false)]
    [InlineData("http-port", false)]
    [InlineData("ends:", true)]
    public void Quotes_where_a_plain_scalar_would_end_early_or_hold_control_characters(string value, bool quoted)
        => Assert.Equal(quoted, YamlScalars.NeedsQuotes(value));
}
