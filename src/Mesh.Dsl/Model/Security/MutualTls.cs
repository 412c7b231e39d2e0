using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Security;

/// <summary>A mutual TLS setting (Istio message <c>PeerAuthentication.MutualTLS</c>).</summary>
public sealed class MutualTls
{
    internal static readonly MessageSchema<MutualTls> Schema = new MessageSchema<MutualTls>("MutualTLS", () => new())
        .Field("mode", x => x.Mode, (x, v) => x.Mode = v, Codecs.Enum<MutualTlsMode>());

    /// <summary>The mode; <c>UNSET</c> (or unset) inherits the parent's.</summary>
    public MutualTlsMode? Mode { get; set; }
}
