using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation.NewKinds;

/// <summary>Documents of WorkloadGroup, Telemetry, WasmPlugin and TrafficExtension for the rule tests, and their checks.</summary>
internal static class NewKindDocuments
{
    /// <summary>A resource of <paramref name="kind"/> with the indented spec body (at the kind's default API version).</summary>
    public static string Document(string kind, string spec, string name = "r")
    {
        var apiVersion = kind switch
        {
            "Telemetry" => "telemetry.istio.io/v1",
            "WasmPlugin" or "TrafficExtension" => "extensions.istio.io/v1alpha1",
            _ => "networking.istio.io/v1",
        };
        var body = string.Join("\n", spec.Trim('\n').Split('\n').Select(l => "  " + l));
        return $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: {name}\n  namespace: default\nspec:\n{body}\n";
    }

    /// <summary>
    /// The invalid spec has exactly one diagnostic of <paramref name="code"/>, with the severity, path and message given,
    /// and the valid variant validates with no diagnostic at all.
    /// </summary>
    public static void Expect(string kind, string invalid, string valid, string code, DiagnosticSeverity severity, string path, string message)
    {
        var diagnostic = Single(Validate(Document(kind, invalid)), code);
        Assert.Equal((severity, path, message), (diagnostic.Severity, diagnostic.Path, diagnostic.Message));
        AssertClean(Validate(Document(kind, valid)));
    }

    /// <summary>Istio's valid cases: no error (warnings are Istio's own where it has them).</summary>
    public static void AssertValid(string yaml) => AssertNoErrors(Validate(yaml));

    /// <summary>Istio's invalid cases: at least one error.</summary>
    public static void AssertInvalid(string yaml)
    {
        var diagnostics = Validate(yaml);
        Assert.True(diagnostics.Any(d => d.IsError), "expected an error for:\n" + yaml);
    }

    /// <summary>The realistic document of a kind (Fixtures/Kinds), which the model tests read and write.</summary>
    public static string Fixture(string kind) => Mesh.Dsl.Tests.Model.NewKindsRoundTripTests.Fixture(kind);
}
