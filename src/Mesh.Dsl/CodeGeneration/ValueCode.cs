using System.Collections;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// Typed C# expressions for model values, the form every field can take when no builder method fits:
/// literals, <c>TimeSpan.FromSeconds(5)</c>, enum members by name, object and collection initializers.
/// </summary>
internal sealed class ValueCode(TypeNames names)
{
    public TypeNames Names => names;

    /// <summary>The expression for <paramref name="value"/>, a value of the declared type <paramref name="type"/>.</summary>
    /// <param name="type">The property or parameter type.</param>
    /// <param name="value">The value (not null).</param>
    /// <param name="fieldName">The wire name of the field the value is for, which picks named constants (a port's protocol).</param>
    public Code Of(Type type, object value, string? fieldName = null)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        switch (value)
        {
            case System.Text.Json.Nodes.JsonNode node:
                return JsonNodeCode.Of(node, names);
            case string text:
                return Code.Text(NamedConstant(text, fieldName) ?? CSharpLiterals.String(text));
            case bool flag:
                return Code.Text(flag ? "true" : "false");
            case int or uint or long or short or ushort or byte:
                return Code.Text(CSharpLiterals.Integer(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)));
            case double number:
                return Code.Text(CSharpLiterals.Double(number));
            case TimeSpan duration:
                names.Use("System");
                return Code.Text(CSharpLiterals.Duration(duration));
            case byte[] bytes:
                names.Use("System");
                return Code.Text($"Convert.FromBase64String({CSharpLiterals.String(Convert.ToBase64String(bytes))})");
            case Enum member:
                return Code.Text(names.Name(plain) + "." + Enum.GetName(plain, member));
        }

        if (plain.IsGenericType && plain.GetGenericTypeDefinition() == typeof(List<>))
        {
            var elementType = plain.GetGenericArguments()[0];
            return ListCode.Collection(((IList)value).Cast<object>().Select(item => Of(elementType, item, fieldName)).ToList());
        }

        if (plain.IsGenericType && plain.GetGenericTypeDefinition() == typeof(OrderedDictionary<,>))
        {
            var arguments = plain.GetGenericArguments();
            var entries = new List<Code>();
            foreach (DictionaryEntry entry in (IDictionary)value)
            {
                entries.Add(new PrefixedCode("[" + Of(arguments[0], entry.Key).Flat + "] = ", Of(arguments[1], entry.Value!)));
            }

            return ListCode.ObjectInitializer("new()", entries);
        }

        if (MessageShape.Of(plain) is { } shape)
        {
            return Message(shape, value, "new " + names.Name(plain));
        }

        throw new NotSupportedException($"Code generation has no C# form for a value of type {plain.Name} (field \"{fieldName}\").");
    }

    /// <summary>An object initializer of the set fields of a message: <c>new T { A = 1 }</c>, or <c>new T()</c>.</summary>
    public ListCode Message(MessageShape shape, object value, string head)
        => ListCode.ObjectInitializer(head, Assignments(shape, value, shape.Fields.Where(f => f.IsSet(value))));

    /// <summary><c>Property = value</c> for each of <paramref name="fields"/>.</summary>
    public List<Code> Assignments(MessageShape shape, object value, IEnumerable<FieldShape> fields)
        => fields.Select(f => (Code)new PrefixedCode(f.Property.Name + " = ", Of(f.Type, f.Get(value), f.Name))).ToList();

    /// <summary>
    /// A named constant of Mesh.Dsl for a string with a fixed vocabulary: a port's protocol as
    /// <c>Protocols.Http</c>, an API version as <c>ApiVersions.NetworkingV1Alpha3</c>.
    /// </summary>
    private string? NamedConstant(string text, string? fieldName)
    {
        var holder = fieldName switch
        {
            "protocol" => typeof(Protocols),
            "apiVersion" => typeof(ApiVersions),
            _ => null,
        };
        var constant = holder?.GetFields().FirstOrDefault(f => f.IsLiteral && f.FieldType == typeof(string) && (string?)f.GetRawConstantValue() == text);
        return constant is null ? null : names.Name(holder!) + "." + constant.Name;
    }
}
