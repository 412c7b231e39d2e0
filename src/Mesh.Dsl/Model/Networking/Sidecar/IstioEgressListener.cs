using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>An outbound listener of a sidecar and the hosts it can reach (Istio message <c>istio.networking.v1alpha3.IstioEgressListener</c>).</summary>
public sealed class IstioEgressListener : ISidecarListener
{
    internal static readonly MessageSchema<IstioEgressListener> Schema = new MessageSchema<IstioEgressListener>("IstioEgressListener", () => new())
        .Field("port", x => x.Port, (x, v) => x.Port = v, Codecs.Message(() => Port.Schema))
        .Field("bind", x => x.Bind, (x, v) => x.Bind = v, Codecs.String)
        .Field("captureMode", x => x.CaptureMode, (x, v) => x.CaptureMode = v, Codecs.Enum<CaptureMode>())
        .Field("hosts", x => x._hosts!, (x, v) => x.Hosts = v, Codecs.StringList);

    /// <summary>The port of the listener; without it, Istio derives the ports from the hosts.</summary>
    public Port? Port { get; set; }

    /// <summary>The IP address or Unix domain socket (<c>unix:///path</c>) the listener binds to.</summary>
    public string? Bind { get; set; }

    /// <summary>How traffic reaches the listener when it binds to an IP.</summary>
    public CaptureMode? CaptureMode { get; set; }

    private List<string>? _hosts;

    /// <summary>The hosts reachable through the listener, each <c>namespace/dnsName</c> (<c>./*</c>, <c>istio-system/*</c>, <c>*/api.example.com</c>).</summary>
    public List<string> Hosts { get => _hosts ??= new(); set => _hosts = value; }
}
