namespace Mesh.Dsl.Model.Networking;

/// <summary>How traffic to a sidecar listener bound to an IP is captured (Istio enum <c>CaptureMode</c>).</summary>
public enum CaptureMode
{
    /// <summary><c>DEFAULT</c>: the capture mode of the environment.</summary>
    Default,

    /// <summary><c>IPTABLES</c>: capture by iptables redirection.</summary>
    Iptables,

    /// <summary><c>NONE</c>: no capture; the application talks to the listener directly.</summary>
    None,
}
