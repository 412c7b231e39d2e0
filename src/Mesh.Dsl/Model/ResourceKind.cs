using Mesh.Dsl.Schema;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Model;

/// <summary>What the reader and writer need to know about one Istio kind.</summary>
internal abstract class ResourceKind
{
    private static int s_defined;

    protected ResourceKind(string group, string kind, IReadOnlyList<string> versions)
    {
        Group = group;
        Kind = kind;
        ApiVersions = versions.Select(v => group + "/" + v).ToArray();
        var index = Interlocked.Increment(ref s_defined) - 1;
        Bit = index < 32 ? 1 << index : throw new InvalidOperationException("More than 32 resource kinds: IstioMesh's kind sets are 32 bits.");
    }

    /// <summary>This kind's own bit: sets of kinds (IstioMesh's duplicate check) are ints.</summary>
    public int Bit { get; }

    public string Group { get; }

    public string Kind { get; }

    /// <summary>Served API versions, the default (newest) first.</summary>
    public IReadOnlyList<string> ApiVersions { get; }

    /// <summary>The served API version whose text is <paramref name="apiVersion"/>, or null.</summary>
    public string? FindApiVersion(ReadOnlySpan<char> apiVersion)
    {
        for (var i = 0; i < ApiVersions.Count; i++) // an index, not foreach: no enumerator per resource read
        {
            if (apiVersion.SequenceEqual(ApiVersions[i]))
            {
                return ApiVersions[i];
            }
        }

        return null;
    }

    /// <summary>The resource class (<c>ServiceEntry</c>), which validation rules name their kind by.</summary>
    public abstract Type ResourceType { get; }

    public abstract IstioResource Create();

    /// <summary>Writes the spec as a mapping, <c>{}</c> when no field is set.</summary>
    public abstract void WriteSpec(StructuredWriter writer, IstioResource resource);

    public abstract void ReadSpec(IstioResource resource, YamlNode spec, ReadContext context);

    /// <summary>Whether a string or key of the spec holds a lone UTF-16 surrogate (<see cref="MessageSchema{T}.HasLoneSurrogate"/>).</summary>
    public abstract bool SpecHasLoneSurrogate(IstioResource resource);

    public abstract bool SpecEquals(IstioResource left, IstioResource right);
}

/// <summary>The <see cref="ResourceKind"/> of one resource type with its spec schema.</summary>
internal sealed class ResourceKind<TResource, TSpec>(string group, string kind, IReadOnlyList<string> versions, Func<TResource> create, Func<MessageSchema<TSpec>> specSchema)
    : ResourceKind(group, kind, versions)
    where TResource : IstioResource<TSpec>
    where TSpec : class, new()
{
    // Lazy so that a resource type's static definition does not depend on its spec type's initialisation order.
    private MessageSchema<TSpec> Schema => field ??= specSchema();

    public override Type ResourceType => typeof(TResource);

    public override IstioResource Create() => create();

    public override void WriteSpec(StructuredWriter writer, IstioResource resource) => Schema.WriteMapping(writer, ((TResource)resource).Spec);

    public override void ReadSpec(IstioResource resource, YamlNode spec, ReadContext context) => Schema.ReadFields(((TResource)resource).Spec, spec, context);

    public override bool SpecHasLoneSurrogate(IstioResource resource) => Schema.HasLoneSurrogate(((TResource)resource).Spec);

    public override bool SpecEquals(IstioResource left, IstioResource right) => Schema.AreEqual(((TResource)left).Spec, ((TResource)right).Spec);
}
