using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds an injected abort (<see cref="FaultAbort"/>); each error setter replaces the others.</summary>
public sealed partial class FaultAbortBuilder : MessageBuilder<FaultAbortBuilder, FaultAbort>
{
    /// <summary>Creates a builder over an abort.</summary>
    /// <param name="target">The abort to fill in.</param>
    public FaultAbortBuilder(FaultAbort target)
        : base(target)
    {
    }

    /// <summary>Aborts with an HTTP status.</summary>
    /// <param name="status">200 to 600.</param>
    /// <returns>This builder.</returns>
    public FaultAbortBuilder HttpStatus(int status)
    {
        Target.HttpStatus = (int)VirtualServiceGuard.HttpStatus(status);
        return this;
    }

    /// <summary>Aborts with a gRPC status.</summary>
    /// <param name="status">The status name in capitals (<c>UNAVAILABLE</c>), not its number.</param>
    /// <returns>This builder.</returns>
    public FaultAbortBuilder GrpcStatus(string status)
    {
        Target.GrpcStatus = Guard.NotEmpty(status, nameof(status));
        return this;
    }

    /// <summary>Aborts with an HTTP/2 error; Istio's proxies do not support it yet.</summary>
    /// <param name="error">The error name.</param>
    /// <returns>This builder.</returns>
    public FaultAbortBuilder Http2Error(string error)
    {
        Target.Http2Error = Guard.NotEmpty(error, nameof(error));
        return this;
    }

    /// <summary>Sets the percentage of requests aborted.</summary>
    /// <param name="percentage">0 to 100.</param>
    /// <returns>This builder.</returns>
    public FaultAbortBuilder Percentage(double percentage)
    {
        Target.Percentage = VirtualServiceGuard.Percent(percentage, nameof(percentage));
        return this;
    }
}
