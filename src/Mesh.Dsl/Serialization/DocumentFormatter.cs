using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization.Comments;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Formats one Istio document with its comments: the canonical YAML the writer writes for the resource
/// (byte for byte, when the source has no comment), with every comment of the source document beside
/// the field it annotates. <see cref="ManifestWriter"/> calls it for each Istio document when <c>mesh fmt</c>
/// formats a file and when a loaded mesh is saved.
/// </summary>
internal static class DocumentFormatter
{
    /// <summary>The resource's canonical YAML with the comments of <paramref name="sourceDocumentText"/>; no <c>---</c>, ending with a newline.</summary>
    /// <param name="resource">The resource read from the document.</param>
    /// <param name="sourceDocumentText">The document's text as it was read (the comment lines above it and its <c>---</c> line included, so a file's head comment travels with its first document), or empty for a resource not read from a file.</param>
    public static string Format(IstioResource resource, string sourceDocumentText)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(sourceDocumentText);
        return Format(resource, DocumentComments.Extract(sourceDocumentText));
    }

    /// <summary>The resource's canonical YAML with <paramref name="comments"/> (an item's of a List, see <see cref="ListItemComments"/>).</summary>
    public static string Format(IstioResource resource, DocumentComments comments)
    {
        var writer = new StringWriter { NewLine = "\n" };
        Write(new YamlStructuredWriter(writer), resource, comments);
        return writer.ToString();
    }

    /// <summary>Writes the resource with <paramref name="comments"/> into a writer that may hold earlier documents (see <see cref="YamlStructuredWriter.NextDocument"/>).</summary>
    public static void Write(YamlStructuredWriter yaml, IstioResource resource, DocumentComments comments)
        => ResourceWriter.Write(comments.IsEmpty ? yaml : new CommentingYamlWriter(yaml, comments), resource);
}
