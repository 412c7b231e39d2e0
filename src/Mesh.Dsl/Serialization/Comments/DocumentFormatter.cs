using Mesh.Dsl.Model;

namespace Mesh.Dsl.Serialization.Comments;

/// <summary>
/// Formats one Istio document with its comments: the canonical YAML the writer writes for the resource
/// (byte for byte, when the source has no comment), with every comment of the source document beside
/// the field it annotates. This is what <c>mesh fmt</c> and saving a loaded mesh call for each Istio
/// document of a file.
/// </summary>
internal static class DocumentFormatter
{
    /// <summary>The resource's canonical YAML with the comments of <paramref name="sourceDocumentText"/>; no <c>---</c>, ending with a newline.</summary>
    /// <param name="resource">The resource read from the document.</param>
    /// <param name="sourceDocumentText">The document's text as it was read (its <c>---</c> line may be included; a file's head comment belongs to its first document).</param>
    public static string Format(IstioResource resource, string sourceDocumentText)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(sourceDocumentText);
        var writer = new StringWriter { NewLine = "\n" };
        Write(new YamlStructuredWriter(writer), resource, DocumentComments.Extract(sourceDocumentText));
        return writer.ToString();
    }

    /// <summary>Writes the resource with <paramref name="comments"/> into a writer that may hold earlier documents (see <see cref="YamlStructuredWriter.NextDocument"/>).</summary>
    public static void Write(YamlStructuredWriter yaml, IstioResource resource, DocumentComments comments)
        => ResourceWriter.Write(comments.IsEmpty ? yaml : new CommentingYamlWriter(yaml, comments), resource);

    /// <summary>
    /// Formats every resource read from <paramref name="text"/>, in order, each with the comments of the
    /// document it came from (found by its source line); the comments of a document without a resource
    /// go above the next resource, or after the last.
    /// </summary>
    public static void FormatDocuments(TextWriter output, string text, IReadOnlyList<IstioResource> resources)
    {
        var yaml = new YamlStructuredWriter(output);
        var carried = new List<string>();
        var next = 0;

        void WriteNext(DocumentComments comments)
        {
            if (next > 0)
            {
                output.Write("---\n");
                yaml.NextDocument();
            }

            WriteLines(output, carried);
            carried.Clear();
            Write(yaml, resources[next++], comments);
        }

        foreach (var segment in DocumentSegments.Split(text))
        {
            var comments = text.AsSpan(segment.Start, segment.Length).Contains('#')
                ? DocumentComments.Extract(text.Substring(segment.Start, segment.Length))
                : DocumentComments.None;
            if (next < resources.Count && resources[next].Source?.Position.Line <= segment.LastLine)
            {
                WriteNext(comments);

                // A List document's resources come from one document: its comments went with the first.
                while (next < resources.Count && resources[next].Source?.Position.Line <= segment.LastLine)
                {
                    WriteNext(DocumentComments.None);
                }
            }
            else
            {
                carried.AddRange(comments.AllInSourceOrder().Select(c => c.Text));
            }
        }

        while (next < resources.Count)
        {
            WriteNext(DocumentComments.None); // every resource has a source; should one not, it is still written
        }

        WriteLines(output, carried);
    }

    private static void WriteLines(TextWriter output, List<string> lines)
    {
        foreach (var line in lines)
        {
            output.Write(line);
            output.Write('\n');
        }
    }
}
