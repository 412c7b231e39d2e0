using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a fixed response (<see cref="HttpDirectResponse"/>).</summary>
public sealed partial class HttpDirectResponseBuilder : MessageBuilder<HttpDirectResponseBuilder, HttpDirectResponse>
{
    /// <summary>Creates a builder over a direct response.</summary>
    /// <param name="target">The direct response to fill in.</param>
    public HttpDirectResponseBuilder(HttpDirectResponse target)
        : base(target)
    {
    }

    /// <summary>Sets the HTTP status.</summary>
    /// <param name="status">200 to 600.</param>
    /// <returns>This builder.</returns>
    public HttpDirectResponseBuilder Status(int status)
    {
        Target.Status = VirtualServiceGuard.HttpStatus(status);
        return this;
    }

    /// <summary>Sets the body as text.</summary>
    /// <param name="body">The text.</param>
    /// <returns>This builder.</returns>
    public HttpDirectResponseBuilder Body(string body)
    {
        Target.Body = new HttpBody { String = body ?? throw new ArgumentNullException(nameof(body)) };
        return this;
    }

    /// <summary>Sets the body as bytes, for binary protocols such as gRPC.</summary>
    /// <param name="body">The bytes.</param>
    /// <returns>This builder.</returns>
    public HttpDirectResponseBuilder Body(byte[] body)
    {
        Target.Body = new HttpBody { Bytes = body ?? throw new ArgumentNullException(nameof(body)) };
        return this;
    }
}
