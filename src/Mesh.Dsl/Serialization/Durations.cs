using System.Globalization;
using System.Text;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Istio durations: written compactly the way Istio's docs write them (<c>5s</c>, <c>250ms</c>,
/// <c>1m30s</c>, <c>1h</c>) and read from any Go duration string (<c>1.5s</c>, <c>1h2m</c>, <c>300ms</c>).
/// </summary>
public static class Durations
{
    /// <summary>Formats a duration as Istio writes it: <c>5s</c>, <c>250ms</c>, <c>1m30s</c>, <c>1h</c>.</summary>
    /// <param name="value">The duration.</param>
    /// <returns>The compact Go-style duration string.</returns>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        var ticks = value.Ticks;
        if (ticks < 0)
        {
            builder.Append('-');
            ticks = -ticks;
        }

        if (ticks < TimeSpan.TicksPerSecond)
        {
            if (ticks % TimeSpan.TicksPerMillisecond == 0 || ticks >= TimeSpan.TicksPerMillisecond)
            {
                AppendDecimal(builder, ticks, TimeSpan.TicksPerMillisecond);
                return builder.Append("ms").ToString();
            }

            // A tick is 100ns: whole microseconds are written in us, anything finer in ns.
            return ticks % 10 == 0
                ? builder.Append((ticks / 10).ToString(CultureInfo.InvariantCulture)).Append("us").ToString()
                : builder.Append((ticks * 100).ToString(CultureInfo.InvariantCulture)).Append("ns").ToString();
        }

        var hours = ticks / TimeSpan.TicksPerHour;
        ticks %= TimeSpan.TicksPerHour;
        var minutes = ticks / TimeSpan.TicksPerMinute;
        ticks %= TimeSpan.TicksPerMinute;
        if (hours > 0)
        {
            builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (minutes > 0)
        {
            builder.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        if (ticks > 0)
        {
            AppendDecimal(builder, ticks, TimeSpan.TicksPerSecond);
            builder.Append('s');
        }

        return builder.ToString();
    }

    private static void AppendDecimal(StringBuilder builder, long value, long unit)
    {
        builder.Append((value / unit).ToString(CultureInfo.InvariantCulture));
        var remainder = value % unit;
        if (remainder == 0)
        {
            return;
        }

        var digits = unit.ToString(CultureInfo.InvariantCulture).Length - 1;
        var fraction = remainder.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        builder.Append('.').Append(fraction);
    }

    /// <summary>Parses a Go duration string (<c>1h2m3.5s</c>, <c>300ms</c>, <c>1.5s</c>, <c>0</c>).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The duration, when the text is valid.</param>
    /// <returns>True when the text is a valid duration.</returns>
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var span = text.AsSpan();
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
