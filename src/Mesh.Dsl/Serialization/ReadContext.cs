using System.Text;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// State of one read: the file name, the field path being read (kept as a cheap stack and only
/// turned into a string when an error is reported) and the errors found so far.
/// </summary>
internal sealed class ReadContext
{
    private enum SegmentKind { Field, Index, Key }

    private readonly record struct Segment(SegmentKind Kind, string? Name, int Index);

    private readonly List<Segment> _path = new();
    private readonly List<ReadError> _errors;

    public ReadContext(string? file, List<ReadError>? errors = null)
    {
        File = file;
        _errors = errors ?? new List<ReadError>();
    }

    public string? File { get; }

    public IReadOnlyList<ReadError> Errors => _errors;

    public int ErrorCount => _errors.Count;

    public void PushField(string name) => _path.Add(new Segment(SegmentKind.Field, name, 0));

    public void PushIndex(int index) => _path.Add(new Segment(SegmentKind.Index, null, index));

    public void PushKey(string key) => _path.Add(new Segment(SegmentKind.Key, key, 0));

    public void Pop() => _path.RemoveAt(_path.Count - 1);

    /// <summary>The current field path, e.g. <c>spec.ports[0].number</c>.</summary>
    public string CurrentPath
    {
        get
        {
            var builder = new StringBuilder();
            foreach (var segment in _path)
            {
                switch (segment.Kind)
                {
                    case SegmentKind.Field:
                        if (builder.Length > 0)
                        {
                            builder.Append('.');
                        }

                        builder.Append(segment.Name);
                        break;
                    case SegmentKind.Index:
                        builder.Append('[').Append(segment.Index).Append(']');
                        break;
                    default:
                        builder.Append('[').Append(FormatKey(segment.Name!)).Append(']');
                        break;
                }
            }

            return builder.ToString();
        }
    }

    private static string FormatKey(string key)
        => key.Length > 0 && key.All(char.IsAsciiDigit) ? key : "\"" + key + "\"";

    public void Error(YamlNode node, string message)
        => _errors.Add(new ReadError(File, node.Position.Line, node.Position.Column, CurrentPath, message));

    public void Error(SourcePosition position, string message)
        => _errors.Add(new ReadError(File, position.Line, position.Column, CurrentPath, message));

    public void ExpectedButGot(YamlNode node, string expectation)
        => Error(node, $"expected {expectation}, got {Describe(node)}");

    public void UnknownField(YamlScalar key, string messageName, IEnumerable<string> knownFields)
    {
        PushField(key.Value);
        var suggestion = Suggest(key.Value, knownFields);
        var hint = suggestion is null ? string.Empty : $" (did you mean \"{suggestion}\"?)";
        Error(key, $"unknown field \"{key.Value}\" in {messageName}{hint}");
        Pop();
    }

    /// <summary>Describes a node for an error message: a scalar as written, otherwise its shape.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalar { IsNull: true } => "null",
        YamlScalar scalar => scalar.Display,
        YamlMapping => "a mapping",
        YamlSequence => "a list",
        _ => "a value",
    };

    private static string? Suggest(string unknown, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(unknown.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return bestDistance <= Math.Max(2, unknown.Length / 3) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
