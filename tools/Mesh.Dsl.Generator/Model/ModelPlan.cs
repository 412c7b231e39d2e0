using System.Text;

namespace Mesh.Dsl.Generator.Model;

/// <summary>How a field's values are shaped in C#.</summary>
internal enum FieldShape
{
    Scalar,
    Enum,
    Message,
    FreeForm,
    List,
    Map,
}

/// <summary>A C# type of the model generated from one proto message or enum.</summary>
internal sealed class PlannedType(ProtoType proto, string name, string ns)
{
    public ProtoType Proto { get; } = proto;

    public string Name { get; } = name;

    /// <summary>The namespace below Mesh.Dsl.Model ("Networking").</summary>
    public string Namespace { get; } = ns;

    public string FullName => $"global::Mesh.Dsl.Model.{Namespace}.{Name}";

    public List<PlannedField> Fields { get; } = new();

    /// <summary>The CRD description of the first field found holding this type.</summary>
    public string? Description { get; set; }

    /// <summary>The kind whose spec this message is, or null.</summary>
    public KindConfig? Kind { get; set; }

    /// <summary>A CRD description of the kind's spec (for spec messages).</summary>
    public string? KindDescription { get; set; }
}

/// <summary>One field of a generated message class.</summary>
internal sealed class PlannedField
{
    public required string JsonName { get; init; }

    public required string PropertyName { get; init; }

    public required FieldShape Shape { get; init; }

    /// <summary>The property type without nullability (<c>uint</c>, <c>global::...List&lt;string&gt;</c>).</summary>
    public required string Type { get; init; }

    /// <summary>True for value types, which the property makes nullable with <c>?</c>.</summary>
    public required bool IsValueType { get; init; }

    public required string Codec { get; init; }

    /// <summary>The element (list) or value (map) shape and type, for collections.</summary>
    public FieldShape ElementShape { get; init; }

    public string? ElementType { get; init; }

    /// <summary>The System.Text.Json converter the property needs (enums, durations), or null.</summary>
    public string? JsonConverter { get; init; }

    /// <summary>The oneof group (camelCase), or null.</summary>
    public string? OneOf { get; init; }

    public bool Deprecated { get; init; }

    public string? Description { get; set; }

    public bool IsCollection => Shape is FieldShape.List or FieldShape.Map;

    public string BackingField => "_" + char.ToLowerInvariant(PropertyName[0]) + PropertyName[1..];
}

/// <summary>Name conversions from Istio's spellings to C#'s.</summary>
internal static class Names
{
    private static readonly string[] Acronyms = ["HTTP", "TLS", "TCP", "JWT", "GRPC", "SNI", "URI", "URL", "DNS", "VM", "OIDC", "CEL"];

    /// <summary>A proto type name in Pascal case, with acronyms as words (<c>HTTPRoute</c> to <c>HttpRoute</c>).</summary>
    public static string TypeName(string shortName)
    {
        foreach (var acronym in Acronyms)
        {
            var index = shortName.IndexOf(acronym, StringComparison.Ordinal);
            if (index >= 0 && (index + acronym.Length == shortName.Length || !char.IsLower(shortName[index + acronym.Length])))
            {
                shortName = shortName[..index] + acronym[0] + acronym[1..].ToLowerInvariant() + shortName[(index + acronym.Length)..];
            }
        }

        return shortName;
    }

    /// <summary>A JSON field name in Pascal case (<c>exportTo</c> to <c>ExportTo</c>).</summary>
    public static string PropertyName(string jsonName)
    {
        var builder = new StringBuilder(jsonName.Length);
        var upper = true;
        foreach (var c in jsonName)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }

    /// <summary>An enum value in Pascal case (<c>DNS_ROUND_ROBIN</c> to <c>DnsRoundRobin</c>).</summary>
    public static string EnumMember(string value)
    {
        if (ModelConfig.EnumMemberNames.TryGetValue(value, out var name))
        {
            return name;
        }

        if (value.Any(char.IsLower))
        {
            return value; // already Pascal case, as Kubernetes spells pull policies (IfNotPresent)
        }

        var builder = new StringBuilder(value.Length);
        foreach (var word in value.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(char.ToUpperInvariant(word[0])).Append(word[1..].ToLowerInvariant());
        }

        return builder.ToString();
    }

    /// <summary>A proto oneof name in camel case (<c>lb_policy</c> to <c>lbPolicy</c>).</summary>
    public static string CamelCase(string snake)
    {
        var pascal = PropertyName(snake);
        return char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }
}
