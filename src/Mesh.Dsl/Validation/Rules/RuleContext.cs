using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>Collects the diagnostics of one validation, attached to the resource they concern.</summary>
/// <remarks>
/// A diagnostic's line and column are found only in <see cref="ToList"/>, on the calling thread and in
/// resource order: <see cref="ResourceSource.Locate"/> may parse a document again, which then happens once
/// per document, never on the thread that runs the cross-resource checks.
/// </remarks>
internal sealed class DiagnosticSink
{
    // The diagnostics in report order, with the position of the resource each concerns and, for a
    // resource read from text, its source (the line and column are still to be found).
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly List<int> _orders = new();
    private readonly List<ResourceSource?> _sources = new();
    private bool _outOfOrder;

    /// <summary>
    /// The rule now running on this sink's thread, set by <see cref="MeshValidator"/> before each rule. Debug builds
    /// (the tests) refuse a report whose code the rule did not declare, so rule metadata cannot drift from the checks.
    /// </summary>
    public RuleMetadata? Rule { get; set; }

    /// <summary>The field paths of this validation (see <see cref="FieldPaths"/>).</summary>
    public FieldPaths Paths { get; } = new();

    /// <summary>The context of the resource whose diagnostics are ordered at <paramref name="position"/>.</summary>
    public RuleContext Context(IstioResource resource, int position) => new(resource, this, position);

    /// <summary>Reports a diagnostic for the resource that is <paramref name="order"/>th in the validated list.</summary>
    public void Report(IstioResource resource, int order, string code, DiagnosticSeverity severity, string path, string message)
    {
#if DEBUG
        if (Rule is { } rule && !rule.Declares(code))
        {
            throw new InvalidOperationException($"Rule '{rule.Name}' reported {code}, which its metadata does not declare.");
        }
#endif
        var source = resource.Source;
        _outOfOrder |= _orders.Count > 0 && _orders[^1] > order;
        _diagnostics.Add(new Diagnostic(code, severity, resource.Kind, resource.MetadataNamespace, resource.MetadataName, path, message)
        {
            File = source?.File,
        });
        _orders.Add(order);
        _sources.Add(source);
    }

    /// <summary>
    /// Adds <paramref name="other"/>'s diagnostics after this sink's, exactly as if they had been reported here
    /// after all of this sink's: how the diagnostics of work done on another thread join the caller's.
    /// </summary>
    public void Append(DiagnosticSink other)
    {
        if (other._orders.Count == 0)
        {
            return;
        }

        _outOfOrder |= other._outOfOrder || (_orders.Count > 0 && _orders[^1] > other._orders[0]);
        _diagnostics.AddRange(other._diagnostics);
        _orders.AddRange(other._orders);
        _sources.AddRange(other._sources);
    }

    /// <summary>The diagnostics in resource order, then in the order the rules reported them (the sink is done then).</summary>
    public IReadOnlyList<Diagnostic> ToList()
    {
        var count = _diagnostics.Count;
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        if (_outOfOrder)
        {
            // Keys of position then report sequence are unique, so the unstable sort gives the stable order.
            var keys = new long[count];
            for (var i = 0; i < count; i++)
            {
                keys[i] = ((long)_orders[i] << 32) | (uint)i;
            }

            Array.Sort(keys, order);
        }

        var diagnostics = new List<Diagnostic>(count);
        foreach (var i in order)
        {
            var diagnostic = _diagnostics[i];
            if (_sources[i] is { } source)
            {
                var position = source.Locate(diagnostic.Path);
                diagnostic = diagnostic with { Line = position.Line, Column = position.Column };
            }

            diagnostics.Add(diagnostic);
        }

        return diagnostics;
    }
}

/// <summary>
/// What a field rule needs: the resource it checks and where to report. A small value made on demand
/// (the resource, the sink and the resource's position), so no object is kept per resource.
/// </summary>
internal readonly struct RuleContext(IstioResource resource, DiagnosticSink sink, int order)
{
    private readonly DiagnosticSink _sink = sink;
    private readonly int _order = order;

    public IstioResource Resource { get; } = resource;

    /// <summary>The resource's namespace, or <c>default</c> as kubectl would apply it.</summary>
    public string Namespace => Resource.MetadataNamespace is { Length: > 0 } ns ? ns : "default";

    /// <summary>
    /// The path <c>parent.field</c>, shared with every resource that has it (see <see cref="FieldPaths"/>); the field
    /// is resolved through the schema (<see cref="FieldPath"/>).
    /// </summary>
    public string Path(string parent, FieldPath field) => _sink.Paths.Get(parent, field.Name, -1);

    /// <summary>The path <c>parent.field[index]</c>, shared with every resource that has it (see <see cref="FieldPaths"/>).</summary>
    public string Path(string parent, FieldPath field, int index) => _sink.Paths.Get(parent, field.Name, index);

    public void Error(string code, string path, string message) => _sink.Report(Resource, _order, code, DiagnosticSeverity.Error, path, message);

    public void Warning(string code, string path, string message) => _sink.Report(Resource, _order, code, DiagnosticSeverity.Warning, path, message);

    public void Info(string code, string path, string message) => _sink.Report(Resource, _order, code, DiagnosticSeverity.Info, path, message);

    public void Report(string code, DiagnosticSeverity severity, string path, string message) => _sink.Report(Resource, _order, code, severity, path, message);
}

/// <summary>
/// The field paths of one validation, each composed once. Rules pass a path down as they descend into a
/// resource (<c>spec.http[0]</c>, <c>spec.trafficPolicy.portLevelSettings[0].tls</c>); the resources of a mesh
/// share a few such paths, so after the first resource descending allocates no strings, and diagnostics at the
/// same field of many resources share one path string.
/// </summary>
internal sealed class FieldPaths
{
    // Keyed by the parent's and field's identity, which is cheap to hash: parents are literals or results of
    // this cache and fields are literals, so one path is one instance. A string composed elsewhere only misses
    // (the result is the same text).
    private readonly Dictionary<(string Parent, string Field, int Index), string> _paths = new(IdentityComparer.Instance);

    /// <summary><c>parent.field</c>, or <c>parent.field[index]</c> when <paramref name="index"/> is not negative.</summary>
    public string Get(string parent, string field, int index)
    {
        ref var path = ref CollectionsMarshal.GetValueRefOrAddDefault(_paths, (parent, field, index), out _);
        return path ??= index < 0 ? $"{parent}.{field}" : $"{parent}.{field}[{index}]";
    }

    private sealed class IdentityComparer : IEqualityComparer<(string Parent, string Field, int Index)>
    {
        public static readonly IdentityComparer Instance = new();

        public bool Equals((string Parent, string Field, int Index) x, (string Parent, string Field, int Index) y)
            => ReferenceEquals(x.Parent, y.Parent) && ReferenceEquals(x.Field, y.Field) && x.Index == y.Index;

        public int GetHashCode((string Parent, string Field, int Index) key)
            => HashCode.Combine(RuntimeHelpers.GetHashCode(key.Parent), RuntimeHelpers.GetHashCode(key.Field), key.Index);
    }
}
