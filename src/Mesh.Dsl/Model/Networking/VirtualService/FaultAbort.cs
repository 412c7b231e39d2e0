using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// An abort injected instead of forwarding (Istio message <c>HTTPFaultInjection.Abort</c>). The error type
/// is one choice: setting one of <see cref="HttpStatus"/>, <see cref="GrpcStatus"/> and <see cref="Http2Error"/> clears the others.
/// </summary>
public sealed class FaultAbort
{
    internal static readonly MessageSchema<FaultAbort> Schema = new MessageSchema<FaultAbort>("Abort", () => new())
        .Field("httpStatus", x => x.HttpStatus, (x, v) => x.HttpStatus = v, Codecs.Int32, oneOf: "errorType")
        .Field("grpcStatus", x => x.GrpcStatus, (x, v) => x.GrpcStatus = v, Codecs.String, oneOf: "errorType")
        .Field("http2Error", x => x.Http2Error, (x, v) => x.Http2Error = v, Codecs.String, oneOf: "errorType")
        .Field("percentage", x => x.Percentage, (x, v) => x.Percentage = v, Codecs.Message(() => Percent.Schema));

    private int? _httpStatus;
    private string? _grpcStatus;
    private string? _http2Error;

    /// <summary>The HTTP status to answer with (200 to 600); setting it clears the other error types.</summary>
    public int? HttpStatus
    {
        get => _httpStatus;
        set
        {
            _httpStatus = value;
            if (value.HasValue)
            {
                _grpcStatus = null;
                _http2Error = null;
            }
        }
    }

    /// <summary>The gRPC status name to answer with, in capitals (<c>UNAVAILABLE</c>, not <c>14</c>); setting it clears the other error types.</summary>
    public string? GrpcStatus
    {
        get => _grpcStatus;
        set
        {
            _grpcStatus = value;
            if (value is not null)
            {
                _httpStatus = null;
                _http2Error = null;
            }
        }
    }

    /// <summary>An HTTP/2 error to reset the stream with (not supported by Istio's proxies yet); setting it clears the other error types.</summary>
    public string? Http2Error
    {
        get => _http2Error;
        set
        {
            _http2Error = value;
            if (value is not null)
            {
                _httpStatus = null;
                _grpcStatus = null;
            }
        }
    }

    /// <summary>The percentage of requests to abort; unset aborts none in current Istio.</summary>
    public Percent? Percentage { get; set; }
}
