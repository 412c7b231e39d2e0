using k8s.Models;
using Mesh.Dsl.Model;

namespace Mesh.Dsl.Serialization;

/// <summary>Writes one resource: apiVersion, kind, metadata (name, namespace, labels, annotations), spec.</summary>
internal static class ResourceWriter
{
    public static void Write(StructuredWriter writer, IstioResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        writer.BeginMapping();
        writer.FieldKey("apiVersion");
        writer.String(resource.ApiVersion);
        writer.FieldKey("kind");
        writer.String(resource.Kind);
        WriteMetadata(writer, resource.Metadata ?? new V1ObjectMeta());
        writer.FieldKey("spec");
        resource.Definition.WriteSpec(writer, resource);
        writer.EndMapping();
    }

    private static void WriteMetadata(StructuredWriter writer, V1ObjectMeta metadata)
    {
        writer.FieldKey("metadata");
        if (metadata.Name is null && metadata.GenerateName is null && metadata.NamespaceProperty is null
            && metadata.Labels is not { Count: > 0 } && metadata.Annotations is not { Count: > 0 })
        {
            writer.EmptyMapping();
            return;
        }

        writer.BeginMapping();
        WriteString(writer, "name", metadata.Name);
        WriteString(writer, "generateName", metadata.GenerateName);
        WriteString(writer, "namespace", metadata.NamespaceProperty);
        WriteMap(writer, "labels", metadata.Labels);
        WriteMap(writer, "annotations", metadata.Annotations);
        writer.EndMapping();
    }

    private static void WriteString(StructuredWriter writer, string key, string? value)
    {
        if (value is not null)
        {
            writer.FieldKey(key);
            writer.String(value);
        }
    }

    private static void WriteMap(StructuredWriter writer, string key, IDictionary<string, string>? map)
    {
        if (map is not { Count: > 0 })
        {
            return;
        }

        writer.FieldKey(key);
        writer.BeginMapping();
        foreach (var (k, v) in map)
        {
            writer.Key(k);
            writer.String(v);
        }

        writer.EndMapping();
    }
}
