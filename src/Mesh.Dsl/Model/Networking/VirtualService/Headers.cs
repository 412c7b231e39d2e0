using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Header operations on forwarded requests and returned responses (Istio message <c>Headers</c>).</summary>
public sealed class Headers
{
    internal static readonly MessageSchema<Headers> Schema = new MessageSchema<Headers>("Headers", () => new())
        .Field("request", x => x.Request, (x, v) => x.Request = v, Codecs.Message(() => HeaderOperations.Schema))
        .Field("response", x => x.Response, (x, v) => x.Response = v, Codecs.Message(() => HeaderOperations.Schema));

    /// <summary>Operations on the request before it is forwarded to the destination.</summary>
    public HeaderOperations? Request { get; set; }

    /// <summary>Operations on the response before it is returned to the caller.</summary>
    public HeaderOperations? Response { get; set; }
}
