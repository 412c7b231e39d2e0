using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Selects a port of a service by its number (Istio message <c>istio.networking.v1alpha3.PortSelector</c>).</summary>
public sealed class PortSelector
{
    internal static readonly MessageSchema<PortSelector> Schema = new MessageSchema<PortSelector>("PortSelector", () => new())
        .Field("number", x => x.Number, (x, v) => x.Number = v, Codecs.UInt32);

    /// <summary>The port number, 1 to 65535.</summary>
    public uint? Number { get; set; }
}
