using Mesh.Dsl.Model;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>Collects the diagnostics of one validation, attached to the resource they concern.</summary>
internal sealed class DiagnosticSink
{
    private readonly List<(int Order, int Sequence, Diagnostic Diagnostic)> _items = new();
    private bool _outOfOrder;

    public void Add(int order, Diagnostic diagnostic)
    {
        _outOfOrder |= _items.Count > 0 && _items[^1].Order > order;
        _items.Add((order, _items.Count, diagnostic));
    }

    /// <summary>Reports a diagnostic for the resource that is <paramref name="order"/>th in the validated list.</summary>
    public void Report(IstioResource resource, int order, string code, DiagnosticSeverity severity, string path, string message)
    {
        var position = resource.Source?.Locate(path);
        var diagnostic = new Diagnostic(code, severity, resource.Kind, resource.Metadata?.NamespaceProperty, resource.Metadata?.Name, path, message)
        {
            File = resource.Source?.File,
            Line = position?.Line,
            Column = position?.Column,
        };
        Add(order, diagnostic);
    }

    /// <summary>The diagnostics in resource order, then in the order the rules reported them.</summary>
    public IReadOnlyList<Diagnostic> ToList()
    {
        if (_outOfOrder)
        {
            // (Order, Sequence) pairs are unique, so the unstable sort gives the stable order.
            _items.Sort(static (a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.Sequence.CompareTo(b.Sequence));
        }

        var diagnostics = new List<Diagnostic>(_items.Count);
        foreach (var item in _items)
        {
            diagnostics.Add(item.Diagnostic);
        }

        return diagnostics;
    }
}

/// <summary>What a field rule needs: the resource it checks and where to report.</summary>
internal sealed class RuleContext(IstioResource resource, DiagnosticSink sink, int order)
{
    public IstioResource Resource { get; } = resource;

    /// <summary>The resource's namespace, or <c>default</c> as kubectl would apply it.</summary>
    public string Namespace => Resource.Metadata?.NamespaceProperty is { Length: > 0 } ns ? ns : "default";

    public void Error(string code, string path, string message) => sink.Report(Resource, order, code, DiagnosticSeverity.Error, path, message);

    public void Warning(string code, string path, string message) => sink.Report(Resource, order, code, DiagnosticSeverity.Warning, path, message);

    public void Info(string code, string path, string message) => sink.Report(Resource, order, code, DiagnosticSeverity.Info, path, message);

    public void Report(string code, DiagnosticSeverity severity, string path, string message) => sink.Report(Resource, order, code, severity, path, message);
}
