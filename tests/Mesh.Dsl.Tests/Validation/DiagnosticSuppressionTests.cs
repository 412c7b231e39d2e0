using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>istioctl's two ways to silence a finding: the resource annotation and <c>--suppress CODE=Kind name.namespace</c>.</summary>
public class DiagnosticSuppressionTests
{
    private static string Permissive(string name, string ns, string? annotation = null) =>
        $"apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: {name}\n  namespace: {ns}\n"
        + (annotation is null ? string.Empty : $"  annotations:\n    galley.istio.io/analyze-suppress: \"{annotation}\"\n")
        + "spec:\n  mtls: {mode: PERMISSIVE}\n";

    // A VirtualService bound to a Gateway that does not exist (IST0101) whose second match repeats the first (IST0131).
    private const string DanglingGateway =
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: shop\nspec:\n  hosts: [reviews.shop.svc.cluster.local]\n  gateways: [missing]\n"
        + "  http:\n  - match: [{uri: {prefix: /a}}, {uri: {prefix: /a}}]\n    route: [{destination: {host: reviews.shop.svc.cluster.local}}]\n";

    private static IReadOnlyList<Diagnostic> Validate(string yaml, params string[] suppressions)
        => new MeshValidator { Suppressions = suppressions.Select(DiagnosticSuppression.Parse).ToList() }.Validate(MeshYaml.Read(yaml));

    [Fact]
    public void Parse_reads_istioctl_syntax()
    {
        var suppression = DiagnosticSuppression.Parse("IST0107=Pod *.testing");
        Assert.Equal("IST0107", suppression.Code);
        Assert.Equal("Pod *.testing", suppression.ResourcePattern);
    }

    [Theory]
    [InlineData("IST0107")]
    [InlineData("IST0107=")]
    [InlineData("=Pod a.b")]
    [InlineData("IST0107=Pod a=b")]
    public void Parse_refuses_text_that_is_not_code_equals_resource(string text)
    {
        var error = Assert.Throws<FormatException>(() => DiagnosticSuppression.Parse(text));
        Assert.Contains("CODE=Kind name.namespace", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PeerAuthentication p.testing", true)]
    [InlineData("PeerAuthentication *.testing", true)]
    [InlineData("PeerAuthentication *", true)]
    [InlineData("*", true)]
    [InlineData("Peer*tion p.*", true)]
    [InlineData("PeerAuthentication p", false)]
    [InlineData("PeerAuthentication *.prod", false)]
    [InlineData("Sidecar *", false)]
    [InlineData("peerauthentication p.testing", false)]
    public void Pattern_is_matched_against_kind_name_dot_namespace_with_star_wildcards(string pattern, bool silenced)
    {
        var diagnostics = Validate(Permissive("p", "testing"), $"MESH3005={pattern}");
        Assert.Equal(silenced, !diagnostics.Any(d => d.Code == DiagnosticCodes.PermissiveMtls));
    }

    [Fact]
    public void Resource_without_namespace_is_named_in_the_default_namespace()
    {
        var yaml = "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: p\nspec:\n  mtls: {mode: PERMISSIVE}\n";
        Assert.Contains(Validate(yaml), d => d.Code == DiagnosticCodes.PermissiveMtls);
        Assert.DoesNotContain(Validate(yaml, "MESH3005=PeerAuthentication p.default"), d => d.Code == DiagnosticCodes.PermissiveMtls);
    }

    [Fact]
    public void Suppression_silences_only_its_code()
    {
        Assert.Contains(Validate(DanglingGateway), d => d.Code == DiagnosticCodes.VirtualServiceIneffectiveMatch);
        var diagnostics = Validate(DanglingGateway, "IST0101=VirtualService reviews.shop");
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.ReferencedResourceNotFound);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.VirtualServiceIneffectiveMatch);
    }

    [Fact]
    public void Annotation_silences_the_codes_it_lists_on_its_own_resource_only()
    {
        var yaml = Permissive("quiet", "a", "IST0101, MESH3005") + "---\n" + Permissive("loud", "a");
        var diagnostics = Validate(yaml);
        var left = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.PermissiveMtls);
        Assert.Equal("loud", left.Name);
    }

    [Fact]
    public void Annotation_star_silences_every_code_of_the_resource()
    {
        var annotated = DanglingGateway.Replace("  namespace: shop\n", "  namespace: shop\n  annotations:\n    galley.istio.io/analyze-suppress: \"*\"\n", StringComparison.Ordinal);
        Assert.NotEmpty(Validate(DanglingGateway));
        Assert.Empty(Validate(annotated));
    }

    [Fact]
    public void IstioMesh_Validate_honours_the_annotation()
    {
        var mesh = new IstioMesh();
        mesh.AddRange(MeshYaml.Read(Permissive("p", "a", "MESH3005")));
        Assert.DoesNotContain(mesh.Validate(), d => d.Code == DiagnosticCodes.PermissiveMtls);
    }

    [Fact]
    public void Read_errors_are_never_suppressed()
    {
        var folder = Directory.CreateTempSubdirectory("mesh-suppress-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "bad.yaml"), "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: x\nspec:\n  hostz: [a.com]\n");
            var validator = new MeshValidator { Suppressions = [DiagnosticSuppression.Parse("MESH1000=*")] };
            Assert.Contains(validator.ValidateFiles([folder]), d => d.Code == DiagnosticCodes.ReadError);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Suppressed_diagnostics_keep_the_order_of_the_others()
    {
        var yaml = Permissive("a", "x") + "---\n" + DanglingGateway + "---\n" + Permissive("b", "x");
        var all = Validate(yaml);
        var filtered = Validate(yaml, "IST0131=VirtualService *");
        Assert.Equal(all.Where(d => d.Code != DiagnosticCodes.VirtualServiceIneffectiveMatch), filtered);
    }
}
