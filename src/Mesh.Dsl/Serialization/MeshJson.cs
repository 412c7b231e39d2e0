using System.Text.Json;
using Mesh.Dsl.Model;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// JSON for Istio resources, with the same field order and omissions as <see cref="MeshYaml"/>.
/// Several resources are written as a Kubernetes <c>List</c>. Reading JSON goes through
/// <see cref="MeshYaml.Read(string, string?)"/>, since JSON is YAML.
/// </summary>
public static class MeshJson
{
    /// <summary>Writes one resource as a JSON object.</summary>
    /// <param name="resource">The resource.</param>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(IstioResource resource, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(resource);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options(indented)))
        {
            ResourceWriter.Write(new JsonStructuredWriter(json), resource);
        }

        return MeshYaml.Utf8.GetString(stream.ToArray());
    }

    /// <summary>Writes resources as a Kubernetes <c>List</c> (<c>{"apiVersion":"v1","kind":"List","items":[...]}</c>).</summary>
    /// <param name="resources">The resources, in this order.</param>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(IEnumerable<IstioResource> resources, bool indented = true)
    {
        using var stream = new MemoryStream();
        Write(stream, resources, indented);
        return MeshYaml.Utf8.GetString(stream.ToArray());
    }

    /// <summary>Streams resources as a Kubernetes <c>List</c> in UTF-8 JSON.</summary>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="resources">The resources, in this order.</param>
    /// <param name="indented">Whether to indent the output.</param>
    public static void Write(Stream stream, IEnumerable<IstioResource> resources, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(resources);
        using var json = new Utf8JsonWriter(stream, Options(indented));
        json.WriteStartObject();
        json.WriteString("apiVersion", "v1");
        json.WriteString("kind", "List");
        json.WritePropertyName("items");
        json.WriteStartArray();
        var writer = new JsonStructuredWriter(json);
        foreach (var resource in resources)
        {
            ResourceWriter.Write(writer, resource);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static JsonWriterOptions Options(bool indented) => new()
    {
        Indented = indented,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
