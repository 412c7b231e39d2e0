using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>The one-line text form of <see cref="Diagnostic"/>, which <c>mesh validate</c> prints.</summary>
public class DiagnosticTextTests
{
    public static TheoryData<Diagnostic, string> Lines() => new()
    {
        { new("IST0129", DiagnosticSeverity.Warning, "DestinationRule", "apps", "r", "spec.host", "fix it") { File = "a.yaml", Line = 12, Column = 7 }, "a.yaml:12:7: warning IST0129 DestinationRule apps/r spec.host: fix it" },
        { new("MESH1000", DiagnosticSeverity.Error, string.Empty, null, null, string.Empty, "cannot read") { File = "a.yaml" }, "a.yaml: error MESH1000: cannot read" },
        { new("MESH1000", DiagnosticSeverity.Error, string.Empty, null, null, string.Empty, "bad") { Line = 3 }, "<input>:3:1: error MESH1000: bad" },
        { new("IST0101", DiagnosticSeverity.Info, "Gateway", string.Empty, "gw", string.Empty, "m"), "info IST0101 Gateway gw: m" },
        { new("IST0101", DiagnosticSeverity.Error, "Gateway", "ns", null, "spec", "m"), "error IST0101 Gateway ns/ spec: m" },
        { new("IST0101", DiagnosticSeverity.Error, "Gateway", null, null, "spec", "m"), "error IST0101 Gateway  spec: m" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Text_form(Diagnostic diagnostic, string expected) => Assert.Equal(expected, diagnostic.ToString());
}
