using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>Reads YAML snippets and validates them.</summary>
internal static class ValidationTestHelper
{
    public static IReadOnlyList<Diagnostic> Validate(string yaml, bool securityAdvice = true)
        => new MeshValidator { SecurityAdvice = securityAdvice }.Validate(MeshYaml.Read(yaml, "test.yaml"));

    /// <summary>A resource document with the given kind, name and indented spec body.</summary>
    public static string Resource(string kind, string spec, string name = "r", string ns = "default")
    {
        var group = kind is "PeerAuthentication" or "AuthorizationPolicy" or "RequestAuthentication" ? "security.istio.io" : "networking.istio.io";
        var body = string.Join("\n", spec.Trim('\n').Split('\n').Select(l => "  " + l));
        return $"apiVersion: {group}/v1\nkind: {kind}\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n{body}\n";
    }

    public static string Join(params string[] documents) => string.Join("---\n", documents);

    /// <summary>Asserts that exactly one diagnostic has the code and returns it.</summary>
    public static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string code)
    {
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:\n" + string.Join("\n", diagnostics));
        return matching[0];
    }

    /// <summary>
    /// An enum rule: the resource read from <paramref name="yaml"/> has no InvalidEnumValue; after
    /// <paramref name="corrupt"/> puts a value outside the enum into it (the reader rejects such names, code can
    /// cast them) it has exactly one, an error at <paramref name="path"/>.
    /// </summary>
    public static void ExpectInvalidEnum<T>(string yaml, Action<T> corrupt, string path)
        where T : Mesh.Dsl.Model.IstioResource
    {
        var resource = (T)MeshYaml.Read(yaml, "test.yaml")[0];
        AssertNone(new MeshValidator().Validate([resource]), DiagnosticCodes.InvalidEnumValue);
        corrupt(resource);
        var diagnostic = Single(new MeshValidator().Validate([resource]), DiagnosticCodes.InvalidEnumValue);
        Assert.Equal((path, DiagnosticSeverity.Error), (diagnostic.Path, diagnostic.Severity));
    }

    public static void AssertNone(IReadOnlyList<Diagnostic> diagnostics, string code)
        => Assert.True(diagnostics.All(d => d.Code != code), $"expected no {code}, got:\n" + string.Join("\n", diagnostics));

    public static void AssertClean(IReadOnlyList<Diagnostic> diagnostics)
        => Assert.True(diagnostics.Count == 0, "expected no diagnostics, got:\n" + string.Join("\n", diagnostics));

    public static void AssertNoErrors(IReadOnlyList<Diagnostic> diagnostics)
        => Assert.True(!diagnostics.Any(d => d.IsError), "expected no errors, got:\n" + string.Join("\n", diagnostics.Where(d => d.IsError)));
}
