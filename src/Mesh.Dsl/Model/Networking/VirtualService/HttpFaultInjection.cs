using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Faults to inject into forwarded requests: a delay, an abort, or both (Istio message <c>HTTPFaultInjection</c>).</summary>
public sealed class HttpFaultInjection
{
    internal static readonly MessageSchema<HttpFaultInjection> Schema = new MessageSchema<HttpFaultInjection>("HTTPFaultInjection", () => new())
        .Field("delay", x => x.Delay, (x, v) => x.Delay = v, Codecs.Message(() => FaultDelay.Schema))
        .Field("abort", x => x.Abort, (x, v) => x.Abort = v, Codecs.Message(() => FaultAbort.Schema));

    /// <summary>Delays requests before forwarding them, as a slow network or an overloaded service would.</summary>
    public FaultDelay? Delay { get; set; }

    /// <summary>Aborts requests with an error code, as a failing service would.</summary>
    public FaultAbort? Abort { get; set; }
}
