using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization.Comments;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// The one place that turns an Istio document into its canonical YAML when a file is formatted or a loaded mesh is
/// saved. It is given the document's source text (the comment lines above it and its <c>---</c> line included, so
/// a file's head comment travels with its first document), whose comments <see cref="DocumentFormatter"/> carries
/// over beside the fields they annotate.
/// </summary>
internal static class DocumentFormatting
{
    /// <summary>The canonical YAML of <paramref name="resource"/> with the comments of its source, ending in a line break, without a <c>---</c> line.</summary>
    /// <param name="resource">The resource, as read (and perhaps changed since).</param>
    /// <param name="documentText">The text it was read from, or empty for a resource that was not read from a file.</param>
    public static string Format(IstioResource resource, string documentText)
        => documentText.Length == 0 ? MeshYaml.Serialize(resource) : DocumentFormatter.Format(resource, documentText);
}
