using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>Istio durations: compact output, Go <c>time.ParseDuration</c> input.</summary>
public class DurationsTests
{
    public static TheoryData<TimeSpan, string> Formats => new()
    {
        { TimeSpan.FromSeconds(5), "5s" },
        { TimeSpan.FromMilliseconds(250), "250ms" },
        { TimeSpan.FromSeconds(90), "1m30s" },
        { TimeSpan.FromHours(1), "1h" },
        { TimeSpan.FromMilliseconds(1500), "1.5s" },
        { new TimeSpan(1, 0, 30), "1h30s" },
        { new TimeSpan(26, 3, 4), "26h3m4s" },
        { TimeSpan.FromMilliseconds(1.5), "1.5ms" },
        { TimeSpan.FromTicks(10), "1us" },
        { TimeSpan.FromTicks(1), "100ns" },
        { TimeSpan.Zero, "0s" },
        { TimeSpan.FromSeconds(-5), "-5s" },
        { TimeSpan.FromMilliseconds(-250), "-250ms" },
        { TimeSpan.FromTicks(1_000_000_001), "1m40.0000001s" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_duration_is_written_compactly(TimeSpan value, string expected)
        => Assert.Equal(expected, Durations.Format(value));

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_written_duration_parses_back_to_the_same_value(TimeSpan value, string written)
    {
        Assert.True(Durations.TryParse(written, out var parsed));
        Assert.Equal(value, parsed);
    }

    public static TheoryData<string, TimeSpan> Parses => new()
    {
        { "1.5s", TimeSpan.FromMilliseconds(1500) },
        { "1h2m", TimeSpan.FromMinutes(62) },
        { "1h0m30s", new TimeSpan(1, 0, 30) },
        { "300ms", TimeSpan.FromMilliseconds(300) },
        { "0", TimeSpan.Zero },
        { "0s", TimeSpan.Zero },
        { "-0", TimeSpan.Zero },
        { "1us", TimeSpan.FromTicks(10) },
        { "1µs", TimeSpan.FromTicks(10) },
        { "1000ns", TimeSpan.FromTicks(10) },
        { "-5s", TimeSpan.FromSeconds(-5) },
        { "+5s", TimeSpan.FromSeconds(5) },
        { ".5s", TimeSpan.FromMilliseconds(500) },
        { "1.s", TimeSpan.FromSeconds(1) },
        { "2h45m30.5s", new TimeSpan(0, 2, 45, 30, 500) },
        { "1m1m", TimeSpan.FromMinutes(2) },
        { "90m", TimeSpan.FromMinutes(90) },
    };

    [Theory]
    [MemberData(nameof(Parses))]
    public void A_Go_duration_string_parses(string text, TimeSpan expected)
    {
        Assert.True(Durations.TryParse(text, out var parsed), text);
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("s")]
    [InlineData("five")]
    [InlineData("1.2.3s")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("5 s")]
    [InlineData(" 5s")]
    [InlineData("5s ")]
    [InlineData("5d")]
    [InlineData("5S")]
    [InlineData("1h-5m")]
    [InlineData(".s")]
    [InlineData("1e3s")]
    [InlineData("99999999999999999999h")]
    public void An_invalid_duration_does_not_parse(string text)
        => Assert.False(Durations.TryParse(text, out _), text);
}
