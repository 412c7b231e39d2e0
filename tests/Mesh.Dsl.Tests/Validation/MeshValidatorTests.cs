using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

public class MeshValidatorTests
{
    private const string Https = "hosts: [a.com]\nports: [{number: 443, name: https, protocol: HTTPS}]\nresolution: DNS";

    [Fact]
    public void Diagnostics_come_in_resource_order()
    {
        var diagnostics = Validate(Join(
            Resource("ServiceEntry", "hosts: ['*']\nports: [{number: 443, name: https, protocol: HTTPS}]\nresolution: DNS", name: "first"),
            Resource("ServiceEntry", "hosts: [b.com]\nports: [{number: 0, name: https, protocol: HTTPS}]\nresolution: DNS", name: "second")));
        Assert.Equal(["first", "second"], diagnostics.Select(d => d.Name).Distinct());
    }

    [Fact]
    public void Duplicate_resource_is_an_error_on_the_second()
    {
        var diagnostic = Single(Validate(Join(Resource("ServiceEntry", Https), Resource("ServiceEntry", Https))), DiagnosticCodes.DuplicateResource);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(14, diagnostic.Line);
    }

    [Fact]
    public void A_resource_listed_twice_reports_both_times_at_its_first_place()
    {
        // b and a share kind, namespace and name; a is listed twice (the same instance), after b and after c.
        var b = MeshYaml.Read(Resource("ServiceEntry", Https), "b.yaml")[0];
        var a = MeshYaml.Read(Resource("ServiceEntry", "hosts: [a.com]\nports: [{number: 0, name: https, protocol: HTTPS}]\nresolution: DNS"), "a.yaml")[0];
        var c = MeshYaml.Read(Resource("ServiceEntry", "hosts: [c.com]\nports: [{number: 0, name: https, protocol: HTTPS}]\nresolution: DNS", name: "c"), "c.yaml")[0];
        var diagnostics = new MeshValidator().Validate([b, a, c, a]);
        Assert.Equal(
            [
                "a.yaml MESH1006 spec.ports[0].number",
                "a.yaml MESH1006 spec.ports[0].number",
                "a.yaml MESH2001 metadata.name",
                "a.yaml MESH2001 metadata.name",
                "c.yaml MESH1006 spec.ports[0].number",
            ],
            diagnostics.Select(d => $"{d.File} {d.Code} {d.Path}"));
    }

    [Fact]
    public void Conflicting_service_entry_protocols_warn_IST0177()
    {
        var diagnostics = Validate(Join(
            Resource("ServiceEntry", Https, name: "one"),
            Resource("ServiceEntry", "hosts: [a.com]\nports: [{number: 443, name: tls, protocol: TLS}]\nresolution: DNS", name: "two")));
        Assert.Equal(
            [("one", "spec.ports[0].protocol", DiagnosticSeverity.Warning), ("two", "spec.ports[0].protocol", DiagnosticSeverity.Warning)],
            diagnostics.Where(d => d.Code == DiagnosticCodes.ConflictingServiceEntryProtocol).Select(d => (d.Name, d.Path, d.Severity)));
    }

    [Fact]
    public void Same_protocol_in_disjoint_export_scopes_does_not_conflict()
        => AssertNone(
            Validate(Join(
                Resource("ServiceEntry", Https + "\nexportTo: ['.']", name: "one", ns: "a"),
                Resource("ServiceEntry", "hosts: [a.com]\nports: [{number: 443, name: tls, protocol: TLS}]\nresolution: DNS\nexportTo: ['.']", name: "two", ns: "b"))),
            DiagnosticCodes.ConflictingServiceEntryProtocol);

    [Fact]
    public void Wildcard_host_with_resolution_none_gets_security_advice()
    {
        var diagnostic = Single(Validate(Resource("ServiceEntry", "hosts: ['*.cnn.com']\nports: [{number: 443, name: https, protocol: HTTPS}]\nresolution: NONE")), DiagnosticCodes.WildcardEgressWithResolutionNone);
        Assert.Equal("spec.hosts[0]", diagnostic.Path);
    }

    [Fact]
    public void Every_code_is_documented_in_docs_diagnostics_md()
    {
        var doc = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics.md"));
        foreach (var info in DiagnosticCodes.All)
        {
            Assert.Contains($"| {info.Code} | {info.Title} | {Diagnostic.SeverityName(info.Severity)} |", doc, StringComparison.Ordinal);
        }

        Assert.Equal(DiagnosticCodes.All.Count, DiagnosticCodes.All.Select(c => c.Code).Distinct().Count());
    }
}
