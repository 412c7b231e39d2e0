using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Finds the strings no YAML or JSON file can hold: those with a lone UTF-16 surrogate, half of a character that UTF-8
/// cannot encode (it would be written as U+FFFD and read back changed), and that YAML's <c>\u</c> escapes may not name
/// either. Such strings only come from code, never from a file, which is read strictly; the writers refuse them
/// (<see cref="YamlScalars.EnsureWritable"/>), the builders too, and validation reports them with their field path.
/// </summary>
internal static class LoneSurrogates
{
    // SearchValues rather than IndexOfAnyInRange, which boxes on every call until the JIT has optimised it (96 bytes a
    // call, measured): for every string written or validated, that was most of what writing and validating allocated.
    private static readonly SearchValues<char> Surrogates = SearchValues.Create(Range());

    private static char[] Range()
    {
        var all = new char[0xE000 - 0xD800];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = (char)(0xD800 + i);
        }

        return all;
    }

    /// <summary>The index of the first lone surrogate of <paramref name="value"/>, or -1 when every surrogate is half of a pair.</summary>
    /// <remarks>Vectorised: strings without a surrogate, nearly all of them, cost one search for the range U+D800 to U+DFFF.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int IndexOf(string value)
    {
        var span = value.AsSpan();
        var at = span.IndexOfAny(Surrogates);
        while (at >= 0)
        {
            if (!char.IsHighSurrogate(span[at]) || at + 1 == span.Length || !char.IsLowSurrogate(span[at + 1]))
            {
                return at;
            }

            // A pair: look on after its low half.
            var next = span[(at + 2)..].IndexOfAny(Surrogates);
            at = next < 0 ? -1 : at + 2 + next;
        }

        return -1;
    }

    /// <summary>
    /// What is wrong with <paramref name="value"/>, whose lone surrogate is at <paramref name="index"/>:
    /// <c>"a\ud800b" holds a lone UTF-16 surrogate (U+D800 at index 1), half of a character, which YAML, JSON and UTF-8 cannot hold</c>.
    /// </summary>
    public static string Describe(string value, int index) => $"{ReadContext.Quote(value)} holds {Problem(value, index)}";

    /// <summary>The writers' refusal of <paramref name="value"/>, whose lone surrogate is at <paramref name="index"/>.</summary>
    public static ArgumentException CannotWrite(string value, int index)
        => new($"cannot write {ReadContext.Quote(value)}: it holds {Problem(value, index)}; fix the value");

    private static string Problem(string value, int index)
        => $"a lone UTF-16 surrogate (U+{(int)value[index]:X4} at index {index}), half of a character, which YAML, JSON and UTF-8 cannot hold";

    /// <summary>
    /// The first string (a value or a key) of a free-form value that holds a lone surrogate: its path below the value
    /// (<c>["listeners"][0]</c>, empty for the value itself), the string and the surrogate's index; null when there is none.
    /// </summary>
    public static (string Path, string Text, int Index)? Find(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject mapping:
                foreach (var (key, value) in mapping)
                {
                    if (IndexOf(key) is >= 0 and var at)
                    {
                        return (KeySegment(key), key, at);
                    }

                    if (Find(value) is { } found)
                    {
                        return found with { Path = KeySegment(key) + found.Path };
                    }
                }

                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (Find(list[i]) is { } found)
                    {
                        return found with { Path = $"[{i}]{found.Path}" };
                    }
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (IndexOf(text) is >= 0 and var index)
                {
                    return (string.Empty, text, index);
                }

                break;
        }

        return null;
    }

    /// <summary>
    /// A map key as a path segment: <c>[key]</c> as validation writes keys, or <c>["k\ud800"]</c>, escaped, for a key that
    /// holds a lone surrogate itself (a message must be text a terminal and a UTF-8 file can show).
    /// </summary>
    public static string KeySegment(string key)
    {
        if (IndexOf(key) < 0)
        {
            return $"[{key}]";
        }

        var writer = new StringWriter();
        writer.Write("[\"");
        YamlScalars.WriteDoubleQuotedBody(writer, key);
        writer.Write("\"]");
        return writer.ToString();
    }
}
