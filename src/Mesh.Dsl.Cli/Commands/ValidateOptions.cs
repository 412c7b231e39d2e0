using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Cli.Commands;

/// <summary>What <c>mesh validate</c> was asked for besides the paths.</summary>
/// <param name="Format"><c>text</c>, <c>json</c> or <c>sarif</c>.</param>
/// <param name="Suppressions">The <c>--suppress</c> values.</param>
/// <param name="FailOn">The lowest severity that makes the exit code 1.</param>
internal sealed record ValidateOptions(string Format, IReadOnlyList<DiagnosticSuppression> Suppressions, DiagnosticSeverity FailOn);
