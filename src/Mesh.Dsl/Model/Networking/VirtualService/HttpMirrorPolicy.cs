using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>One destination requests are mirrored to, with the share mirrored (Istio message <c>HTTPMirrorPolicy</c>).</summary>
public sealed class HttpMirrorPolicy
{
    internal static readonly MessageSchema<HttpMirrorPolicy> Schema = new MessageSchema<HttpMirrorPolicy>("HTTPMirrorPolicy", () => new())
        .Field("destination", x => x.Destination, (x, v) => x.Destination = v, Codecs.Message(() => Networking.Destination.Schema))
        .Field("percentage", x => x.Percentage, (x, v) => x.Percentage = v, Codecs.Message(() => Percent.Schema));

    /// <summary>Where to mirror to. Required.</summary>
    public Destination? Destination { get; set; }

    /// <summary>The percentage of requests mirrored; unset means 100%.</summary>
    public Percent? Percentage { get; set; }
}
