using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Validation.Rules;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>The field paths of diagnostics are resolved through the model's schema, never typed as strings.</summary>
public sealed partial class FieldPathTests
{
    [Fact]
    public void A_path_is_resolved_through_nested_messages_lists_and_items()
    {
        var spec = FieldPath.Spec(() => DestinationRuleSpec.Schema);
        var portLevelSettings = spec.Field("trafficPolicy.portLevelSettings");
        Assert.Equal("spec.trafficPolicy.portLevelSettings", portLevelSettings.Text);
        Assert.Equal("PortTrafficPolicy", portLevelSettings.Resolve()?.MessageName);
        var tlsMode = portLevelSettings.Item.Field("tls.mode");
        Assert.Equal(".tls.mode", tlsMode.Text);
        Assert.Null(tlsMode.Resolve());
        Assert.Equal("subsets", spec.Field("subsets").Name);
        Assert.Equal("OutlierDetection", FieldPath.In(() => OutlierDetection.Schema).Resolve()?.MessageName);
        Assert.Equal(".consecutiveErrors", FieldPath.In(() => OutlierDetection.Schema).Field("consecutiveErrors").Text);
    }

    [Fact]
    public void A_name_the_schema_lacks_is_refused_when_the_path_is_resolved()
    {
        var spec = FieldPath.Spec(() => ServiceEntrySpec.Schema);
        var unknown = Assert.Throws<InvalidOperationException>(() => spec.Field("ports.nmae").Resolve());
        Assert.Equal("Istio's ServicePort has no field 'nmae' (path 'spec.ports').", unknown.Message);
        var scalar = Assert.Throws<InvalidOperationException>(() => spec.Field("hosts.name").Resolve());
        Assert.Contains("'spec.hosts' is not a message", scalar.Message, StringComparison.Ordinal);
        var item = Assert.Throws<InvalidOperationException>(() => spec.Field("hosts").Item.Field("name").Resolve());
        Assert.Contains("'spec.hosts' holds no message", item.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_path_the_rules_use_resolves_through_the_schema()
    {
        // Rules make their paths in static fields: running every class constructor of the rules makes them all (a
        // path used before it is made is null), and resolving each looks every name up in the schema.
        var paths = new List<string>();
        foreach (var type in RuleTypes())
        {
            try
            {
                RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            }
            catch (TypeInitializationException e)
            {
                Assert.Fail($"{type.Name}: {e.InnerException?.Message}");
            }

            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public).Where(f => f.FieldType == typeof(FieldPath)))
            {
                var path = (FieldPath?)field.GetValue(null);
                Assert.True(path is not null, $"{type.Name}.{field.Name} is null: it is used before it is made");
                var problem = Record.Exception(() => path.Resolve());
                Assert.True(problem is null, $"{type.Name}.{field.Name}: {problem?.Message}");
                paths.Add(path.Text);
            }
        }

        Assert.True(paths.Count > 250, $"only {paths.Count} paths");
        Assert.All(paths.Where(p => p.Length > 0), p => Assert.Matches(PathShape(), p));
    }

    [Fact]
    public void Rules_type_no_field_path_as_a_string()
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "src", "Mesh.Dsl", "Validation", "Rules");
        var found = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.cs").Where(f => Path.GetFileName(f) != "FieldPath.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal) && TypedPath().IsMatch(lines[i]))
                {
                    found.Add($"{Path.GetFileName(file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(found.Count == 0, "paths typed as strings (use FieldPath):\n" + string.Join("\n", found));
    }

    private static IEnumerable<Type> RuleTypes()
        => typeof(FieldPath).Assembly.GetTypes().Where(t => t.Namespace == typeof(FieldPath).Namespace && !t.ContainsGenericParameters);

    [GeneratedRegex(@"^(spec(\.[a-z][A-Za-z0-9_]*)*|(\.[a-z][A-Za-z0-9_]*)+)$")]
    private static partial Regex PathShape();

    // A literal that is a whole path ("spec.hosts", "metadata.name"), a field appended to a path (path + ".mode",
    // path, ".mode"), a field name given to RuleContext.Path, or a field after an interpolated path ({path}.hosts[).
    // A field named metadata (WorkloadGroup's spec.metadata) given to FieldPath.Field is the schema's name, not a path.
    [GeneratedRegex(@"(?<!Field\()\$?""(spec|metadata)(\.[\w.]+)?[""\[]|\+ ""\.[a-zA-Z]|, ""\.[a-zA-Z][\w.]*""|context\.Path\([^;]*, ""[a-zA-Z]\w*""|\}\.[a-zA-Z]\w*[\[""{]")]
    private static partial Regex TypedPath();
}
