using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The ring (modulo) hash algorithm of a consistent hash (Istio message <c>ConsistentHashLB.RingHash</c>).</summary>
public sealed class RingHash
{
    internal static readonly MessageSchema<RingHash> Schema = new MessageSchema<RingHash>("RingHash", () => new())
        .Field("minimumRingSize", x => x.MinimumRingSize, (x, v) => x.MinimumRingSize = v, Codecs.Int64);

    /// <summary>The minimum number of virtual nodes of the ring; default 1024.</summary>
    public long? MinimumRingSize { get; set; }
}
