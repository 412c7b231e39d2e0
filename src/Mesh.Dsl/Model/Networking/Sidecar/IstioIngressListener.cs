namespace Mesh.Dsl.Model.Networking;

/// <content>An inbound Sidecar listener is a port listener with a capture mode.</content>
public sealed partial class IstioIngressListener : ISidecarListener
{
}
