using System.Globalization;
using System.Text;
using Mesh.Dsl.Serialization;
using YamlDotNet.RepresentationModel;
using YamlNode = YamlDotNet.RepresentationModel.YamlNode;
using static Mesh.Dsl.Tests.Model.CrdBundle;

namespace Mesh.Dsl.Tests.Model;

/// <summary>
/// A scalar of a generic document tree: its YAML type (str, int, float, bool, null) and canonical text.
/// A generated duration has the type "duration": it is a string in YAML, sent as seconds past a minute
/// (<c>61s</c>), and must come back in Istio's canonical form (<c>1m1s</c>), which shows that the model
/// holds it as a duration and not as a string.
/// </summary>
internal sealed record Leaf(string Type, string Text)
{
    public override string ToString() => Type is "str" or "duration" ? "\"" + Text + "\"" : Text;

    public bool Matches(Leaf written) => Type == "duration"
        ? written.Type == "str" && Durations.TryParse(Text, out var sent) && written.Text == Durations.Format(sent)
        : this == written;
}

/// <summary>
/// Walks the OpenAPI schema of a kind's spec and generates specs that set every leaf field, as generic
/// trees (<see cref="SortedDictionary{TKey,TValue}"/> of string to node, <see cref="List{T}"/> of
/// nodes, <see cref="Leaf"/>). A leaf is what is not an object with properties (nor a list or map of
/// them): a scalar, a list of scalars, a map of scalars. One-of groups (the CRD's
/// <c>oneOf: [{not: {anyOf: ...}}, {required: [a]}, {required: [b]}]</c>, alone or in <c>allOf</c>)
/// get one member per document, each member in turn, so several documents cover them all. Every
/// value in a document is different (<c>x1</c>, <c>2</c>, <c>3.5</c>, <c>64s</c>), so swapped fields show.
/// </summary>
internal sealed class CrdDocumentGenerator(YamlMappingNode spec)
{
    /// <summary>
    /// Istio durations (google.protobuf.Duration in the protos) whose CRD field has no <c>duration(self)</c>
    /// rule to tell them from strings: TCP <c>idleTimeout</c>, retry budget <c>budgetInterval</c>, HTTP cookie <c>ttl</c>.
    /// </summary>
    private static readonly HashSet<string> DurationsWithoutRule = ["idleTimeout", "budgetInterval", "ttl"];

    private readonly Dictionary<string, int[]> _alternativeUse = new(StringComparer.Ordinal);
    private readonly HashSet<string> _covered = new(StringComparer.Ordinal);
    private int _next;

    /// <summary>The schema paths (<c>spec.ports[].number</c>) of every leaf field.</summary>
    public static SortedSet<string> LeafPaths(YamlMappingNode spec)
    {
        var leaves = new SortedSet<string>(StringComparer.Ordinal);
        CollectLeaves(spec, "spec", leaves);
        return leaves;
    }

    /// <summary>Generates specs until every leaf was set in at least one; at most <paramref name="limit"/>.</summary>
    public List<SortedDictionary<string, object>> GenerateAll(int limit = 200)
    {
        var all = LeafPaths(spec);
        var documents = new List<SortedDictionary<string, object>>();
        while (documents.Count < limit && !all.IsSubsetOf(_covered))
        {
            _next = 0;
            documents.Add((SortedDictionary<string, object>)Generate(spec, "spec", "spec"));
        }

        Assert.True(all.IsSubsetOf(_covered), "the generator did not reach: " + string.Join(", ", all.Except(_covered)));
        return documents;
    }

    private static void CollectLeaves(YamlNode schema, string path, SortedSet<string> leaves)
    {
        if (Child(schema, "properties") is YamlMappingNode properties)
        {
            foreach (var (name, property) in properties.Children)
            {
                CollectLeaves(property, path + "." + Text(name), leaves);
            }
        }
        else if (Text(Child(schema, "type")) == "array" && Child(Child(schema, "items"), "properties") is not null)
        {
            CollectLeaves(Child(schema, "items")!, path + "[]", leaves);
        }
        else if (Child(Child(schema, "additionalProperties"), "properties") is not null)
        {
            CollectLeaves(Child(schema, "additionalProperties")!, path + "{}", leaves);
        }
        else
        {
            leaves.Add(path);
        }
    }

    private object Generate(YamlNode schema, string path, string name)
    {
        if (Child(schema, "properties") is YamlMappingNode properties)
        {
            var excluded = ChooseOneOfMembers(schema, path);
            var message = new SortedDictionary<string, object>(StringComparer.Ordinal);
            foreach (var (key, property) in properties.Children)
            {
                var field = Text(key);
                if (!excluded.Contains(field))
                {
                    message[field] = Generate(property, path + "." + field, field);
                }
            }

            return message;
        }

        var type = Text(Child(schema, "type"));
        if (type == "array")
        {
            var items = Child(schema, "items")!;
            var itemPath = Child(items, "properties") is null ? path : path + "[]";
            return new List<object> { Generate(items, itemPath, name) };
        }

        if (type == "object" && Child(schema, "additionalProperties") is { } values)
        {
            var valuePath = Child(values, "properties") is null ? path : path + "{}";
            return new SortedDictionary<string, object>(StringComparer.Ordinal) { [KeyFor(schema)] = Generate(values, valuePath, name) };
        }

        _covered.Add(path);
        var n = ++_next;
        return type switch
        {
            "integer" => new Leaf("int", n.ToString(CultureInfo.InvariantCulture)),
            "number" => new Leaf("float", (n + 0.5).ToString("R", CultureInfo.InvariantCulture)),
            "boolean" => new Leaf("bool", "true"),
            "object" when Text(Child(schema, "x-kubernetes-preserve-unknown-fields")) == "true" => FreeForm(n),
            "object" => new SortedDictionary<string, object>(StringComparer.Ordinal),
            _ when Child(schema, "enum") is YamlSequenceNode enumValues => new Leaf("str", FirstEnumValue(enumValues)),
            _ when Text(Child(schema, "format")) == "byte" => new Leaf("str", Convert.ToBase64String(Encoding.UTF8.GetBytes("x" + n))),
            _ when IsDuration(schema, name) => new Leaf("duration", (60 + n) + "s"),
            _ => new Leaf("str", "x" + n),
        };
    }

    /// <summary>Picks, for each one-of group of the message, its least used member; returns the members left out.</summary>
    private HashSet<string> ChooseOneOfMembers(YamlNode schema, string path)
    {
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        var groups = OneOfGroups(schema);
        for (var g = 0; g < groups.Count; g++)
        {
            var alternatives = groups[g];
            var use = _alternativeUse.TryGetValue(path + "#" + g, out var counts) ? counts : _alternativeUse[path + "#" + g] = new int[alternatives.Count];
            var chosen = Array.IndexOf(use, use.Min());
            use[chosen]++;
            for (var a = 0; a < alternatives.Count; a++)
            {
                if (a != chosen)
                {
                    excluded.UnionWith(alternatives[a].Except(alternatives[chosen]));
                }
            }
        }

        return excluded;
    }

    /// <summary>The message's one-of groups, each a list of alternatives, each the fields it requires.</summary>
    public static List<List<List<string>>> OneOfGroups(YamlNode schema)
    {
        var groups = new List<YamlSequenceNode>();
        if (Child(schema, "oneOf") is YamlSequenceNode direct)
        {
            groups.Add(direct);
        }

        if (Child(schema, "allOf") is YamlSequenceNode all)
        {
            groups.AddRange(all.Children.Select(part => Child(part, "oneOf")).OfType<YamlSequenceNode>());
        }

        return groups
            .Select(group => group.Children
                .Select(alternative => Child(alternative, "required"))
                .OfType<YamlSequenceNode>()
                .Select(required => required.Children.Select(Text).ToList())
                .ToList())
            .ToList();
    }

    /// <summary>Lists every place where <paramref name="tree"/> sets members of two alternatives of one one-of group.</summary>
    public static void OneOfViolations(YamlNode schema, object tree, string path, List<string> violations)
    {
        switch (tree)
        {
            case SortedDictionary<string, object> map when Child(schema, "properties") is YamlMappingNode properties:
                foreach (var alternatives in OneOfGroups(schema))
                {
                    var set = alternatives.Where(required => required.All(map.ContainsKey)).ToList();
                    if (set.Count > 1)
                    {
                        violations.Add($"{path}: {string.Join(" and ", set.Select(r => string.Join("+", r)))} of one one-of group");
                    }
                }

                foreach (var (key, value) in map)
                {
                    OneOfViolations(Child(properties, key)!, value, path + "." + key, violations);
                }

                break;
            case List<object> list:
                list.ForEach(item => OneOfViolations(Child(schema, "items")!, item, path + "[]", violations));
                break;
            case SortedDictionary<string, object> map when Child(schema, "additionalProperties") is { } values:
                foreach (var value in map.Values)
                {
                    OneOfViolations(values, value, path + "{}", violations);
                }

                break;
        }
    }

    /// <summary>
    /// A value for a free-form field (google.protobuf.Struct): nested mappings and lists, every scalar type, a
    /// string that reads as a boolean when unquoted, an empty mapping; all must come back as they were.
    /// </summary>
    private static SortedDictionary<string, object> FreeForm(int n) => new(StringComparer.Ordinal)
    {
        ["name"] = new Leaf("str", "x" + n),
        ["nested"] = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["list"] = new List<object>
            {
                new Leaf("str", "item"),
                new Leaf("int", n.ToString(CultureInfo.InvariantCulture)),
                new SortedDictionary<string, object>(StringComparer.Ordinal) { ["enabled"] = new Leaf("bool", "true") },
            },
            ["ratio"] = new Leaf("float", "2.5"),
            ["quoted"] = new Leaf("str", "true"),
            ["empty"] = new SortedDictionary<string, object>(StringComparer.Ordinal),
        },
    };

    private string KeyFor(YamlNode map)
    {
        var n = ++_next;
        var rules = Child(map, "x-kubernetes-validations") as YamlSequenceNode;
        var portKeyed = rules?.Children.Any(r => Text(Child(r, "rule")).Contains("int(key)", StringComparison.Ordinal)) ?? false;
        return portKeyed ? (8000 + n).ToString(CultureInfo.InvariantCulture) : "k" + n;
    }

    private static string FirstEnumValue(YamlSequenceNode values)
        => values.Children.Select(Text).First(v => v != "UNSPECIFIED" && !v.EndsWith("_UNSPECIFIED", StringComparison.Ordinal));

    private static bool IsDuration(YamlNode schema, string name)
        => DurationsWithoutRule.Contains(name)
            || (Child(schema, "x-kubernetes-validations") is YamlSequenceNode rules
                && rules.Children.Any(r => Text(Child(r, "rule")).Contains("duration(self)", StringComparison.Ordinal)));
}
