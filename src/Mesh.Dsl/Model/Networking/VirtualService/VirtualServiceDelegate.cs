using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// Names the delegate VirtualService whose HTTP rules an HTTP rule hands its traffic to (Istio message
/// <c>Delegate</c>; renamed so that it does not hide <see cref="System.Delegate"/>).
/// </summary>
public sealed class VirtualServiceDelegate
{
    internal static readonly MessageSchema<VirtualServiceDelegate> Schema = new MessageSchema<VirtualServiceDelegate>("Delegate", () => new())
        .Field("name", x => x.Name, (x, v) => x.Name = v, Codecs.String)
        .Field("namespace", x => x.Namespace, (x, v) => x.Namespace = v, Codecs.String);

    /// <summary>The name of the delegate VirtualService.</summary>
    public string? Name { get; set; }

    /// <summary>Its namespace; unset means the namespace of the VirtualService that delegates.</summary>
    public string? Namespace { get; set; }
}
