using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// A field path of the validated model, named through its schema: a root is a message's schema
/// (<see cref="Spec"/>, <see cref="In"/>), every step below it a field that <see cref="Resolve"/> looks up with
/// <see cref="MessageSchema{T}.Find"/>, descending into the message the field holds. Rules keep their paths in static
/// fields, so each path's text is composed once; indexes and map keys are added only when a diagnostic is reported.
/// </summary>
/// <remarks>
/// Making a path does not look the names up, and a root takes its schema as a function (<c>() => Subset.Schema</c>),
/// called only by <see cref="Resolve"/>: reading a message's <c>Schema</c> builds its table, and a rule class names
/// many messages a validation never meets (a DestinationRule's connection pool and outlier detection, a
/// VirtualService's fault injection, CORS and redirects), whose tables and the code that builds them would cost a
/// short run more than the validation itself. <c>FieldPathTests</c> resolves every path of every rule class, so a
/// name that is not the schema's fails there.
/// </remarks>
internal sealed class FieldPath
{
    private readonly Func<IMessageSchema>? _root;
    private readonly FieldPath? _parent;
    private readonly bool _item;

    private FieldPath(string text, string name, Func<IMessageSchema>? root, FieldPath? parent, bool item)
    {
        Text = text;
        Name = name;
        _root = root;
        _parent = parent;
        _item = item;
    }

    /// <summary>The path: <c>spec.ports</c>, or relative to an item or message given at run time, <c>.name</c>.</summary>
    public string Text { get; }

    /// <summary>The last field's name (the instance <see cref="RuleContext.Path(string, FieldPath, int)"/> keys its cache by).</summary>
    public string Name { get; }

    /// <summary>The <c>spec</c> of a resource whose spec message's schema <paramref name="specSchema"/> returns (<c>() => ServiceEntrySpec.Schema</c>).</summary>
    public static FieldPath Spec(Func<IMessageSchema> specSchema) => new("spec", "spec", specSchema, null, item: false);

    /// <summary>
    /// The root of paths relative to a message whose schema <paramref name="schema"/> returns (<c>() => Subset.Schema</c>)
    /// and whose own path is known only at run time: its fields' paths are <c>.field</c>, to append to that path.
    /// </summary>
    public static FieldPath In(Func<IMessageSchema> schema) => new(string.Empty, string.Empty, schema, null, item: false);

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

    /// <summary>The path of the field <paramref name="dotted"/> (one name, or several separated by dots) below this one.</summary>
    public FieldPath Field(string dotted)
    {
        var path = this;
        foreach (var name in dotted.Split('.'))
        {
            // Interned: RuleContext.Path's cache compares names by reference, as it does the literals of other paths.
            path = new FieldPath(path.Text + "." + name, string.Intern(name), null, path, item: false);
        }

        return path;
    }

    /// <summary>
    /// The root of paths relative to the message this field holds, or to one item (or map value) of this list or
    /// map field: <c>.field</c>, to append to the path made at run time.
    /// </summary>
    public FieldPath Item => new(string.Empty, string.Empty, null, this, item: true);

    /// <summary>
    /// Looks every name of the path up in the schema and returns the schema of the message the path ends at, or null
    /// when it ends at a scalar field.
    /// </summary>
    /// <exception cref="InvalidOperationException">A name is not a field of its message, or descends into a scalar.</exception>
    public IMessageSchema? Resolve()
    {
        if (_parent is null)
        {
            return _root?.Invoke();
        }

        var parent = _parent.Resolve();
        if (_item)
        {
            return parent ?? throw new InvalidOperationException($"'{_parent.Text}' holds no message, so it has no items with fields.");
        }

        if (parent is null)
        {
            throw new InvalidOperationException($"'{_parent.Text}' is not a message, so it has no field '{Name}'.");
        }

        if (!parent.TryFindField(Name, out var nested))
        {
            throw new InvalidOperationException($"Istio's {parent.MessageName} has no field '{Name}' (path '{_parent.Text}').");
        }

        return nested;
    }

    public override string ToString() => Text;

    public static implicit operator string(FieldPath path) => path.Text;
}
