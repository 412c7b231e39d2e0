namespace Mesh.Dsl.Model.Networking;

/// <content>An outbound Sidecar listener is a port listener with a capture mode.</content>
public sealed partial class IstioEgressListener : ISidecarListener
{
}
