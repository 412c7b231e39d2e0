// MeshCode finds the builders' methods and the model's properties by reflection, at code-generation time only;
// its public entry points carry RequiresUnreferencedCode/RequiresDynamicCode, so a trimmed or NativeAOT program
// that calls them is warned there. The reading, writing and validation paths have no reflection and stay AOT-safe.
#pragma warning disable IL2026, IL2060, IL2062, IL2067, IL2070, IL2072, IL2075, IL2080, IL3050
using System.Reflection;
using Mesh.Dsl.Builders;
using Mesh.Dsl.Model;

namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// Finds, by reflection over Mesh.Dsl's public builders, the builder of each model message and the
/// <c>mesh.Add{Kind}(name, configure)</c> entry point of each kind: a kind or message that gains a
/// builder is written with it without a change here.
/// </summary>
internal static class BuilderCatalogue
{
    private static readonly Lazy<Dictionary<Type, Type>> Builders = new(FindBuilders);
    private static readonly Lazy<Dictionary<Type, MethodInfo>> Entries = new(FindEntries);

    /// <summary>The builder of a message type (a resource's spec included), or null.</summary>
    public static Type? BuilderOf(Type messageType) => Builders.Value.GetValueOrDefault(messageType);

    /// <summary><c>IstioMesh.Add{Kind}(string name, Action&lt;TBuilder&gt; configure)</c> for a resource type, or null.</summary>
    public static MethodInfo? EntryOf(Type resourceType) => Entries.Value.GetValueOrDefault(resourceType);

    /// <summary>The message type a builder builds.</summary>
    public static Type? MessageOf(Type builderType)
    {
        for (var type = builderType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(MessageBuilder<,>))
            {
                return type.GetGenericArguments()[1];
            }
        }

        return null;
    }

    /// <summary>Makes a builder over <paramref name="target"/>: a message, or for a resource builder the resource.</summary>
    public static object Create(Type builderType, object target)
        => Activator.CreateInstance(builderType, [target])!;

    /// <summary>The builder's target message (<see cref="MessageBuilder{TSelf, TMessage}.Target"/>).</summary>
    public static object TargetOf(object builder) => TargetProperties.GetOrAdd(builder.GetType(), type => type.GetProperty("Target")!).GetValue(builder)!;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, PropertyInfo> TargetProperties = new();

    private static Dictionary<Type, Type> FindBuilders()
    {
        var builders = new Dictionary<Type, Type>();
        foreach (var type in typeof(MessageBuilder<,>).Assembly.GetExportedTypes().Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition))
        {
            if (MessageOf(type) is not { } message)
            {
                continue;
            }

            // A builder made over an existing message (or, for a resource builder, the resource holding it).
            var constructible = type.GetConstructors().Any(c => c.GetParameters() is [var p]
                && (p.ParameterType == message || (typeof(IstioResource).IsAssignableFrom(p.ParameterType) && MessageShape.SpecProperty(p.ParameterType).PropertyType == message)));
            if (constructible && (!builders.TryGetValue(message, out var existing) || type.Name == message.Name + "Builder" && existing.Name != type.Name))
            {
                builders[message] = type;
            }
        }

        return builders;
    }

    private static Dictionary<Type, MethodInfo> FindEntries()
    {
        var entries = new Dictionary<Type, MethodInfo>();
        foreach (var type in typeof(MessageBuilder<,>).Assembly.GetExportedTypes().Where(t => t.IsAbstract && t.IsSealed))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                if (method.GetParameters() is [var mesh, var name, var configure]
                    && mesh.ParameterType == typeof(IstioMesh) && name.ParameterType == typeof(string)
                    && typeof(IstioResource).IsAssignableFrom(method.ReturnType)
                    && method.Name == "Add" + method.ReturnType.Name
                    && configure.ParameterType.IsGenericType && configure.ParameterType.GetGenericTypeDefinition() == typeof(Action<>))
                {
                    entries[method.ReturnType] = method;
                }
            }
        }

        return entries;
    }
}
