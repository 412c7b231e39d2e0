// MeshCode finds the builders' methods and the model's properties by reflection, at code-generation time only;
// its public entry points carry RequiresUnreferencedCode/RequiresDynamicCode, so a trimmed or NativeAOT program
// that calls them is warned there. The reading, writing and validation paths have no reflection and stay AOT-safe.
#pragma warning disable IL2026, IL2060, IL2062, IL2067, IL2070, IL2072, IL2075, IL2080, IL3050
using System.Collections.Concurrent;
using System.Reflection;
using Mesh.Dsl.Model;
using Mesh.Dsl.Schema;

namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// A model message as code generation sees it: the fields of its schema table (proto order, wire
/// names, presence and equality) joined to the C# properties that hold them. Built once per type from
/// the schema, so every field of every kind is covered without code per kind.
/// </summary>
internal sealed class MessageShape
{
    private static readonly ConcurrentDictionary<Type, MessageShape?> Shapes = new();

    private readonly Func<object> _create;
    private readonly Func<object, object, bool> _areEqual;

    private MessageShape(Type type, IReadOnlyList<FieldShape> fields, Func<object> create, Func<object, object, bool> areEqual)
    {
        Type = type;
        Fields = fields;
        _create = create;
        _areEqual = areEqual;
    }

    public Type Type { get; }

    /// <summary>The fields in the order they are written.</summary>
    public IReadOnlyList<FieldShape> Fields { get; }

    public object Create() => _create();

    public bool AreEqual(object left, object right) => _areEqual(left, right);

    /// <summary>The shape of a model message type, or null when the type is not a message of the model.</summary>
    public static MessageShape? Of(Type type) => Shapes.GetOrAdd(type, Build);

    /// <summary>The shape of a resource kind's spec.</summary>
    public static MessageShape OfSpec(IstioResource resource)
        => Of(SpecProperty(resource.GetType()).PropertyType) ?? throw new InvalidOperationException($"{resource.Kind}: its spec has no schema table.");

    public static PropertyInfo SpecProperty(Type resourceType)
        => resourceType.GetProperty("Spec", BindingFlags.Public | BindingFlags.Instance)
           ?? throw new InvalidOperationException($"{resourceType.Name} has no Spec.");

    private static MessageShape? Build(Type type)
    {
        // Every message of the model keeps its table in a static field named Schema (hand-written or generated alike).
        var schemaField = type.GetField("Schema", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static);
        if (schemaField is null || schemaField.FieldType != typeof(MessageSchema<>).MakeGenericType(type))
        {
            return null;
        }

        var describe = typeof(MessageShape).GetMethod(nameof(Describe), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
        return (MessageShape)describe.Invoke(null, [schemaField.GetValue(null)])!;
    }

    private static MessageShape Describe<T>(MessageSchema<T> schema) where T : class
    {
        var fields = new List<FieldShape>(schema.Fields.Count);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in schema.Fields)
        {
            var property = FindProperty(typeof(T), field.Name, claimed, owner => field.IsSet((T)owner), schema.Create);
            claimed.Add(property.Name);
            fields.Add(new FieldShape(field.Name, field.OneOf, property, owner => field.IsSet((T)owner), (left, right) => field.AreEqual((T)left, (T)right)));
        }

        return new MessageShape(typeof(T), fields, () => schema.Create(), (left, right) => schema.AreEqual((T)left, (T)right));
    }

    /// <summary>
    /// The C# property of a wire field: its PascalCase name, as the model (and its generator) names
    /// them; otherwise the one unclaimed property that, set, makes the field set (a field spelled like
    /// another, <c>mirror_percent</c> beside <c>mirrorPercent</c>, is held by a property of another name).
    /// </summary>
    private static PropertyInfo FindProperty(Type type, string wireName, HashSet<string> claimed, Func<object, bool> isSet, Func<object> create)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
        var pascal = char.ToUpperInvariant(wireName[0]) + wireName[1..];
        if (type.GetProperty(pascal, flags) is { } named && !claimed.Contains(named.Name))
        {
            return named;
        }

        foreach (var property in type.GetProperties(flags).Where(p => p.CanWrite && !claimed.Contains(p.Name)))
        {
            var owner = create();
            if (Sample(property.PropertyType) is { } sample)
            {
                property.SetValue(owner, sample);
                if (isSet(owner))
                {
                    return property;
                }
            }
        }

        throw new InvalidOperationException($"{type.Name}: no public property holds the field \"{wireName}\".");
    }

    /// <summary>A value of <paramref name="type"/> that a field codec counts as set, or null when there is none to make.</summary>
    private static object? Sample(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Activator.CreateInstance(underlying);
        }

        if (type == typeof(string))
        {
            return string.Empty;
        }

        if (type == typeof(byte[]))
        {
            return Array.Empty<byte>();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (System.Collections.IList)Activator.CreateInstance(type)!;
            var item = type.GetGenericArguments()[0];
            list.Add(item.IsValueType ? Activator.CreateInstance(item) : null);
            return list;
        }

        return Of(type) is { } shape ? shape.Create() : null;
    }
}

/// <summary>One field of a <see cref="MessageShape"/>.</summary>
internal sealed class FieldShape(string name, string? oneOf, PropertyInfo property, Func<object, bool> isSet, Func<object, object, bool> areEqual)
{
    /// <summary>The field's name as Istio spells it.</summary>
    public string Name { get; } = name;

    public string? OneOf { get; } = oneOf;

    public PropertyInfo Property { get; } = property;

    /// <summary>The C# property's declared type (<c>List&lt;string&gt;</c>, <c>int?</c>, a message class).</summary>
    public Type Type => Property.PropertyType;

    public bool IsSet(object owner) => isSet(owner);

    public bool AreEqual(object left, object right) => areEqual(left, right);

    /// <summary>The value; read only for a field that <see cref="IsSet"/>, so lazily made lists are not created on the input.</summary>
    public object Get(object owner) => Property.GetValue(owner)!;
}
