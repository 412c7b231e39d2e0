using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

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
        if ("[]{},#&*!|>'\"%@`".Contains(first))
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

        // One pass for control characters and the ": " and " #" sequences that end a plain scalar early.
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < ' ' || c == '\u007f' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\ufeff')
            {
                return true;
            }

            if ((c == ':' && i + 1 < value.Length && value[i + 1] == ' ') || (c == ' ' && i + 1 < value.Length && value[i + 1] == '#'))
            {
                return true;
            }
        }

        if (value is "<<" or "=" || value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal))
        {
            return true;
        }

        return ReadsAsNonString(value);
    }

    /// <summary>True when a plain scalar with this text resolves to null, a boolean or a number in YAML 1.1 or 1.2.</summary>
    public static bool ReadsAsNonString(string value)
    {
        if (value.Length is 0 or > 40)
        {
            return false;
        }

        // Cheap checks first: this runs for every key and string written, and nearly all of them
        // start with a letter that begins no null, boolean or number.
        var first = value[0];
        if (first is '~' or 'n' or 'N' or 'y' or 'Y' or 't' or 'T' or 'f' or 'F' or 'o' or 'O')
        {
            return value.Length <= 5 && IsNullOrBool(value);
        }

        if (!char.IsAsciiDigit(first) && first is not ('+' or '-' or '.'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigit(c) && c is not ('_' or ':' or '.' or '+' or '-' or 'x' or 'o' or 'i' or 'n' or 'I' or 'N'))
            {
                return false; // a character no YAML number has, e.g. the unit of "5s"
            }
        }

        return Number.IsMatch(value);
    }

    private static bool IsNullOrBool(string value) => value is
        "~" or "null" or "Null" or "NULL" or "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO"
        or "true" or "True" or "TRUE" or "false" or "False" or "FALSE" or "on" or "On" or "ON" or "off" or "Off" or "OFF";

    // An interpreted regex on purpose: no source generators and no runtime IL compilation.
    // Integers (decimal, 0x, 0o, 0b, legacy octal, underscores, sexagesimal) and floats (with .inf and .nan) of YAML 1.1 and 1.2.
    private static readonly Regex Number = new(
        @"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|(?=[-+]?\.?[0-9])[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|([0-9][0-9_]*)?\.?[0-9_]*([eE][-+]?[0-9]+)?))$",
        RegexOptions.CultureInvariant);

    /// <summary>Writes a string as a double-quoted YAML scalar (which is also a valid JSON string body).</summary>
    public static void WriteDoubleQuoted(TextWriter writer, string value)
    {
        writer.Write('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': writer.Write("\\\""); break;
                case '\\': writer.Write("\\\\"); break;
                case '\n': writer.Write("\\n"); break;
                case '\r': writer.Write("\\r"); break;
                case '\t': writer.Write("\\t"); break;
                case '\0': writer.Write("\\0"); break;
                default:
                    if (c < ' ' || c == '\u007f' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\ufeff')
                    {
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

        writer.Write('"');
    }

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

    /// <summary>Writes a literal block scalar; the header carries the chomping indicator.</summary>
    public static void WriteLiteralBlock(TextWriter writer, string value, int indent)
    {
        var trailing = 0;
        for (var i = value.Length - 1; i >= 0 && value[i] == '\n'; i--)
        {
            trailing++;
        }

        writer.Write(trailing switch { 0 => "|-", 1 => "|", _ => "|+" });
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

    /// <summary>Formats a double the way YAML and JSON read it back exactly.</summary>
    public static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? ".inf" : "-.inf";
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
