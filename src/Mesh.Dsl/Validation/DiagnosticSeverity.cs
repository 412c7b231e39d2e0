namespace Mesh.Dsl.Validation;

/// <summary>How serious a <see cref="Diagnostic"/> is, with Istio's meaning.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Istio would reject the configuration, or it cannot work as written.</summary>
    Error,

    /// <summary>Istio accepts the configuration but it is very likely wrong or unsafe.</summary>
    Warning,

    /// <summary>Worth knowing; nothing is broken.</summary>
    Info,
}
