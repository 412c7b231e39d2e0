using System.Diagnostics;
using System.Globalization;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Writes canonical block YAML in the style kubectl and Istio's docs use: two-space indentation,
/// sequence items at the indentation of their key, <c>\n</c> line endings, strings quoted only where
/// YAML would misread them. It streams: nothing is buffered beyond the current line. One writer
/// serves every document of a stream (see <see cref="NextDocument"/>), so its frame stack is
/// allocated once per stream, not once per resource.
/// </summary>
internal sealed class YamlStructuredWriter : StructuredWriter
{
    private enum State
    {
        /// <summary>At the start of a line inside a mapping; the next key needs indentation.</summary>
        MappingLineStart,

        /// <summary>Right after "- ": the first key of a mapping item goes on the same line.</summary>
        MappingAfterDash,

        /// <summary>After "key:": a value is due.</summary>
        AfterKey,

        /// <summary>Inside a sequence, at the start of a line.</summary>
        Sequence,
    }

    /// <summary>An open mapping or sequence, and the indentation to return to when it closes.</summary>
    private readonly struct Frame(bool isMapping, int indent)
    {
        public readonly bool IsMapping = isMapping;
        public readonly int Indent = indent;
    }

    private const string Spaces = "                                                                ";

    private readonly TextWriter _writer;
    // The open mappings and sequences, innermost last: an array, where a Stack<Frame> would have its
    // generic code compiled for this one struct at start-up.
    private Frame[] _frames = new Frame[16];
    private int _depth;
    private State _state = State.MappingLineStart;
    private int _indent;
    private bool _started;

    // A comment to end the line that the next value (or "key:" of a mapping or list) ends; null, and
    // never looked at beyond a null check, unless a document's comments are being written back.
    private string? _trailingComment;

    public YamlStructuredWriter(TextWriter writer) => _writer = writer;

    /// <summary>A comment (<c># why</c>) to put at the end of the line the next value ends: after a scalar, a block scalar's header, or <c>key:</c> of a mapping or list.</summary>
    internal void EndNextLineWith(string comment) => _trailingComment = comment;

    /// <summary>Writes a comment line at the indentation of the next key or list item; only between entries.</summary>
    internal void CommentLine(string comment)
    {
        if (_state is not (State.MappingLineStart or State.Sequence))
        {
            throw new InvalidOperationException("A comment line can only stand between entries.");
        }

        WriteIndent();
        _writer.Write(comment);
        _writer.Write('\n');
    }

    /// <summary>Readies the writer for another document (the caller writes the <c>---</c> between them).</summary>
    public void NextDocument()
    {
        _depth = 0;
        _indent = 0;
        _state = State.MappingLineStart;
        _started = false;
        _trailingComment = null;
    }

    public override void BeginMapping()
    {
        switch (_state)
        {
            case State.AfterKey:
                EndLine();
                Push(new Frame(true, _indent));
                _indent += 2;
                _state = State.MappingLineStart;
                break;
            case State.Sequence:
                WriteIndent();
                _writer.Write("- ");
                Push(new Frame(true, _indent));
                _indent += 2;
                _state = State.MappingAfterDash;
                break;
            default:
                if (_started)
                {
                    throw new InvalidOperationException("A mapping can only start a document, follow a key or be a sequence item.");
                }

                _started = true;
                Push(new Frame(true, 0));
                _state = State.MappingLineStart;
                break;
        }
    }

    public override void EndMapping() => Close();

    public override void EmptyMapping() => Scalar("{}");

    public override void BeginSequence()
    {
        if (_state != State.AfterKey)
        {
            throw new InvalidOperationException("A sequence can only follow a key.");
        }

        EndLine();
        Push(new Frame(false, _indent));
        _state = State.Sequence;
    }

    public override void EndSequence() => Close();

    public override void Key(string key)
    {
        YamlScalars.EnsureWritable(key);
        BeforeKey();
        if (YamlScalars.IsTooLongForImplicitKey(key))
        {
            // YAML limits a key written "key: value" to 1,024 characters (YamlDotNet refuses a longer one); a longer
            // key is written as an explicit key, "? key" and then ": value" on the next line, which every reader takes.
            _writer.Write("? ");
            WriteString(key);
            _writer.Write('\n');
            WriteIndent();
        }
        else
        {
            WriteString(key);
        }

        _writer.Write(':');
        _state = State.AfterKey;
    }

    public override void FieldKey(string name)
    {
        Debug.Assert(!YamlScalars.NeedsQuotes(name), "a field name never needs quotes");
        BeforeKey();
        _writer.Write(name);
        _writer.Write(':');
        _state = State.AfterKey;
    }

    public override void NumberKey(ulong key)
    {
        // A number key reads back as the same number, which is what a port map's key is.
        BeforeKey();
        Span<char> digits = stackalloc char[20];
        key.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        _writer.Write(digits[..length]);
        _writer.Write(':');
        _state = State.AfterKey;
    }

    private void BeforeKey()
    {
        if (_state == State.MappingLineStart)
        {
            WriteIndent();
        }
        else if (_state != State.MappingAfterDash)
        {
            throw new InvalidOperationException("A key can only be written inside a mapping.");
        }
    }

    public override void String(string value)
    {
        YamlScalars.EnsureWritable(value);
        if (YamlScalars.CanUseLiteralBlock(value))
        {
            BeforeScalar();
            YamlScalars.WriteLiteralBlock(_writer, value, _indent + 2, _trailingComment);
            _trailingComment = null;
            AfterScalar(false);
            return;
        }

        BeforeScalar();
        WriteString(value);
        AfterScalar(true);
    }

    public override void Duration(TimeSpan value)
    {
        // Formatted on the stack, like numbers. A duration is digits and unit letters, which YAML
        // never reads as anything but a string: plain, exactly as String would write it.
        Span<char> text = stackalloc char[Durations.MaxFormattedLength];
        var formatted = text[..Durations.Format(value, text)];
        Debug.Assert(!YamlScalars.NeedsQuotes(formatted.ToString()), "a duration never needs quotes");
        Scalar(formatted);
    }

    public override void Integer(long value)
    {
        // Formatted on the stack: numbers are the most frequent scalars after strings.
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        Scalar(digits[..length]);
    }

    public override void Unsigned(ulong value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        Scalar(digits[..length]);
    }

    public override void Boolean(bool value) => Scalar(value ? "true" : "false");

    public override void Double(double value)
    {
        Span<char> buffer = stackalloc char[YamlScalars.MaxDoubleLength];
        Scalar(YamlScalars.FormatDouble(value, buffer));
    }

    public override void Null() => Scalar("null");

    public override void FlowJson(string json) => Scalar(json);

    private void Scalar(ReadOnlySpan<char> text)
    {
        BeforeScalar();
        _writer.Write(text);
        AfterScalar(true);
    }

    private void BeforeScalar()
    {
        if (_state == State.AfterKey)
        {
            _writer.Write(' ');
        }
        else if (_state == State.Sequence)
        {
            WriteIndent();
            _writer.Write("- ");
        }
        else
        {
            throw new InvalidOperationException("A value must follow a key or be a sequence item.");
        }
    }

    private void AfterScalar(bool endLine)
    {
        if (endLine)
        {
            EndLine();
        }

        _state = _frames[_depth - 1].IsMapping ? State.MappingLineStart : State.Sequence;
    }

    private void EndLine()
    {
        if (_trailingComment is not null)
        {
            _writer.Write(' ');
            _writer.Write(_trailingComment);
            _trailingComment = null;
        }

        _writer.Write('\n');
    }

    private void Close()
    {
        var frame = _frames[--_depth];
        _indent = frame.Indent;
        _state = _depth == 0 || _frames[_depth - 1].IsMapping ? State.MappingLineStart : State.Sequence;
    }

    private void Push(Frame frame)
    {
        if (_depth == _frames.Length)
        {
            Array.Resize(ref _frames, _depth * 2);
        }

        _frames[_depth++] = frame;
    }

    private void WriteString(string value)
    {
        if (YamlScalars.NeedsQuotes(value))
        {
            YamlScalars.WriteDoubleQuoted(_writer, value);
        }
        else
        {
            _writer.Write(value);
        }
    }

    private void WriteIndent()
    {
        var remaining = _indent;
        while (remaining > 0)
        {
            var chunk = Math.Min(remaining, Spaces.Length);
            _writer.Write(Spaces.AsSpan(0, chunk));
            remaining -= chunk;
        }
    }
}
