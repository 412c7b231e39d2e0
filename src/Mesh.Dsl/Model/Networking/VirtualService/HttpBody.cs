using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// The body of a direct response, as text or as bytes (Istio message <c>HTTPBody</c>). The two are one
/// choice: setting one clears the other.
/// </summary>
public sealed class HttpBody
{
    internal static readonly MessageSchema<HttpBody> Schema = new MessageSchema<HttpBody>("HTTPBody", () => new())
        .Field("string", x => x.String, (x, v) => x.String = v, Codecs.String, oneOf: "specifier")
        .Field("bytes", x => x.Bytes, (x, v) => x.Bytes = v, Codecs.Bytes, oneOf: "specifier");

    private string? _string;
    private byte[]? _bytes;

    /// <summary>The body as text; setting it clears <see cref="Bytes"/>.</summary>
    public string? String
    {
        get => _string;
        set
        {
            _string = value;
            if (value is not null)
            {
                _bytes = null;
            }
        }
    }

    /// <summary>The body as bytes (written base64-encoded), for binary protocols such as gRPC; setting it clears <see cref="String"/>.</summary>
    public byte[]? Bytes
    {
        get => _bytes;
        set
        {
            _bytes = value;
            if (value is not null)
            {
                _string = null;
            }
        }
    }
}
