using Mesh.Dsl.Model;

namespace Mesh.Dsl.Serialization;

/// <summary>Writes one resource: apiVersion, kind, metadata (every ObjectMeta field, see <see cref="ObjectMetaFields"/>), spec, status.</summary>
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
        writer.FieldKey("metadata");
        ObjectMetaFields.Write(writer, resource);
        writer.FieldKey("spec");
        resource.Definition.WriteSpec(writer, resource);
        if (FreeFormValues.IsSet(resource.Status))
        {
            writer.FieldKey("status");
            FreeFormValues.Write(writer, resource.Status!);
        }

        writer.EndMapping();
    }
}
