using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// A field path of the validated model, resolved through its schema: every name is looked up with
/// <see cref="MessageSchema{T}.Find"/> when the path is made, descending into the message a field holds, so a
/// name that is not the schema's throws when the rule's paths are first made (a test makes them all) instead of
/// showing in a message. Rules keep their paths in static fields, made once; indexes and map keys are added only
/// when a diagnostic is reported.
/// </summary>
internal sealed class FieldPath
{
    private readonly IMessageSchema? _schema;

    private FieldPath(string text, string name, IMessageSchema? schema)
    {
        Text = text;
        Name = name;
        _schema = schema;
    }

    /// <summary>The path: <c>spec.ports</c>, or relative to an item or message given at run time, <c>.name</c>.</summary>
    public string Text { get; }

    /// <summary>The last field's name as the schema spells it (the instance <see cref="RuleContext.Path(string, string, int)"/> keys its cache by).</summary>
    public string Name { get; }

    /// <summary>The <c>spec</c> of a resource whose spec message is <paramref name="specSchema"/>.</summary>
    public static FieldPath Spec(IMessageSchema specSchema) => new("spec", "spec", specSchema);

    /// <summary>
    /// The root of paths relative to a message of <paramref name="schema"/> whose own path is known only at run time:
    /// its fields' paths are <c>.field</c>, to append to that path.
    /// </summary>
    public static FieldPath In(IMessageSchema schema) => new(string.Empty, string.Empty, schema);

    /// <summary>The paths of <c>metadata</c>, which is Kubernetes' ObjectMeta rather than an Istio message.</summary>
    public static class Metadata
    {
        public const string Name = "metadata.name";
        public const string Namespace = "metadata.namespace";

        /// <summary>The path of an annotation's entry.</summary>
        public static string Annotation(string key) => $"metadata.annotations[{key}]";

        /// <summary>The path of a label's entry.</summary>
        public static string Label(string key) => $"metadata.labels[{key}]";
    }

    /// <summary>
    /// The path of the field <paramref name="dotted"/> (one name, or several separated by dots) below this one.
    /// </summary>
    /// <exception cref="InvalidOperationException">A name is not a field of its message, or descends into a scalar.</exception>
    public FieldPath Field(string dotted)
    {
        var path = this;
        foreach (var name in dotted.Split('.'))
        {
            path = path.Child(name);
        }

        return path;
    }

    /// <summary>The root of paths relative to one item (or map value) of this list or map field: <c>.field</c>.</summary>
    public FieldPath Item => new(string.Empty, string.Empty, _schema ?? throw new InvalidOperationException($"{Text} holds no message."));

    public override string ToString() => Text;

    public static implicit operator string(FieldPath path) => path.Text;

    private FieldPath Child(string name)
    {
        if (_schema is null)
        {
            throw new InvalidOperationException($"'{Text}' is not a message, so it has no field '{name}'.");
        }

        if (!_schema.TryFindField(name, out var fieldName, out var nested))
        {
            throw new InvalidOperationException($"Istio's {_schema.MessageName} has no field '{name}' (path '{Text}').");
        }

        return new(Text + "." + fieldName, fieldName, nested);
    }
}
