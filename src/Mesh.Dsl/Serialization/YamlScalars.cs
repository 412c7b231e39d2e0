using System.Buffers;
using System.Globalization;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Decides how a string is written in YAML: plain where every YAML reader (1.1 and 1.2, which
/// Kubernetes tooling mixes) reads it back as the same string, double-quoted otherwise.
/// </summary>
internal static class YamlScalars
{
    /// <summary>True when the string must be quoted to read back as the same string.</summary>
    public static bool NeedsQuotes(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        var first = value[0];
        if (first is '[' or ']' or '{' or '}' or ',' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`')
        {
            return true;
        }

        if (first is '-' or '?' or ':' && (value.Length == 1 || value[1] == ' '))
        {
            return true;
        }

        if (first == ' ' || value[^1] == ' ' || value[^1] == ':')
        {
            return true;
        }

        if (HasControlOrEndOfPlain(value))
        {
            return true;
        }

        if (value is "<<" or "=" || value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal))
        {
            return true;
        }

        return ReadsAsNonString(value) || StartsLikeTimestamp(value);
    }

    /// <summary>
    /// <c>2024-05-01</c> and <c>2024-05-01T10:00:00Z</c> (what creationTimestamp holds): YAML 1.1 readers take a
    /// string starting with a date for a timestamp, so it is quoted, as kubectl quotes it.
    /// </summary>
    private static bool StartsLikeTimestamp(string value)
    {
        if (value.Length < 8 || !char.IsAsciiDigit(value[0]) || !char.IsAsciiDigit(value[1]) || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]) || value[4] != '-')
        {
            return false;
        }

        var i = 5;
        var month = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i]) && month < 3)
        {
            i++;
            month++;
        }

        return month is 1 or 2 && i + 1 < value.Length && value[i] == '-' && char.IsAsciiDigit(value[i + 1]);
    }

    /// <summary>One pass for control characters and the ": ", " #" (and " *") sequences that end a plain scalar early.</summary>
    private static bool HasControlOrEndOfPlain(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c > ' ' && c != ':' && c < '\u007f')
            {
                continue; // printable ASCII but ':': most characters of most strings
            }

            if (c < ' ' || c == '\u007f' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\ufeff')
            {
                return true;
            }

            // " *": YamlDotNet misreads "a *b:" as a key whose value is a block below it (an alias, it thinks).
            if ((c == ':' && i + 1 < value.Length && value[i + 1] == ' ') || (c == ' ' && i + 1 < value.Length && value[i + 1] is '#' or '*'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a plain scalar with this text resolves to null, a boolean or a number in YAML 1.1 or 1.2.</summary>
    /// <remarks>Hand-written instead of a regular expression: linear in the length, allocation-free, no backtracking.</remarks>
    public static bool ReadsAsNonString(ReadOnlySpan<char> value) => IsNullOrBoolean(value) || IsNumber(value);

    private static bool IsNullOrBoolean(ReadOnlySpan<char> value) => value switch
    {
        "~" or "null" or "Null" or "NULL" => true,
        "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO" => true,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => true,
        "on" or "On" or "ON" or "off" or "Off" or "OFF" => true,
        _ => false,
    };

    /// <summary>
    /// Integers (decimal, <c>0x</c>, <c>0o</c>, <c>0b</c>, YAML 1.1 octal, underscores, sexagesimal <c>1:30</c>)
    /// and floats (<c>1.5</c>, <c>.5</c>, <c>1e3</c>, <c>.inf</c>, <c>.nan</c>) of YAML 1.1 and 1.2.
    /// </summary>
    private static bool IsNumber(ReadOnlySpan<char> value)
    {
        var span = value;
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            span = span[1..];
        }

        if (span is ".inf" or ".Inf" or ".INF" or ".nan" or ".NaN" or ".NAN")
        {
            return true;
        }

        if (span.Length == 0 || !(char.IsAsciiDigit(span[0]) || (span[0] == '.' && span.Length > 1 && char.IsAsciiDigit(span[1]))))
        {
            return false;
        }

        if (span.Length > 2 && span[0] == '0' && span[1] is 'x' or 'o' or 'b')
        {
            var digits = span[2..];
            return span[1] switch
            {
                'x' => digits.ContainsAnyExcept(HexDigits) is false,
                'o' => digits.ContainsAnyExcept(OctalDigits) is false,
                _ => digits.ContainsAnyExcept(BinaryDigits) is false,
            };
        }

        var colon = span.IndexOf(':');
        return colon < 0 ? IsDecimal(span) : IsSexagesimal(span, colon);
    }

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF_");
    private static readonly SearchValues<char> OctalDigits = SearchValues.Create("01234567_");
    private static readonly SearchValues<char> BinaryDigits = SearchValues.Create("01_");

    /// <summary><c>[0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?</c>, starting with a digit or a dot and a digit.</summary>
    private static bool IsDecimal(ReadOnlySpan<char> span)
    {
        var i = 0;
        var sawDot = false;
        while (i < span.Length && (char.IsAsciiDigit(span[i]) || span[i] == '_' || (span[i] == '.' && !sawDot)))
        {
            sawDot |= span[i] == '.';
            i++;
        }

        if (i == span.Length)
        {
            return true;
        }

        if (span[i] is not ('e' or 'E'))
        {
            return false;
        }

        i++;
        if (i < span.Length && span[i] is '+' or '-')
        {
            i++;
        }

        var exponentStart = i;
        while (i < span.Length && char.IsAsciiDigit(span[i]))
        {
            i++;
        }

        return i == span.Length && i > exponentStart;
    }

    /// <summary>YAML 1.1 base 60: <c>[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?</c>, such as <c>1:30</c> or <c>190:20:30.15</c>.</summary>
    private static bool IsSexagesimal(ReadOnlySpan<char> span, int colon)
    {
        if (span[..colon].ContainsAnyExcept(DecimalDigits))
        {
            return false;
        }

        var rest = span[colon..];
        while (rest.Length > 0 && rest[0] == ':')
        {
            rest = rest[1..];
            var digits = 0;
            while (digits < rest.Length && digits < 2 && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 0 || (digits == 2 && rest[0] > '5'))
            {
                return false;
            }

            rest = rest[digits..];
        }

        return rest.Length == 0 || (rest[0] == '.' && !rest[1..].ContainsAnyExcept(DecimalDigits));
    }

    private static readonly SearchValues<char> DecimalDigits = SearchValues.Create("0123456789_");

    // Searched with SearchValues rather than IndexOfAnyInRange, a generic method that boxes both bounds on every call
    // until the JIT has optimised it; the writer checks every string, so that was 20 MB of boxed chars for the
    // scale sample's 9.6 MB of YAML.
    private static readonly SearchValues<char> Surrogates = SearchValues.Create(SurrogateRange());

    /// <summary>The longest key YAML reads in the <c>key: value</c> form: 1,024 characters, quotes and escapes included.</summary>
    public const int MaxImplicitKeyLength = 1024;

    /// <summary>True when <paramref name="key"/>, as written, is longer than <see cref="MaxImplicitKeyLength"/>.</summary>
    public static bool IsTooLongForImplicitKey(string key)
    {
        // No character takes more than 6 when escaped (\u0000): short keys need no count.
        if (key.Length <= (MaxImplicitKeyLength - 2) / 6)
        {
            return false;
        }

        if (!NeedsQuotes(key))
        {
            return key.Length > MaxImplicitKeyLength;
        }

        var writer = new StringWriter();
        WriteDoubleQuoted(writer, key);
        return writer.GetStringBuilder().Length > MaxImplicitKeyLength;
    }

    /// <summary>
    /// Refuses a string no YAML or JSON file can hold: one with a lone UTF-16 surrogate, half of a character that
    /// UTF-8 cannot encode (it would be written as U+FFFD and read back changed), and YAML's <c>\u</c> escapes may not
    /// name a surrogate either. Such strings only come from code, never from a file, which is read strictly.
    /// </summary>
    /// <exception cref="ArgumentException">Naming the value and the surrogate.</exception>
    public static void EnsureWritable(string value)
    {
        var first = value.AsSpan().IndexOfAny(Surrogates);
        if (first < 0)
        {
            return;
        }

        for (var i = first; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                throw new ArgumentException(
                    $"cannot write {ReadContext.Quote(value)}: it holds a lone UTF-16 surrogate (U+{(int)value[i]:X4} at index {i}), " +
                    "half of a character, which YAML, JSON and UTF-8 cannot hold; fix the value");
            }
        }
    }

    private static char[] SurrogateRange()
    {
        var range = new char[0xE000 - 0xD800];
        for (var i = 0; i < range.Length; i++)
        {
            range[i] = (char)(0xD800 + i);
        }

        return range;
    }

    /// <summary>Writes a string as a double-quoted YAML scalar (which is also a valid JSON string body).</summary>
    public static void WriteDoubleQuoted(TextWriter writer, string value)
    {
        writer.Write('"');
        WriteDoubleQuotedBody(writer, value);
        writer.Write('"');
    }

    /// <summary>Writes a string escaped for the inside of double quotes (YAML and JSON alike).</summary>
    public static void WriteDoubleQuotedBody(TextWriter writer, string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': writer.Write("\\\""); break;
                case '\\': writer.Write("\\\\"); break;
                case '\n': writer.Write("\\n"); break;
                case '\r': writer.Write("\\r"); break;
                case '\t': writer.Write("\\t"); break;
                case '\0': writer.Write("\\0"); break;
                default:
                    if (c < ' ' || c == '\u007f' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\ufeff' || IsLoneSurrogate(value, i))
                    {
                        // A lone surrogate only reaches here in a message: the writers refuse it (EnsureWritable).
                        writer.Write("\\u");
                        writer.Write(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        writer.Write(c);
                    }

                    break;
            }
        }
    }

    private static bool IsLoneSurrogate(string value, int i)
        => char.IsSurrogate(value[i])
            && !(char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            && !(char.IsLowSurrogate(value[i]) && i > 0 && char.IsHighSurrogate(value[i - 1]));

    /// <summary>
    /// True when a multi-line string can be written as a literal block (<c>|</c>): PEM bundles read
    /// best that way. Strings with other control characters or leading blanks stay double-quoted.
    /// </summary>
    public static bool CanUseLiteralBlock(string value)
    {
        if (!value.Contains('\n') || value[0] is ' ' or '\n' or '\t')
        {
            return false;
        }

        foreach (var c in value)
        {
            if ((c < ' ' && c != '\n') || c == '\u007f' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\ufeff')
            {
                return false;
            }
        }

        // Trailing spaces on a line survive a literal block, but a line of only spaces before
        // the end would be read as part of the indentation; keep those quoted.
        foreach (var line in value.Split('\n'))
        {
            if (line.Length > 0 && line.Trim(' ').Length == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes a literal block scalar; the header carries the chomping indicator, and <paramref name="headerComment"/> if given.</summary>
    public static void WriteLiteralBlock(TextWriter writer, string value, int indent, string? headerComment = null)
    {
        var trailing = 0;
        for (var i = value.Length - 1; i >= 0 && value[i] == '\n'; i--)
        {
            trailing++;
        }

        writer.Write(trailing switch { 0 => "|-", 1 => "|", _ => "|+" });
        if (headerComment is not null)
        {
            writer.Write(' ');
            writer.Write(headerComment);
        }

        writer.Write('\n');
        var body = value[..^trailing];
        var padding = new string(' ', indent);
        foreach (var line in body.Split('\n'))
        {
            if (line.Length > 0)
            {
                writer.Write(padding);
                writer.Write(line);
            }

            writer.Write('\n');
        }

        for (var i = 1; i < trailing; i++)
        {
            writer.Write('\n');
        }
    }

    /// <summary>Room enough for any double <see cref="FormatDouble"/> writes (<c>-1.7976931348623157E+308</c> is 24 characters).</summary>
    public const int MaxDoubleLength = 32;

    /// <summary>
    /// Formats a double the way YAML and JSON read it back exactly: into <paramref name="buffer"/>
    /// (<see cref="MaxDoubleLength"/> long), or as a constant for NaN and the infinities.
    /// </summary>
    public static ReadOnlySpan<char> FormatDouble(double value, Span<char> buffer)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? ".inf" : "-.inf";
        }

        value.TryFormat(buffer, out var length, "R", CultureInfo.InvariantCulture);
        return buffer[..length];
    }
}
