using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Mesh.Dsl.Tests.Model;

/// <summary>
/// Documents as plain trees (sorted maps, lists, <see cref="Leaf"/>s), independent of the model: written
/// as JSON, read back from YAML with YamlDotNet's own representation model, and compared path by path.
/// </summary>
internal static class GenericTree
{
    public static string ToJson(object tree)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, tree);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Converts a parsed YAML node; plain scalars are typed as YAML 1.2's core schema types them.</summary>
    public static object FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new SortedDictionary<string, object>(
            mapping.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => FromYaml(e.Value)),
            StringComparer.Ordinal),
        YamlSequenceNode sequence => sequence.Children.Select(FromYaml).ToList(),
        YamlScalarNode { Style: not ScalarStyle.Plain } scalar => new Leaf("str", scalar.Value!),
        YamlScalarNode scalar => Resolve(scalar.Value!),
        _ => throw new InvalidOperationException("aliases are not expected in written output"),
    };

    /// <summary>Every difference between what was sent and what was written back, as <c>path: what</c> lines.</summary>
    public static void Diff(object expected, object? actual, string path, List<string> differences)
    {
        switch (expected)
        {
            case SortedDictionary<string, object> map when actual is SortedDictionary<string, object> other:
                foreach (var (key, value) in map)
                {
                    var childPath = path + "." + key;
                    if (other.TryGetValue(key, out var written))
                    {
                        Diff(value, written, childPath, differences);
                    }
                    else
                    {
                        differences.Add($"{childPath}: not written back ({Describe(value)})");
                    }
                }

                differences.AddRange(other.Keys.Except(map.Keys).Select(key => $"{path}.{key}: written but not sent"));
                break;
            case List<object> list when actual is List<object> other:
                if (list.Count != other.Count)
                {
                    differences.Add($"{path}: {list.Count} items sent, {other.Count} written back");
                    break;
                }

                for (var i = 0; i < list.Count; i++)
                {
                    Diff(list[i], other[i], $"{path}[{i}]", differences);
                }

                break;
            case Leaf leaf when actual is Leaf other:
                if (!leaf.Matches(other))
                {
                    differences.Add($"{path}: sent {leaf} ({leaf.Type}), written back {other} ({other.Type})");
                }

                break;
            default:
                differences.Add($"{path}: sent {Describe(expected)}, written back {(actual is null ? "nothing" : Describe(actual))}");
                break;
        }
    }

    /// <summary>
    /// Removes the node at a reader's error path (<c>spec.ports[0].name</c>, <c>spec.labels["k1"]</c>,
    /// <c>spec.portLevelMtls[8001]</c>) so the rest of the document can still be read and checked.
    /// </summary>
    /// <returns>False when the path names nothing in the tree.</returns>
    public static bool Remove(object tree, string path)
    {
        var segments = Regex.Matches(path, @"([^.\[\]]+)|\[""([^""]*)""\]|\[(\d+)\]").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value).ToList();
        var node = tree;
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            switch (node)
            {
                case SortedDictionary<string, object> map when map.TryGetValue(segments[i], out var child):
                    if (last)
                    {
                        return map.Remove(segments[i]);
                    }

                    node = child;
                    break;
                case List<object> list when int.TryParse(segments[i], out var index) && index < list.Count:
                    if (last)
                    {
                        list.RemoveAt(index);
                        return true;
                    }

                    node = list[index];
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>"the value 5", "a mapping of 12 leaves", "a list of 3 leaves".</summary>
    private static string Describe(object node) => node switch
    {
        Leaf leaf => "the value " + leaf,
        SortedDictionary<string, object> => $"a mapping of {CountLeaves(node)} leaves",
        _ => $"a list of {CountLeaves(node)} leaves",
    };

    private static int CountLeaves(object node) => node switch
    {
        SortedDictionary<string, object> map => map.Values.Sum(CountLeaves),
        List<object> list => list.Sum(CountLeaves),
        _ => 1,
    };

    private static Leaf Resolve(string text)
    {
        if (text is "true" or "false")
        {
            return new Leaf("bool", text);
        }

        if (text is "" or "~" or "null")
        {
            return new Leaf("null", text);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new Leaf("int", integer.ToString(CultureInfo.InvariantCulture));
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new Leaf("float", number.ToString("R", CultureInfo.InvariantCulture))
            : new Leaf("str", text);
    }

    private static void Write(Utf8JsonWriter writer, object node)
    {
        switch (node)
        {
            case SortedDictionary<string, object> map:
                writer.WriteStartObject();
                foreach (var (key, value) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case List<object> list:
                writer.WriteStartArray();
                list.ForEach(item => Write(writer, item));
                writer.WriteEndArray();
                break;
            case Leaf { Type: "int" } leaf:
                writer.WriteNumberValue(long.Parse(leaf.Text, CultureInfo.InvariantCulture));
                break;
            case Leaf { Type: "float" } leaf:
                writer.WriteNumberValue(double.Parse(leaf.Text, CultureInfo.InvariantCulture));
                break;
            case Leaf { Type: "bool" } leaf:
                writer.WriteBooleanValue(leaf.Text == "true");
                break;
            case Leaf leaf: // str and duration
                writer.WriteStringValue(leaf.Text);
                break;
        }
    }
}
