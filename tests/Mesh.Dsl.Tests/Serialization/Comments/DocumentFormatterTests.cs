using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Serialization.Comments;

namespace Mesh.Dsl.Tests.Serialization.Comments;

/// <summary>
/// Formatting keeps comments: commented files in the shape of a config repository (several kinds,
/// keys out of Istio's order, flow collections, block scalars), each with the exact output expected.
/// </summary>
public class DocumentFormatterTests
{
    private const string Egress = """
        # Egress to the CNN APIs.
        # Owner: platform team.
        kind: ServiceEntry   # external hosts
        apiVersion: networking.istio.io/v1
        spec:
          # resolved by DNS at the sidecar
          resolution: DNS  # not NONE: see MESH3002
          ports:
          # plain HTTP, upgraded by the DestinationRule below
          - name: http-port   # the app talks HTTP
            protocol: HTTP
            number: 80
            # no targetPort: the same port
          - {number: 443, name: https, protocol: HTTPS}  # passthrough
          # both spellings of the host
          hosts: [edition.cnn.com, "*.cnn.com"]  # flow list
        metadata:
          labels:
            app: cnn   # used by the dashboards
            team: platform
          name: cnn
          # the namespace comes from kustomize
        ---
        # Originate TLS for port 80.
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: cnn
        spec:
          trafficPolicy:
            portLevelSettings:
            - tls:
                mode: SIMPLE # TLS to the origin
                sni: edition.cnn.com
              port:
                number: 80
                # only port 80
          host: edition.cnn.com
          # the end of the spec
        # the end of the file

        """;

    private const string EgressFormatted = """
        # Egress to the CNN APIs.
        # Owner: platform team.
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry # external hosts
        metadata:
          name: cnn
          labels:
            app: cnn # used by the dashboards
            team: platform
          # the namespace comes from kustomize
        spec:
          # both spellings of the host
          hosts: # flow list
          - edition.cnn.com
          - "*.cnn.com"
          ports:
          # plain HTTP, upgraded by the DestinationRule below
          - number: 80
            name: http-port # the app talks HTTP
            protocol: HTTP
            # no targetPort: the same port
          # passthrough
          - number: 443
            name: https
            protocol: HTTPS
          # resolved by DNS at the sidecar
          resolution: DNS # not NONE: see MESH3002
        ---
        # Originate TLS for port 80.
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: cnn
        spec:
          host: edition.cnn.com
          trafficPolicy:
            portLevelSettings:
            - port:
                number: 80
                # only port 80
              tls:
                mode: SIMPLE # TLS to the origin
                sni: edition.cnn.com
          # the end of the spec
        # the end of the file

        """;

    private const string Routes = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews # the reviews route
        spec:
          hosts:
          - reviews # short name
          http:
          - route:
            - destination:
                host: reviews
                subset: v2
              weight: 25  # canary
            - destination:
                subset: v1
                host: reviews
              weight: 75
            # retries apply to both
            retries:
              attempts: 3
              perTryTimeout: 2s   # per try
            match:
            - headers:
                end-user:
                  exact: jason # the tester
          exportTo:
          - "."
          # exportTo keeps it in this namespace

        """;

    private const string RoutesFormatted = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews # the reviews route
        spec:
          hosts:
          - reviews # short name
          http:
          - match:
            - headers:
                end-user:
                  exact: jason # the tester
            route:
            - destination:
                host: reviews
                subset: v2
              weight: 25 # canary
            - destination:
                host: reviews
                subset: v1
              weight: 75
            # retries apply to both
            retries:
              attempts: 3
              perTryTimeout: 2s # per try
          exportTo:
          - .
          # exportTo keeps it in this namespace

        """;

    // Block and multi-line scalars, number keys, a flow mapping, fields left unset, a document of comments only.
    private const string Policies = """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          annotations:
            # why this policy exists
            mesh.example.com/reason: |  # a literal block
              Legacy clients on 9080
              still send plaintext.
            mesh.example.com/owner: "platform
              team"  # a quoted string over two lines
          namespace: bookinfo
          name: details
        spec:
          portLevelMtls:
            9080:  # the legacy port
              mode: PERMISSIVE
            "9443":
              mode: STRICT  # new clients
          selector:  # which pods
            matchLabels:
              app: details
          mtls: {mode: STRICT}  # everything else
        ---
        # a document of comments only: kept with the next one
        ---
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata:
          name: default
        spec:
          outboundTrafficPolicy:  # not set yet
          egress:
          - hosts: ["./*", "istio-system/*"]  # same namespace and the control plane
            # the port is optional
          workloadSelector: ~  # a null: the Sidecar applies to the namespace

        """;

    private const string PoliciesFormatted = """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: details
          namespace: bookinfo
          annotations:
            # why this policy exists
            mesh.example.com/reason: | # a literal block
              Legacy clients on 9080
              still send plaintext.
            mesh.example.com/owner: platform team # a quoted string over two lines
        spec:
          selector: # which pods
            matchLabels:
              app: details
          mtls: # everything else
            mode: STRICT
          portLevelMtls:
            9080: # the legacy port
              mode: PERMISSIVE
            9443:
              mode: STRICT # new clients
        ---
        # a document of comments only: kept with the next one
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata:
          name: default
        spec:
          egress:
          - hosts: # same namespace and the control plane
            - ./*
            - istio-system/*
            # the port is optional
          # not set yet
          # a null: the Sidecar applies to the namespace

        """;

    /// <summary>What <c>mesh fmt</c> writes for a file's text; throws on a read error.</summary>
    internal static string Format(string text, string? file = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var errors = MeshYaml.Format(new StringReader(text), output, file);
        return errors.Count == 0 ? output.ToString() : throw new MeshReadException(errors);
    }

    public static TheoryData<string, string> CommentedFiles => new()
    {
        { Egress, EgressFormatted },
        { Routes, RoutesFormatted },
        { Policies, PoliciesFormatted },
    };

    [Theory]
    [MemberData(nameof(CommentedFiles))]
    public void Comments_move_with_their_fields_into_Istios_order(string source, string expected)
    {
        Assert.Equal(expected, Format(source, "commented.yaml"));
    }

    [Theory]
    [MemberData(nameof(CommentedFiles))]
    public void Formatted_output_reads_back_equal_and_formatting_it_again_changes_nothing(string source, string expected)
    {
        var formatted = Format(source);

        Assert.Equal(MeshYaml.Read(source), MeshYaml.Read(formatted), ResourceComparer.Instance);
        Assert.Equal(formatted, Format(formatted));
        Assert.Equal(expected, formatted);
    }

    [Theory]
    [InlineData("Repository/shop/checkout.yaml")]
    [InlineData("Repository/platform/gateway.yaml")]
    public void A_repositorys_files_keep_every_comment_of_every_document(string file)
    {
        var source = File.ReadAllText(CommentPropertyTests.Fixture(file));
        var comments = source.Split('\n').Select(line => line.IndexOf('#', StringComparison.Ordinal) is var at and >= 0 ? line[at..].TrimEnd() : null)
            .OfType<string>().ToList();

        var formatted = Format(source, file);

        Assert.NotEmpty(comments);
        Assert.All(comments, comment => Assert.Equal(comments.Count(c => c == comment), CommentPropertyTests.Occurrences(formatted, comment)));
    }

    [Fact]
    public void Each_resource_is_formatted_with_the_comments_of_its_own_document()
    {
        var documents = Egress.Split("---\n");
        var resources = MeshYaml.Read(Egress);

        var first = DocumentFormatter.Format(resources[0], documents[0]);
        var second = DocumentFormatter.Format(resources[1], "---\n" + documents[1]);

        Assert.Equal(EgressFormatted, first + "---\n" + second);
    }

    [Fact]
    public void Without_comments_a_document_is_written_byte_for_byte_as_the_writer_writes_it()
    {
        foreach (var path in Directory.GetFiles(TestPaths.Scenarios, "*.yaml").Where(p => !p.EndsWith(".input.yaml", StringComparison.Ordinal)))
        {
            var resources = MeshYaml.ReadFile(path);
            foreach (var resource in resources)
            {
                // The scenario files are canonical apart from their head comment: each document again without it.
                var canonical = MeshYaml.Serialize(resource);
                Assert.Equal(canonical, DocumentFormatter.Format(resource, canonical));
                Assert.Equal(canonical, DocumentFormatter.Format(resource, "---\n" + canonical.Replace("\n", "\r\n")));
            }

            Assert.Equal(MeshYaml.Serialize(resources), Format(MeshYaml.Serialize(resources)));
        }
    }

    [Fact]
    public void A_hash_inside_a_value_is_not_a_comment()
    {
        const string source = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: "hash#in-name"
              annotations:
                note: "a # b"
                other: 'c #d'
                url: http://example.com/#anchor
            spec:
              hosts: [a.example.com]

            """;

        Assert.Equal(MeshYaml.Serialize(MeshYaml.Read(source)), Format(source));
    }

    [Fact]
    public void Comments_on_separator_lines_windows_line_ends_and_a_file_of_comments_only_are_kept()
    {
        const string source = "# head of the file\r\n---   # on the separator\r\napiVersion: networking.istio.io/v1\r\nkind: Gateway\r\n"
            + "metadata: {name: gw}\r\nspec:\r\n  selector: {istio: ingressgateway}   # the default ingress\r\n...  # after the document end\r\n";
        const string expected = """
            # head of the file
            # on the separator
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: gw
            spec:
              selector: # the default ingress
                istio: ingressgateway
            # after the document end

            """;

        Assert.Equal(expected, Format(source));
        Assert.Equal("# nothing here yet\n---\n# still nothing\n", Format("# nothing here yet\n---\n# still nothing\n"));
    }

    [Fact]
    public void A_comment_indented_deeper_than_the_next_key_ends_the_block_it_is_indented_into()
    {
        const string source = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
            spec:
              subsets:
              - name: v1
                labels:
                  version: v1
                    # deeper than the labels: still the labels' end
                  # the labels' end
                # the subset's end
              # before host, at its column
              host: reviews
              trafficPolicy:
                loadBalancer:
                  simple: ROUND_ROBIN
                    # the load balancer's end
              # the end of the spec, last

            """;
        const string expected = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
            spec:
              # before host, at its column
              host: reviews
              trafficPolicy:
                loadBalancer:
                  simple: ROUND_ROBIN
                  # the load balancer's end
              subsets:
              - name: v1
                labels:
                  version: v1
                  # deeper than the labels: still the labels' end
                  # the labels' end
                # the subset's end
              # the end of the spec, last

            """;

        Assert.Equal(expected, Format(source));
    }

    [Fact]
    public void A_document_without_comments_costs_no_allocation_beyond_the_writers_own()
    {
        var resources = MeshYaml.Read(Egress);
        var yaml = new YamlStructuredWriter(TextWriter.Null);
        const string uncommented = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: cnn}\n";

        long Allocated(Action<IstioResource> write)
        {
            yaml.NextDocument();
            write(resources[0]); // the first call compiles and initializes
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++)
            {
                yaml.NextDocument();
                write(resources[i % 2]);
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var plain = Allocated(resource => ResourceWriter.Write(yaml, resource));
        var formatted = Allocated(resource => DocumentFormatter.Write(yaml, resource, DocumentComments.Extract(uncommented)));

        Assert.Same(DocumentComments.None, DocumentComments.Extract(uncommented));
        Assert.Equal(plain, formatted);
    }
}
