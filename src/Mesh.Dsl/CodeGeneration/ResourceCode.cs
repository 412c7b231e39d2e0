// MeshCode finds the builders' methods and the model's properties by reflection, at code-generation time only;
// its public entry points carry RequiresUnreferencedCode/RequiresDynamicCode, so a trimmed or NativeAOT program
// that calls them is warned there. The reading, writing and validation paths have no reflection and stay AOT-safe.
#pragma warning disable IL2026, IL2060, IL2062, IL2067, IL2070, IL2072, IL2075, IL2080, IL3050
using System.Reflection;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// The statement that adds one resource: <c>mesh.Add{Kind}("name", x => x...)</c> with its builder
/// where the kind has one and the calls give back exactly the resource, otherwise
/// <c>mesh.Add(new Kind { Metadata = ..., Spec = ... })</c>.
/// </summary>
internal sealed class ResourceCode(ValueCode values, ReferenceTargets targets, Scope scope)
{
    private readonly BuilderSteps _steps = new(values, targets);

    /// <summary>The statement for <paramref name="resource"/>; the caller declares a variable for it when <see cref="ReferenceTargets"/> says so.</summary>
    public Code Statement(IstioResource resource, ResourceComments comments)
    {
        var trial = comments.Trial();
        var code = WithBuilder(resource, trial);
        if (code is not null)
        {
            comments.Keep(trial);
        }

        code ??= WithModel(resource);
        return new CommentedCode(comments.TakeRest(), code);
    }

    private Code? WithBuilder(IstioResource resource, ResourceComments comments)
    {
        var metadata = resource.Metadata;
        if (BuilderCatalogue.EntryOf(resource.GetType()) is not { } entry || metadata?.Name is not { } name || metadata.GenerateName is not null)
        {
            return null;
        }

        var builderType = entry.GetParameters()[2].ParameterType.GetGenericArguments()[0];
        var specShape = MessageShape.OfSpec(resource);
        var spec = MessageShape.SpecProperty(resource.GetType()).GetValue(resource)!;
        var inner = scope.Nested();
        var parameter = inner.Take(CSharpLiterals.ShortName(resource.Kind));
        object Fresh()
        {
            var scratch = (IstioResource)Activator.CreateInstance(resource.GetType())!;
            scratch.ApiVersion = resource.ApiVersion;
            scratch.Metadata.Name = name;
            scratch.Metadata.NamespaceProperty = metadata.NamespaceProperty;
            return BuilderCatalogue.Create(builderType, scratch);
        }

        var steps = new List<Step>();
        if (metadata.NamespaceProperty is { } ns)
        {
            steps.Add(Call(builderType, "Namespace", [values.Of(typeof(string), ns)], [ns]));
        }

        if (resource.ApiVersion != ((IstioResource)Activator.CreateInstance(resource.GetType())!).ApiVersion)
        {
            steps.Add(Call(builderType, "ApiVersion", [values.Of(typeof(string), resource.ApiVersion, "apiVersion")], [resource.ApiVersion]));
        }

        foreach (var (key, value) in metadata.Labels ?? new Dictionary<string, string>())
        {
            steps.Add(Call(builderType, "Label", [values.Of(typeof(string), key), values.Of(typeof(string), value)], [key, value]));
        }

        foreach (var (key, value) in metadata.Annotations ?? new Dictionary<string, string>())
        {
            steps.Add(Call(builderType, "Annotation", [values.Of(typeof(string), key), values.Of(typeof(string), value)], [key, value]));
        }

        steps.AddRange(_steps.Message(builderType, specShape, spec, specShape.Fields, Fresh, inner, comments.TakeSpecField));

        // The whole resource made the way the generated program will make it, compared as the YAML it writes.
        try
        {
            var mesh = new IstioMesh();
            entry.Invoke(null, [mesh, name, BuilderSteps.Action(builderType, steps)]);
            if (mesh.Resources is not [var made] || MeshYaml.Serialize(made) != MeshYaml.Serialize(resource))
            {
                return null;
            }
        }
        catch (Exception e) when (e is TargetInvocationException or ArgumentException or InvalidOperationException)
        {
            return null;
        }

        values.Names.Use(entry.DeclaringType!.Namespace!);
        Code configure = steps.Count == 0
            ? Code.Text("_ => { }")
            : LambdaCode.Expression(parameter, new ChainCode(parameter, steps.Select(s => s.Code).ToList()));
        return ListCode.Arguments("mesh." + entry.Name, [values.Of(typeof(string), name), configure]);
    }

    private Code WithModel(IstioResource resource)
    {
        var items = new List<Code>();
        if (resource.ApiVersion != ((IstioResource)Activator.CreateInstance(resource.GetType())!).ApiVersion)
        {
            items.Add(new PrefixedCode("ApiVersion = ", values.Of(typeof(string), resource.ApiVersion, "apiVersion")));
        }

        var metadata = new List<Code>();
        var meta = resource.Metadata;
        if (meta is not null)
        {
            AddString(metadata, "Name", meta.Name);
            AddString(metadata, "GenerateName", meta.GenerateName);
            AddString(metadata, "NamespaceProperty", meta.NamespaceProperty);
            AddMap(metadata, "Labels", meta.Labels);
            AddMap(metadata, "Annotations", meta.Annotations);
            ServerMetadataCode.Add(metadata, meta, values.Names);
        }

        if (metadata.Count > 0)
        {
            items.Add(new PrefixedCode("Metadata = ", ListCode.ObjectInitializer("new()", metadata)));
        }

        var specShape = MessageShape.OfSpec(resource);
        var spec = MessageShape.SpecProperty(resource.GetType()).GetValue(resource)!;
        if (specShape.Fields.Any(f => f.IsSet(spec)))
        {
            items.Add(new PrefixedCode("Spec = ", values.Message(specShape, spec, "new()")));
        }

        // kubectl get -o yaml output and istioctl's test data have one; mesh fmt keeps it, so the program writes it.
        if (resource.Status is { } status)
        {
            items.Add(new PrefixedCode("Status = ", JsonNodeCode.Of(status, values.Names)));
        }

        return ListCode.Arguments("mesh.Add", [ListCode.ObjectInitializer("new " + values.Names.Name(resource.GetType()), items)]);
    }

    private void AddString(List<Code> items, string property, string? value)
    {
        if (value is not null)
        {
            items.Add(new PrefixedCode(property + " = ", values.Of(typeof(string), value)));
        }
    }

    private void AddMap(List<Code> items, string property, IDictionary<string, string>? map)
    {
        if (map is { Count: > 0 })
        {
            values.Names.Use("System.Collections.Generic");
            var entries = map.Select(e => (Code)new PrefixedCode($"[{CSharpLiterals.String(e.Key)}] = ", values.Of(typeof(string), e.Value))).ToList();
            items.Add(new PrefixedCode(property + " = ", ListCode.ObjectInitializer("new OrderedDictionary<string, string>", entries)));
        }
    }

    /// <summary>A call of one of the resource builders' own methods (namespace, labels, ...).</summary>
    private static Step Call(Type builderType, string name, IReadOnlyList<Code> arguments, object[] args)
    {
        var method = builderType.GetMethod(name, args.Select(a => a.GetType()).ToArray())
            ?? throw new InvalidOperationException($"{builderType.Name} has no {name} method.");
        return new Step(ListCode.Arguments(name, arguments), builder => method.Invoke(builder, args));
    }
}
