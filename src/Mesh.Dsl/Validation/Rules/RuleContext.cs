using Mesh.Dsl.Model;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>Collects the diagnostics of one validation, attached to the resource they concern.</summary>
internal sealed class DiagnosticSink
{
    private readonly List<(int Order, int Sequence, Diagnostic Diagnostic)> _items = new();
    private readonly Dictionary<IstioResource, int> _order = new(ReferenceEqualityComparer.Instance);

    public void Register(IstioResource resource, int order) => _order.TryAdd(resource, order);

    public void Add(int order, Diagnostic diagnostic) => _items.Add((order, _items.Count, diagnostic));

    public void Report(IstioResource resource, string code, DiagnosticSeverity severity, string path, string message)
    {
        var position = resource.Source?.Locate(path);
        var diagnostic = new Diagnostic(code, severity, resource.Kind, resource.Metadata?.NamespaceProperty, resource.Metadata?.Name, path, message)
        {
            File = resource.Source?.File,
            Line = position?.Line,
            Column = position?.Column,
        };
        Add(_order.GetValueOrDefault(resource, int.MaxValue), diagnostic);
    }

    /// <summary>The diagnostics in resource order, then in the order the rules reported them.</summary>
    public IReadOnlyList<Diagnostic> ToList()
        => _items.OrderBy(i => i.Order).ThenBy(i => i.Sequence).Select(i => i.Diagnostic).ToList();
}

/// <summary>What a field rule needs: the resource it checks and where to report.</summary>
internal sealed class RuleContext(IstioResource resource, DiagnosticSink sink)
{
    public IstioResource Resource { get; } = resource;

    /// <summary>The resource's namespace, or <c>default</c> as kubectl would apply it.</summary>
    public string Namespace => Resource.Metadata?.NamespaceProperty is { Length: > 0 } ns ? ns : "default";

    public void Error(string code, string path, string message) => sink.Report(Resource, code, DiagnosticSeverity.Error, path, message);

    public void Warning(string code, string path, string message) => sink.Report(Resource, code, DiagnosticSeverity.Warning, path, message);

    public void Info(string code, string path, string message) => sink.Report(Resource, code, DiagnosticSeverity.Info, path, message);

    public void Report(string code, DiagnosticSeverity severity, string path, string message) => sink.Report(Resource, code, severity, path, message);
}
