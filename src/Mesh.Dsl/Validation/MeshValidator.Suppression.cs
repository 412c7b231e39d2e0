using Mesh.Dsl.Model;

namespace Mesh.Dsl.Validation;

/// <summary>The suppressions of <see cref="MeshValidator"/>: istioctl's annotation and <c>--suppress</c> list.</summary>
public sealed partial class MeshValidator
{
    /// <summary>
    /// Codes silenced on the resources whose names match, as <c>istioctl analyze --suppress</c> does
    /// (default none). A resource's own <see cref="DiagnosticSuppression.AnnotationName"/> annotation is
    /// honoured whatever this holds.
    /// </summary>
    public IReadOnlyList<DiagnosticSuppression> Suppressions { get; init; } = [];

    private IReadOnlyList<Diagnostic> Suppress(IReadOnlyList<Diagnostic> diagnostics, List<IstioResource> resources)
        => DiagnosticSuppression.Apply(diagnostics, resources, Suppressions);
}
