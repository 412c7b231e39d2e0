using System.Numerics;
using Mesh.Dsl.Model;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// The rules of a validation, looked up by kind. Built once from a list of rules (<see cref="IstioRules.All"/>);
/// for each kind it keeps the array of field rules to run, with and without the advice, so finding a resource's
/// rules is one array index (by the kind's bit) and running them allocates nothing.
/// </summary>
/// <remarks>
/// A kind's arrays are made the first time a resource of the kind is checked, not for all fifteen kinds up front:
/// that would initialise every resource class (and compile its initialisation) in every validation, however few
/// kinds the mesh holds. The arrays are shared by validations on any thread; two threads making the same kind's
/// array at once make equal arrays, and one of them is kept.
/// </remarks>
internal sealed class RuleRegistry
{
    // Indexed by the kind's bit number (ResourceKind.Bit): the field rules of each kind, with and without advice; null
    // until a resource of the kind is checked.
    private readonly FieldRule[]?[] _withAdvice = new FieldRule[]?[32];
    private readonly FieldRule[]?[] _withoutAdvice = new FieldRule[]?[32];

    /// <summary>Sorts <paramref name="rules"/> into field and mesh rules, keeping their order.</summary>
    /// <exception cref="ArgumentException">Two rules share a name, or a rule declares no code.</exception>
    public RuleRegistry(IEnumerable<Rule> rules)
    {
        var fieldRules = new List<FieldRule>();
        var meshRules = new List<MeshRule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var metadata = rule.Metadata;

            if (!names.Add(metadata.Name))
            {
                throw new ArgumentException($"Two rules are named '{metadata.Name}'.", nameof(rules));
            }

            if (metadata.Codes.Count == 0)
            {
                throw new ArgumentException($"Rule '{metadata.Name}' declares no diagnostic code.", nameof(rules));
            }

            switch (rule)
            {
                case FieldRule field:
                    fieldRules.Add(field);
                    break;
                case MeshRule mesh:
                    meshRules.Add(mesh);
                    break;
            }
        }

        FieldRules = fieldRules;
        MeshRules = meshRules;
    }

    /// <summary>The rules of Mesh.Dsl (<see cref="IstioRules.All"/>).</summary>
    public static RuleRegistry Default { get; } = new(IstioRules.All);

    /// <summary>Every field rule, in registration order.</summary>
    public IReadOnlyList<FieldRule> FieldRules { get; }

    /// <summary>Every mesh rule, in registration order (the order they run in).</summary>
    public IReadOnlyList<MeshRule> MeshRules { get; }

    /// <summary>Every rule: the field rules, then the mesh rules.</summary>
    public IEnumerable<Rule> All => FieldRules.Concat<Rule>(MeshRules);

    /// <summary>The field rules to run on a resource of <paramref name="kind"/>: those of every kind and of this kind, in registration order, advice last.</summary>
    public FieldRule[] For(ResourceKind kind, bool advice)
    {
        var byKind = advice ? _withAdvice : _withoutAdvice;
        var bit = BitOperations.TrailingZeroCount(kind.Bit);
        var rules = Volatile.Read(ref byKind[bit]);
        if (rules is null)
        {
            var selected = Select(kind.ResourceType, advice);
            rules = Interlocked.CompareExchange(ref byKind[bit], selected, null) ?? selected;
        }

        return rules;
    }

    private FieldRule[] Select(Type resourceType, bool advice)
    {
        // Plain loops: a kind's rules are selected at the start of a short run, where each LINQ lambda is code to compile.
        var selected = new List<FieldRule>();
        foreach (var pass in advice ? [false, true] : new[] { false })
        {
            foreach (var rule in FieldRules)
            {
                if ((rule.ResourceType is null || rule.ResourceType == resourceType) && rule.Metadata.IsAdvice == pass)
                {
                    selected.Add(rule);
                }
            }
        }

        return selected.ToArray();
    }
}
