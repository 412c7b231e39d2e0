using System.Globalization;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Diff;

/// <summary>A <see cref="StructuredWriter"/> that builds a <see cref="ValueNode"/> tree instead of text.</summary>
internal sealed class ValueTreeWriter : StructuredWriter
{
    private readonly Stack<ValueNode> _open = new();
    private string? _key;
    private ValueNode? _root;

    /// <summary>The resource as the canonical writer writes it.</summary>
    public static ValueNode Build(IstioResource resource)
    {
        var writer = new ValueTreeWriter();
        ResourceWriter.Write(writer, resource);
        return writer._root!;
    }

    public override void BeginMapping() => Open(ValueNode.Mapping());

    public override void EndMapping() => _open.Pop();

    public override void EmptyMapping() => Add(ValueNode.Mapping());

    public override void BeginSequence() => Open(ValueNode.Sequence());

    public override void EndSequence() => _open.Pop();

    public override void Key(string key) => _key = key;

    public override void String(string value) => Add(ValueNode.String(value));

    public override void Integer(long value) => Add(ValueNode.Plain(value.ToString(CultureInfo.InvariantCulture)));

    public override void Unsigned(ulong value) => Add(ValueNode.Plain(value.ToString(CultureInfo.InvariantCulture)));

    public override void Boolean(bool value) => Add(ValueNode.Plain(value ? "true" : "false"));

    public override void Double(double value)
    {
        Span<char> buffer = stackalloc char[YamlScalars.MaxDoubleLength];
        Add(ValueNode.Plain(YamlScalars.FormatDouble(value, buffer).ToString()));
    }

    public override void Null() => Add(ValueNode.Plain("null"));

    // A free-form value the writer can only give as compact JSON (a list directly in a list): compared as that text.
    public override void FlowJson(string json) => Add(ValueNode.Plain(json));

    private void Open(ValueNode node)
    {
        Add(node);
        _open.Push(node);
    }

    private void Add(ValueNode node)
    {
        if (_open.Count == 0)
        {
            _root = node;
            return;
        }

        var parent = _open.Peek();
        if (parent.Kind == ValueNodeKind.Sequence)
        {
            parent.Items.Add(node);
        }
        else
        {
            parent.Entries.Add(new(_key!, node));
        }
    }
}
