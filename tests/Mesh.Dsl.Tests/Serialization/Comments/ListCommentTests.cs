using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Serialization.Comments;

/// <summary>
/// A kubectl <c>List</c> (<c>apiVersion: v1, kind: List, items: [...]</c>, what <c>kubectl get -o yaml</c> prints for
/// several objects) whose items are all Istio's is formatted as one document per item: the comments above and inside
/// an item move with it and its fields exactly as a top-level document's do, and the List's own comments are kept,
/// above the first document or after the last.
/// </summary>
public sealed class ListCommentTests : IDisposable
{
    private const string Dump = """
        # kubectl get vs,dr -n shop -o yaml, 2026-12-07
        apiVersion: v1
        items:
        # reviews routes: v2 for jason
        - apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata:
            creationTimestamp: "2026-03-02T09:14:30Z"  # when it was applied
            generation: 2
            name: reviews
            namespace: shop
          spec:
            hosts:
            - reviews  # the service
            http:
            # jason sees v2
            - match:
              - headers:
                  end-user:
                    exact: jason
              route:
              - destination:
                  host: reviews
                  subset: v2
            - route:
              - destination:
                  host: reviews
                  subset: v1  # everybody else
        # the subsets of reviews
        - apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata:
            name: reviews
            namespace: shop
          spec:
            host: reviews
            subsets:
            - labels:
                version: v1
              name: v1
            # v2 is the canary
            - labels:
                version: v2
              name: v2
            trafficPolicy:  # for every subset
              tls:
                mode: ISTIO_MUTUAL
        kind: List  # kubectl's own
        metadata:
          resourceVersion: ""
        # end of the dump
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("mesh-list-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Each_items_comments_move_with_its_fields_and_the_Lists_own_are_kept()
    {
        const string expected = """
            # kubectl get vs,dr -n shop -o yaml, 2026-12-07
            # reviews routes: v2 for jason
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: shop
              generation: 2
              creationTimestamp: "2026-03-02T09:14:30Z" # when it was applied
            spec:
              hosts:
              - reviews # the service
              http:
              # jason sees v2
              - match:
                - headers:
                    end-user:
                      exact: jason
                route:
                - destination:
                    host: reviews
                    subset: v2
              - route:
                - destination:
                    host: reviews
                    subset: v1 # everybody else
            ---
            # the subsets of reviews
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
              namespace: shop
            spec:
              host: reviews
              trafficPolicy: # for every subset
                tls:
                  mode: ISTIO_MUTUAL
              subsets:
              - name: v1
                labels:
                  version: v1
              # v2 is the canary
              - name: v2
                labels:
                  version: v2
            # kubectl's own
            # end of the dump
            """;

        Assert.Equal(expected + "\n", DocumentFormatterTests.Format(Dump, "dump.yaml"));
    }

    [Fact]
    public void Items_are_formatted_exactly_as_the_same_documents_on_their_own()
    {
        // The same two objects as documents of their own, each comment where it stood in the List: above, inside.
        const string documents = """
            # reviews routes: v2 for jason
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              creationTimestamp: "2026-03-02T09:14:30Z"  # when it was applied
              generation: 2
              name: reviews
              namespace: shop
            spec:
              hosts:
              - reviews  # the service
              http:
              # jason sees v2
              - match:
                - headers:
                    end-user:
                      exact: jason
                route:
                - destination:
                    host: reviews
                    subset: v2
              - route:
                - destination:
                    host: reviews
                    subset: v1  # everybody else
            ---
            # the subsets of reviews
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
              namespace: shop
            spec:
              host: reviews
              subsets:
              - labels:
                  version: v1
                name: v1
              # v2 is the canary
              - labels:
                  version: v2
                name: v2
              trafficPolicy:  # for every subset
                tls:
                  mode: ISTIO_MUTUAL
            """;

        var list = DocumentFormatterTests.Format(Dump, "dump.yaml");
        var alone = DocumentFormatterTests.Format(documents, "documents.yaml");

        // The List's own comments aside (its head, and the two after its items), the text is the same.
        Assert.Equal(
            "# kubectl get vs,dr -n shop -o yaml, 2026-12-07\n" + alone + "# kubectl's own\n# end of the dump\n",
            list);
    }

    [Fact]
    public void A_List_of_one_item_keeps_its_comments_at_the_items_fields()
    {
        const string dump = """
            apiVersion: v1
            kind: List
            # the only item
            items:
            - apiVersion: security.istio.io/v1
              kind: PeerAuthentication
              spec:
                mtls:
                  mode: STRICT  # no plaintext
                # for the shop's pods
                selector:
                  matchLabels:
                    app: shop
              metadata:
                name: shop  # as in the chart
                namespace: shop
            """;

        Assert.Equal(
            """
            # the only item
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata:
              name: shop # as in the chart
              namespace: shop
            spec:
              # for the shop's pods
              selector:
                matchLabels:
                  app: shop
              mtls:
                mode: STRICT # no plaintext

            """,
            DocumentFormatterTests.Format(dump, "dump.yaml"));
    }

    [Fact]
    public void An_empty_List_is_kept_as_it_is_with_its_comments()
    {
        const string text = """
            # nothing matched
            apiVersion: v1
            items: []  # kubectl get vs -n empty -o yaml
            kind: List
            metadata:
              resourceVersion: ""
            ---
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: a}
            spec: {hosts: [a.example.com]}  # one host

            """;

        Assert.Equal(
            """
            # nothing matched
            apiVersion: v1
            items: []  # kubectl get vs -n empty -o yaml
            kind: List
            metadata:
              resourceVersion: ""
            ---
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: a
            spec: # one host
              hosts:
              - a.example.com

            """,
            DocumentFormatterTests.Format(text, "empty.yaml"));
    }

    [Fact]
    public void Save_of_a_loaded_List_keeps_every_comment()
    {
        var path = Path.Combine(_root, "dump.yaml");
        File.WriteAllText(path, Dump);
        var mesh = IstioMesh.Load(_root);
        mesh.Find<DestinationRule>("reviews", "shop")!.Spec.TrafficPolicy!.Tls!.Mode = ClientTlsMode.Simple;

        mesh.Save(allowErrors: true);

        Assert.Equal(
            DocumentFormatterTests.Format(Dump, "dump.yaml").Replace("mode: ISTIO_MUTUAL", "mode: SIMPLE", StringComparison.Ordinal),
            File.ReadAllText(path));
    }
}
