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

    /// <summary>More errors than this are not worth reading: the first ones are fixed first.</summary>
    public const int MaxErrors = 100;

    private readonly List<Segment> _path = new();
    private readonly List<ReadError> _errors = new();
    private int _dropped;

    public ReadContext(string? file) => File = file;

    public string? File { get; }

    /// <summary>
    /// What to add to the lines of the positions reported: a document parsed on its own, apart from the lines of
    /// the file above it, has its positions counted from its first line.
    /// </summary>
    public int LineOffset { get; set; }

    /// <summary>Counts every error found, also those past <see cref="MaxErrors"/>: a changed count means a new error.</summary>
    public int ErrorCount => _errors.Count + _dropped;

    /// <summary>The errors in source order (line, then column); past <see cref="MaxErrors"/>, a last one says how many were left out.</summary>
    public IReadOnlyList<ReadError> SortedErrors()
    {
        var sorted = _errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        if (_dropped > 0)
        {
            var last = sorted[^1];
            sorted.Add(new ReadError(File, last.Line, last.Column, string.Empty, $"{_dropped:N0} more errors not shown (only the first {MaxErrors} are)"));
        }

        return sorted;
    }

    /// <summary>Forgets the errors found after the first <paramref name="count"/> (<see cref="ErrorCount"/> before): that part is read again.</summary>
    public void ForgetErrorsAfter(int count)
    {
        if (count <= _errors.Count)
        {
            _errors.RemoveRange(count, _errors.Count - count);
            _dropped = 0;
        }
        else
        {
            _dropped = count - _errors.Count;
        }
    }

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

    public void Error(YamlNode node, string message) => Error(node.Position, message);

    public void Error(YamlKey key, string message) => Error(key.Position, message);

    public void Error(SourcePosition position, string message)
    {
        if (_errors.Count >= MaxErrors)
        {
            _dropped++;
            return;
        }

        _errors.Add(new ReadError(File, position.Line + LineOffset, position.Column, CurrentPath, message));
    }

    /// <summary>
    /// Reports the keys the parser found twice in <paramref name="mapping"/> (it keeps the first value).
    /// Called by whatever reads the mapping, so the error carries the field path.
    /// </summary>
    /// <param name="mapping">The mapping being read.</param>
    /// <param name="keysAreFields">True for a message's fields (<c>spec.hosts</c>), false for a map's keys (<c>labels["app"]</c>).</param>
    public void ReportDuplicateKeys(YamlNode mapping, bool keysAreFields)
    {
        if (!mapping.HasDuplicateKeys)
        {
            return;
        }

        foreach (var (duplicate, first) in mapping.DuplicateKeys())
        {
            var key = duplicate.Value;
            if (keysAreFields)
            {
                PushField(key);
            }
            else
            {
                PushKey(key);
            }

            Error(duplicate, $"duplicate key \"{key}\" (first at line {first.Position.Line + LineOffset}); only one may be given");
            Pop();
        }
    }

    public void ExpectedButGot(YamlNode node, string expectation)
        => Error(node, $"expected {expectation}, got {Describe(node)}");

    public void UnknownField(YamlKey key, string messageName, IEnumerable<string> knownFields)
    {
        var name = key.Value;
        PushField(name);
        Error(key, $"unknown field {Quote(name)} in {messageName}{DidYouMean(name, knownFields)}");
        Pop();
    }

    /// <summary>Describes a node for an error message: <c>null</c>, a number or boolean as written, a string quoted, otherwise its shape.</summary>
    public static string Describe(YamlNode node)
    {
        if (node.IsNull)
        {
            return "null";
        }

        if (node.IsScalar)
        {
            return node.IsPlain && node.Tag is null && YamlScalars.ReadsAsNonString(node.Text) ? Shorten(node.Value) : Quote(node.Value);
        }

        return node.IsMapping ? "a mapping" : "a list";
    }

    /// <summary>A string in double quotes for a message, escaped and shortened so that a hostile value cannot flood it.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, MaxShown) + 8).Append('"');
        using (var writer = new StringWriter(builder))
        {
            YamlScalars.WriteDoubleQuotedBody(writer, value.Length > MaxShown ? value[..MaxShown] : value);
        }

        return builder.Append(value.Length > MaxShown ? "\"..." : "\"").ToString();
    }

    private const int MaxShown = 80;

    private static string Shorten(string value) => value.Length > MaxShown ? value[..MaxShown] + "..." : value;

    /// <summary><c> (did you mean "hosts"?)</c> when one candidate is close to <paramref name="unknown"/>, else empty.</summary>
    public static string DidYouMean(string unknown, IEnumerable<string> candidates)
        => Suggest(unknown, candidates) is { } suggestion ? $" (did you mean \"{suggestion}\"?)" : string.Empty;

    private static string? Suggest(string unknown, IEnumerable<string> candidates)
    {
        if (unknown.Length > MaxShown)
        {
            return null; // the edit distance is quadratic; nothing that long is a typo of a field name
        }

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
