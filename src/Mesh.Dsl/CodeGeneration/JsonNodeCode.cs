using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// Typed C# for the free-form values of Struct fields (an EnvoyFilter patch's value, a WasmPlugin's
/// pluginConfig), which the model holds as <see cref="JsonNode"/>s:
/// <c>new JsonObject { ["k"] = "v", ["n"] = 1L, ["list"] = new JsonArray { true, null } }</c>.
/// </summary>
internal static class JsonNodeCode
{
    /// <summary>The expression for <paramref name="node"/>; <c>null</c> for a JSON null.</summary>
    /// <param name="node">The node.</param>
    /// <param name="names">Where the namespace <c>System.Text.Json.Nodes</c> is recorded as used.</param>
    public static Code Of(JsonNode? node, TypeNames names)
    {
        switch (node)
        {
            case null:
                return Code.Text("null");
            case JsonObject members:
                names.Use("System.Text.Json.Nodes");
                return ListCode.ObjectInitializer(
                    "new JsonObject",
                    members.Select(m => (Code)new PrefixedCode("[" + CSharpLiterals.String(m.Key) + "] = ", Of(m.Value, names))).ToList());
            case JsonArray items:
                names.Use("System.Text.Json.Nodes");
                return ListCode.ObjectInitializer("new JsonArray", items.Select(i => Of(i, names)).ToList());
            default:
                return Code.Text(Scalar(node.AsValue()));
        }
    }

    // The literal keeps the value's CLR type (1L, not 1): the writer tells an integer from a double by it, so the
    // generated program writes the same YAML the file had.
    private static string Scalar(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return CSharpLiterals.String(value.GetValue<string>());
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number when value.TryGetValue<long>(out var integer):
                return CSharpLiterals.Integer(integer) + "L";
            case JsonValueKind.Number when value.TryGetValue<double>(out var number):
                return CSharpLiterals.Double(number);
            case JsonValueKind.Number:
                return CSharpLiterals.Double(double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture));
            case JsonValueKind.Null:
                return "null";
            default:
                throw new NotSupportedException($"Code generation has no C# form for the JSON value {value.ToJsonString()}.");
        }
    }
}
