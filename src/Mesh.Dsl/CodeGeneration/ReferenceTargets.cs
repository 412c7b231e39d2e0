using System.Collections;
using System.Text;
using Mesh.Dsl.Model;

namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// The resources generated code can refer to by variable (a VirtualService's Gateway, a route's
/// DestinationRule): those added before, in the same file. A resource gets its variable only when the
/// final code refers to it.
/// </summary>
internal sealed class ReferenceTargets(Scope scope)
{
    // By every string that names a resource: a lookup per reference, where a scan of all earlier resources made a large import quadratic.
    private readonly Dictionary<string, List<(int Order, IstioResource Resource)>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<IstioResource, string> _variables = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<IstioResource> _used = new(ReferenceEqualityComparer.Instance);

    /// <summary>Makes <paramref name="resource"/> a target for the resources after it.</summary>
    public void Add(IstioResource resource)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (resource.MetadataName is { } name)
        {
            names.Add(name);
            if (resource.MetadataNamespace is { } ns)
            {
                names.Add(ns + "/" + name);
            }
        }

        // What references name besides the resource's name: a DestinationRule's host, a ServiceEntry's hosts.
        var spec = MessageShape.SpecProperty(resource.GetType()).GetValue(resource)!;
        foreach (var field in MessageShape.OfSpec(resource).Fields.Where(f => f.IsSet(spec)))
        {
            switch (field.Get(spec))
            {
                case string text:
                    names.Add(text);
                    break;
                case IList list when field.Type == typeof(List<string>):
                    names.UnionWith(list.Cast<string>());
                    break;
            }
        }

        foreach (var known in names)
        {
            if (!_byName.TryGetValue(known, out var list))
            {
                _byName[known] = list = new();
            }

            list.Add((_added++, resource));
        }
    }

    private int _added;

    /// <summary>The resources of <paramref name="type"/> named by one of <paramref name="strings"/>, latest first.</summary>
    public IEnumerable<IstioResource> Candidates(Type type, IEnumerable<object> strings)
    {
        var found = new List<(int Order, IstioResource Resource)>();
        foreach (var text in strings.OfType<string>())
        {
            if (_byName.TryGetValue(text, out var list))
            {
                found.AddRange(list.Where(entry => type.IsInstanceOfType(entry.Resource)));
            }
        }

        return found.OrderByDescending(entry => entry.Order).Select(entry => entry.Resource).Distinct(ReferenceEqualityComparer.Instance).Cast<IstioResource>();
    }

    /// <summary>The variable that holds <paramref name="resource"/>, as code that marks it used when it is written.</summary>
    public Code Reference(IstioResource resource)
    {
        if (!_variables.TryGetValue(resource, out var variable))
        {
            variable = scope.Take(CSharpLiterals.CamelIdentifier(resource.MetadataName ?? resource.Kind).TrimStart('@') + resource.Kind);
            _variables.Add(resource, variable);
        }

        return new ReferenceCode(this, resource, variable);
    }

    /// <summary>True while the final code is written: only then does writing a reference mark its resource as referred to.</summary>
    public bool Recording { get; set; }

    /// <summary>The variable to declare for <paramref name="resource"/>, or null when nothing refers to it.</summary>
    public string? DeclaredVariable(IstioResource resource) => _used.Contains(resource) ? _variables[resource] : null;

    private sealed class ReferenceCode(ReferenceTargets targets, IstioResource resource, string variable) : Code
    {
        public override string Flat
        {
            get
            {
                if (targets.Recording)
                {
                    targets._used.Add(resource);
                }

                return variable;
            }
        }

        public override void Render(StringBuilder output, int indent, int column) => output.Append(Flat);
    }
}
