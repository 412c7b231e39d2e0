using Mesh.Dsl.Model;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// The one place that turns an Istio document into its canonical YAML when a file is formatted or a loaded mesh is
/// saved. It is given the document's source text (the comment lines above it and its <c>---</c> line included, so
/// a file's head comment travels with its first document) so that comments can be carried over; today it writes
/// the canonical YAML of the resource alone.
/// </summary>
internal static class DocumentFormatting
{
    /// <summary>The canonical YAML of <paramref name="resource"/>, ending in a line break, without a <c>---</c> line.</summary>
    /// <param name="resource">The resource, as read (and perhaps changed since).</param>
    /// <param name="documentText">The text it was read from, or empty for a resource that was not read from a file.</param>
    public static string Format(IstioResource resource, string documentText)
    {
        _ = documentText; // the comment-carrying formatter reads it
        return MeshYaml.Serialize(resource);
    }
}
