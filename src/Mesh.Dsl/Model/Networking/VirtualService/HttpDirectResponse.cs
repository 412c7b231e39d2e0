using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>A fixed response sent back instead of forwarding the request (Istio message <c>HTTPDirectResponse</c>).</summary>
public sealed class HttpDirectResponse
{
    internal static readonly MessageSchema<HttpDirectResponse> Schema = new MessageSchema<HttpDirectResponse>("HTTPDirectResponse", () => new())
        .Field("status", x => x.Status, (x, v) => x.Status = v, Codecs.UInt32)
        .Field("body", x => x.Body, (x, v) => x.Body = v, Codecs.Message(() => HttpBody.Schema));

    /// <summary>The HTTP status (200 to 599). Required.</summary>
    public uint? Status { get; set; }

    /// <summary>The response body; unset sends none.</summary>
    public HttpBody? Body { get; set; }
}
