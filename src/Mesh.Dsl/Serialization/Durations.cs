using System.Globalization;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Istio durations: written compactly the way Istio's docs write them (<c>5s</c>, <c>250ms</c>,
/// <c>1m30s</c>, <c>1h</c>) and read from any Go duration string (<c>1.5s</c>, <c>1h2m</c>, <c>300ms</c>).
/// </summary>
public static class Durations
{
    /// <summary>The most characters <see cref="Format(TimeSpan, Span{char})"/> writes (<c>-256204778h48m5.4775807s</c> is 24).</summary>
    internal const int MaxFormattedLength = 32;

    /// <summary>Formats a duration as Istio writes it: <c>5s</c>, <c>250ms</c>, <c>1m30s</c>, <c>1h</c>.</summary>
    /// <param name="value">The duration.</param>
    /// <returns>The compact Go-style duration string.</returns>
    public static string Format(TimeSpan value)
    {
        Span<char> text = stackalloc char[MaxFormattedLength];
        return new string(text[..Format(value, text)]);
    }

    /// <summary>
    /// Formats a duration into <paramref name="destination"/> (at least <see cref="MaxFormattedLength"/>
    /// long) and returns the length: the writers put durations out without a string per value.
    /// </summary>
    internal static int Format(TimeSpan value, Span<char> destination)
    {
        if (value == TimeSpan.Zero)
        {
            return Append(destination, 0, "0s");
        }

        var length = 0;
        var ticks = value.Ticks;
        if (ticks < 0)
        {
            destination[length++] = '-';
            ticks = -ticks;
        }

        if (ticks < TimeSpan.TicksPerSecond)
        {
            if (ticks % TimeSpan.TicksPerMillisecond == 0 || ticks >= TimeSpan.TicksPerMillisecond)
            {
                length = AppendDecimal(destination, length, ticks, TimeSpan.TicksPerMillisecond, MillisecondFraction);
                return Append(destination, length, "ms");
            }

            // A tick is 100ns: whole microseconds are written in us, anything finer in ns.
            return ticks % 10 == 0
                ? Append(destination, AppendNumber(destination, length, ticks / 10), "us")
                : Append(destination, AppendNumber(destination, length, ticks * 100), "ns");
        }

        var hours = ticks / TimeSpan.TicksPerHour;
        ticks %= TimeSpan.TicksPerHour;
        var minutes = ticks / TimeSpan.TicksPerMinute;
        ticks %= TimeSpan.TicksPerMinute;
        if (hours > 0)
        {
            length = Append(destination, AppendNumber(destination, length, hours), "h");
        }

        if (minutes > 0)
        {
            length = Append(destination, AppendNumber(destination, length, minutes), "m");
        }

        if (ticks > 0)
        {
            length = Append(destination, AppendDecimal(destination, length, ticks, TimeSpan.TicksPerSecond, SecondFraction), "s");
        }

        return length;
    }

    /// <summary>The fraction formats of milliseconds (10,000 ticks: 4 places) and seconds (10,000,000 ticks: 7 places).</summary>
    private const string MillisecondFraction = "D4", SecondFraction = "D7";

    private static int Append(Span<char> destination, int length, string text)
    {
        text.CopyTo(destination[length..]);
        return length + text.Length;
    }

    private static int AppendNumber(Span<char> destination, int length, long value)
    {
        value.TryFormat(destination[length..], out var written, provider: CultureInfo.InvariantCulture);
        return length + written;
    }

    /// <summary>Appends <paramref name="value"/> / <paramref name="unit"/> with the fraction's trailing zeros dropped (<c>1.5</c>, <c>40.0000001</c>).</summary>
    private static int AppendDecimal(Span<char> destination, int length, long value, long unit, string fractionFormat)
    {
        length = AppendNumber(destination, length, value / unit);
        var remainder = value % unit;
        if (remainder == 0)
        {
            return length;
        }

        destination[length++] = '.';
        remainder.TryFormat(destination[length..], out var written, fractionFormat, CultureInfo.InvariantCulture);
        length += written;
        while (destination[length - 1] == '0')
        {
            length--;
        }

        return length;
    }

    /// <summary>Parses a Go duration string (<c>1h2m3.5s</c>, <c>300ms</c>, <c>1.5s</c>, <c>0</c>).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The duration, when the text is valid.</param>
    /// <returns>True when the text is a valid duration.</returns>
    public static bool TryParse(string text, out TimeSpan value) => TryParse(text.AsSpan(), out value);

    /// <summary>Parses a Go duration from a scalar's text, which then needs no string.</summary>
    internal static bool TryParse(ReadOnlySpan<char> span, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (span.IsEmpty)
        {
            return false;
        }

        var negative = false;
        if (span[0] is '-' or '+')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span is "0")
        {
            return true;
        }

        if (span.IsEmpty)
        {
            return false;
        }

        decimal totalTicks = 0;
        while (!span.IsEmpty)
        {
            var numberLength = 0;
            var sawDigit = false;
            var sawDot = false;
            while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || (span[numberLength] == '.' && !sawDot)))
            {
                sawDigit |= char.IsAsciiDigit(span[numberLength]);
                sawDot |= span[numberLength] == '.';
                numberLength++;
            }

            if (!sawDigit || numberLength > 28)
            {
                return false;
            }

            var number = decimal.Parse(span[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            span = span[numberLength..];
            var unitLength = 0;
            while (unitLength < span.Length && !char.IsAsciiDigit(span[unitLength]) && span[unitLength] != '.')
            {
                unitLength++;
            }

            decimal ticksPerUnit = span[..unitLength] switch
            {
                "ns" => 0.01m,
                "us" or "µs" or "μs" => 10m,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                _ => -1m,
            };
            if (ticksPerUnit < 0 || number > TimeSpan.MaxValue.Ticks / ticksPerUnit)
            {
                return false; // unknown unit, or so large that the product would overflow decimal
            }

            totalTicks += number * ticksPerUnit;
            if (totalTicks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }

            span = span[unitLength..];
        }

        var ticks = (long)decimal.Round(totalTicks);
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }
}
