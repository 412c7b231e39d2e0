using Mesh.Dsl.Model.Security;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>PA-02: <c>portLevelMtls: {}</c> is rejected by the CRD (minProperties 1), an unset map is not.</summary>
public class EmptyPortLevelMtlsTests
{
    private const string EmptyMessage = "portLevelMtls is present but lists no port; add at least one port (such as 9080: {mode: DISABLE}), or remove portLevelMtls.";

    [Fact]
    public void An_empty_port_level_mtls_map_read_from_a_document_is_an_error_at_its_line()
    {
        var yaml = Resource("PeerAuthentication", "selector: {matchLabels: {app: web}}\nmtls: {mode: STRICT}\nportLevelMtls: {}");

        var diagnostic = Assert.Single(Validate(yaml));

        Assert.Equal((DiagnosticCodes.InvalidPortLevelMtls, DiagnosticSeverity.Error, "spec.portLevelMtls", EmptyMessage), (diagnostic.Code, diagnostic.Severity, diagnostic.Path, diagnostic.Message));
        Assert.Equal(yaml.Split('\n').ToList().FindIndex(l => l.Contains("portLevelMtls", StringComparison.Ordinal)) + 1, diagnostic.Line);
    }

    [Fact]
    public void Without_a_selector_the_empty_map_also_needs_one_as_the_cel_rule_says()
    {
        var diagnostics = Validate(Resource("PeerAuthentication", "mtls: {mode: STRICT}\nportLevelMtls: {}"));

        Assert.Equal(2, diagnostics.Count(d => d.Code == DiagnosticCodes.InvalidPortLevelMtls));
        Assert.Contains(diagnostics, d => d.Message.StartsWith("portLevelMtls requires a workload selector", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message == EmptyMessage);
    }

    [Fact]
    public void An_unset_map_is_valid_even_after_a_program_reads_the_property()
    {
        var policy = (PeerAuthentication)MeshYaml.Read(Resource("PeerAuthentication", "selector: {matchLabels: {app: web}}\nmtls: {mode: STRICT}"), "test.yaml")[0];

        Assert.Empty(policy.Spec.PortLevelMtls);

        AssertClean(new MeshValidator().Validate([policy]));
        AssertClean(new MeshValidator().Validate([policy]));
    }

    [Fact]
    public void The_writer_still_leaves_the_empty_map_out()
    {
        var policy = MeshYaml.Read(Resource("PeerAuthentication", "selector: {matchLabels: {app: web}}\nmtls: {mode: STRICT}\nportLevelMtls: {}"), "test.yaml")[0];

        var written = MeshYaml.Serialize(policy);

        Assert.DoesNotContain("portLevelMtls", written, StringComparison.Ordinal);
        AssertClean(new MeshValidator().Validate(MeshYaml.Read(written, "written.yaml")));
    }

    [Fact]
    public void A_program_that_assigns_an_empty_map_gets_the_error_and_one_that_assigns_null_does_not()
    {
        var policy = new PeerAuthentication { Metadata = new() { Name = "p", NamespaceProperty = "default" } };
        policy.Spec.Selector = new LabelSelector();
        policy.Spec.Selector.MatchLabels["app"] = "web";

        policy.Spec.PortLevelMtls = new();
        Assert.Equal(EmptyMessage, Single(new MeshValidator().Validate([policy]), DiagnosticCodes.InvalidPortLevelMtls).Message);

        policy.Spec.PortLevelMtls[8080] = new MutualTls { Mode = MutualTlsMode.Strict };
        AssertClean(new MeshValidator().Validate([policy]));

        policy.Spec.PortLevelMtls = null!;
        Assert.Empty(policy.Spec.PortLevelMtls);
        AssertClean(new MeshValidator().Validate([policy]));
    }
}
