namespace Mesh.Dsl.Validation;

/// <summary>The documentation of one diagnostic code.</summary>
/// <param name="Code">The code, e.g. <c>IST0101</c>.</param>
/// <param name="Title">Istio's message name for IST codes, or ours (<c>InvalidHost</c>).</param>
/// <param name="Severity">The usual severity; a few codes are reported at a second severity, which <paramref name="Meaning"/> says.</param>
/// <param name="Meaning">What the diagnostic means and which catalogue rules it covers.</param>
/// <param name="Fix">How to fix it.</param>
public sealed record DiagnosticCodeInfo(string Code, string Title, DiagnosticSeverity Severity, string Meaning, string Fix)
{
    /// <summary>The IDs of the catalogue rules (validation-rules.md: <c>SE-01</c>, <c>AN-04</c>, ...) the code covers; empty where Istio has no such rule.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];
}
