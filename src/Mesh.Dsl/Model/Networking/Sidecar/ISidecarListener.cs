namespace Mesh.Dsl.Model.Networking;

/// <summary>An inbound or outbound listener of a Sidecar: a port listener with a capture mode.</summary>
public interface ISidecarListener : IPortListener
{
    /// <summary>How traffic reaches the listener when it binds to an IP.</summary>
    CaptureMode? CaptureMode { get; set; }
}
