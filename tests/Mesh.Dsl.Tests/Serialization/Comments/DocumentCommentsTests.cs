using Mesh.Dsl.Serialization;
using Mesh.Dsl.Serialization.Comments;

namespace Mesh.Dsl.Tests.Serialization.Comments;

/// <summary>The comments of a document, keyed by field path, as an importer reads them.</summary>
public class DocumentCommentsTests
{
    private const string Document = """
        # the cnn entry
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: cnn
          labels:
            app: cnn  # for the dashboards
            app.kubernetes.io/part-of: news  # a key with dots
        spec:
          ports:
          # plain HTTP
          - number: 80
            name: http  #   the app's port
            # closes the port
          portLevelMtls: {9080: {mode: STRICT}}  # not a ServiceEntry field; paths do not care
        # last words

        """;

    [Fact]
    public void Each_comment_is_found_under_the_path_of_the_field_it_annotates()
    {
        var comments = DocumentComments.Extract(Document);

        Assert.Equal(8, comments.Count);
        Assert.Equal(["# the cnn entry"], comments.Head.Select(c => c.Text));
        Assert.Equal(
            [
                ("", "end: # last words"),
                ("metadata.labels.app", "trailing: # for the dashboards"),
                ("metadata.labels[\"app.kubernetes.io/part-of\"]", "trailing: # a key with dots"),
                ("spec.ports[0]", "before: # plain HTTP; end: # closes the port"),
                ("spec.ports[0].name", "trailing: #   the app's port"),
                ("spec.portLevelMtls", "trailing: # not a ServiceEntry field; paths do not care"),
            ],
            comments.Paths().Select(p => (p.Path, Describe(p.Node))));
    }

    [Fact]
    public void Paths_are_found_in_the_form_diagnostics_write_them_and_bodies_lose_the_hash()
    {
        var comments = DocumentComments.Extract(Document);

        Assert.Equal("for the dashboards", comments.Find("metadata.labels[\"app\"]")!.Trailing![0].Body);
        Assert.Equal("for the dashboards", comments.Find("metadata.labels.app")!.Trailing![0].Body);
        Assert.Equal("a key with dots", comments.Find("metadata.labels[\"app.kubernetes.io/part-of\"]")!.Trailing![0].Body);
        Assert.Equal("the app's port", comments.Find("spec.ports[0].name")!.Trailing![0].Body);
        Assert.Equal(new SourcePosition(13, 17), comments.Find("spec.ports[0].name")!.Trailing![0].Position);
        Assert.Null(comments.Find("spec.ports[1]"));
        Assert.Null(comments.Find("spec.hosts"));
    }

    [Fact]
    public void A_document_without_a_hash_has_no_comments_and_a_hash_in_a_value_is_none()
    {
        Assert.Same(DocumentComments.None, DocumentComments.Extract("apiVersion: v1\nkind: Service\n"));
        Assert.True(DocumentComments.Extract("metadata:\n  name: \"a#b\"\n  url: http://x/#y\n").IsEmpty);
    }

    private static string Describe(CommentNode node)
    {
        var parts = new List<string>();
        if (node.Before is not null)
        {
            parts.Add("before: " + string.Join(" | ", node.Before.Select(c => c.Text)));
        }

        if (node.Trailing is not null)
        {
            parts.Add("trailing: " + string.Join(" | ", node.Trailing.Select(c => c.Text)));
        }

        if (node.End is not null)
        {
            parts.Add("end: " + string.Join(" | ", node.End.Select(c => c.Text)));
        }

        return string.Join("; ", parts);
    }
}
