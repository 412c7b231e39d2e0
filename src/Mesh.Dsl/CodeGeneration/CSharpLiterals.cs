using System.Globalization;
using System.Text;

namespace Mesh.Dsl.CodeGeneration;

/// <summary>C# source text for values: string, number and duration literals, identifiers.</summary>
internal static class CSharpLiterals
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>A regular string literal; every character outside printable ASCII is escaped, so the file's encoding cannot change a value.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A double literal that reads back as exactly the same value.</summary>
    public static string Double(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    /// <summary>The shortest readable TimeSpan expression for a duration: <c>TimeSpan.FromSeconds(5)</c>.</summary>
    public static string Duration(TimeSpan value)
    {
        var ticks = value.Ticks;
        if (ticks == 0)
        {
            return "TimeSpan.Zero";
        }

        (string Method, long Ticks)[] units =
        [
            ("FromHours", TimeSpan.TicksPerHour),
            ("FromMinutes", TimeSpan.TicksPerMinute),
            ("FromSeconds", TimeSpan.TicksPerSecond),
            ("FromMilliseconds", TimeSpan.TicksPerMillisecond),
            ("FromMicroseconds", TimeSpan.TicksPerMicrosecond),
        ];
        foreach (var (method, unit) in units)
        {
            // An hour or a minute only when the value is a whole number of them that reads better than seconds.
            if (ticks % unit == 0 && (unit < TimeSpan.TicksPerMinute || ticks / unit < 1000))
            {
                return $"TimeSpan.{method}({Integer(ticks / unit)})";
            }
        }

        return $"TimeSpan.FromTicks({Integer(ticks)})";
    }

    /// <summary>A name as C# source must spell it: a keyword with <c>@</c> (<c>@namespace</c>).</summary>
    public static string Identifier(string name) => Keywords.Contains(name) ? "@" + name : name;

    /// <summary>A camelCase identifier made of the letters and digits of <paramref name="text"/> (<c>edition-cnn-com</c> to <c>editionCnnCom</c>).</summary>
    public static string CamelIdentifier(string text)
    {
        var builder = new StringBuilder(text.Length);
        var upper = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(builder.Length == 0 ? char.ToLowerInvariant(c) : upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = builder.Length > 0;
            }
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var name = builder.ToString();
        return Keywords.Contains(name) ? "@" + name : name;
    }

    /// <summary>A PascalCase identifier made of the letters and digits of <paramref name="text"/>.</summary>
    public static string PascalIdentifier(string text)
    {
        var camel = CamelIdentifier(text).TrimStart('@');
        return camel[0] == '_' ? "_" + camel.TrimStart('_') : char.ToUpperInvariant(camel[0]) + camel[1..];
    }

    /// <summary>The lowercase initials of a PascalCase type name (<c>TrafficPolicy</c> to <c>tp</c>), or the word itself for one word.</summary>
    public static string ShortName(string typeName)
    {
        var initials = new StringBuilder();
        foreach (var c in typeName)
        {
            if (char.IsUpper(c))
            {
                initials.Append(char.ToLowerInvariant(c));
            }
        }

        var name = initials.Length <= 1 ? char.ToLowerInvariant(typeName[0]) + typeName[1..] : initials.ToString();
        return Keywords.Contains(name) ? name + "_" : name;
    }
}
