using Mesh.Dsl.Cli;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Cli;

/// <summary><c>mesh fmt</c> and <c>mesh validate</c> on a repository's files: other documents stay, in their place.</summary>
public sealed class FmtRepositoryTests : IDisposable
{
    private static readonly string Repository = Path.Combine(TestPaths.RepositoryRoot, "tests", "Mesh.Dsl.Tests", "Fixtures", "Repository");

    private readonly string _root = Directory.CreateTempSubdirectory("mesh-fmt-repo-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = MeshCli.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private string Copy(string relativePath)
    {
        var target = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(Repository, relativePath), target);
        return target;
    }

    [Fact]
    public void Fmt_out_formats_the_Istio_documents_and_keeps_every_other_document_as_it_was_in_its_place()
    {
        var output = Path.Combine(_root, "out");

        var run = Run("fmt", "--out", output, Repository);

        Assert.Equal((ExitCodes.Success, "", ""), run);
        foreach (var file in Directory.GetFiles(Repository, "*.yaml", SearchOption.AllDirectories))
        {
            var before = MeshYaml.TryReadFile(file);
            var after = MeshYaml.TryReadFile(Path.Combine(output, Path.GetRelativePath(Repository, file)));
            Assert.Empty(after.Errors);
            Assert.Equal(before.OtherDocuments.Select(d => d.Text), after.OtherDocuments.Select(d => d.Text));
            Assert.Equal(before.Resources, after.Resources, Mesh.Dsl.Model.ResourceComparer.Instance);
        }

        // The documents keep their order: the checkout file's VirtualService still comes after its Service.
        var formatted = File.ReadAllText(Path.Combine(output, "shop", "checkout.yaml"));
        Assert.True(formatted.IndexOf("kind: Service\n", StringComparison.Ordinal) < formatted.IndexOf("kind: VirtualService", StringComparison.Ordinal));
        Assert.EndsWith("checkout:2.0.0-rc.1\n# end of the checkout manifests\n", formatted, StringComparison.Ordinal);

        // Formatting again changes nothing.
        var again = Path.Combine(_root, "again");
        Assert.Equal(ExitCodes.Success, Run("fmt", "--out", again, output).ExitCode);
        Assert.Equal(formatted, File.ReadAllText(Path.Combine(again, "shop", "checkout.yaml")));
    }

    [Fact]
    public void Fmt_of_the_checkout_file_rewrites_only_its_Istio_documents_in_their_places()
    {
        var file = Copy("shop/checkout.yaml");
        var original = File.ReadAllText(file);

        var run = Run("fmt", file);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var virtualService = """
            # Routing: everything to v1 until v2 is proven.
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: checkout, namespace: shop}
            spec:
              http:
              - route:
                - destination: {host: checkout, subset: v1}   # the stable subset
              hosts: [checkout]

            """;
        // The Istio documents' comments move with their fields (the document's head comment stays on top).
        var canonical = """
            # Routing: everything to v1 until v2 is proven.
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: checkout
              namespace: shop
            spec:
              hosts:
              - checkout
              http:
              - route:
                - destination: # the stable subset
                    host: checkout
                    subset: v1

            """;
        var policy = """
            # Only the frontend may call checkout.
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: checkout-callers
              namespace: shop
            spec:
              selector:
                matchLabels:
                  app: checkout
              action: ALLOW
              rules:
              - from:
                - source:
                    principals: ["cluster.local/ns/shop/sa/frontend"]

            """;
        var canonicalPolicy = """
            # Only the frontend may call checkout.
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: checkout-callers
              namespace: shop
            spec:
              selector:
                matchLabels:
                  app: checkout
              rules:
              - from:
                - source:
                    principals:
                    - cluster.local/ns/shop/sa/frontend
              action: ALLOW

            """;
        Assert.Contains(virtualService, original, StringComparison.Ordinal);
        Assert.Contains(policy, original, StringComparison.Ordinal);
        Assert.Equal(original.Replace(virtualService, canonical, StringComparison.Ordinal).Replace(policy, canonicalPolicy, StringComparison.Ordinal), run.Stdout);
    }

    [Fact]
    public void Fmt_write_leaves_a_file_without_Istio_documents_untouched()
    {
        var file = Path.Combine(_root, "apps.yaml");
        File.WriteAllText(file, "# only Kubernetes here\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n# and a comment at the end\n");
        var modified = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, modified);

        var run = Run("fmt", "--write", file);

        Assert.Equal((ExitCodes.Success, "", ""), run);
        Assert.Equal(modified, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public void Fmt_strip_server_fields_applies_to_every_document_of_the_file()
    {
        var file = Copy("kubectl-get-list.yaml");

        var run = Run("fmt", "--write", "--strip-server-fields", file);

        Assert.Equal((ExitCodes.Success, "", ""), run);
        var text = File.ReadAllText(file);
        foreach (var field in new[] { "uid:", "resourceVersion: \"4", "creationTimestamp:", "generation:", "status:", "last-applied-configuration" })
        {
            Assert.DoesNotContain(field, text, StringComparison.Ordinal);
        }

        Assert.Contains("    clusterIP: 10.96.14.201\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fmt_of_a_template_reports_one_error_and_leaves_the_file()
    {
        var file = Path.Combine(_root, "service.yaml");
        const string template = "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include \"app.fullname\" . }}\n";
        File.WriteAllText(file, template);

        var run = Run("fmt", "--write", file);

        Assert.Equal(
            (ExitCodes.Failure, "", $"{file}:4:9: this file is a Helm or Go template, not YAML ({{{{ ... }}}} cannot be parsed); render it first (helm template, or the tool that fills it in) and check the output\nmesh fmt: {file}: not formatted: 1 error\n"),
            run);
        Assert.Equal(template, File.ReadAllText(file));
    }

    [Fact]
    public void Validate_reads_a_repository_without_a_read_error_and_checks_against_its_Kubernetes_objects()
    {
        var run = Run("validate", Repository);

        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Stderr));
        Assert.DoesNotContain("MESH1000", run.Stdout, StringComparison.Ordinal);
    }
}
