namespace Mesh.Dsl.Model.Networking;

/// <content>A Gateway server is a port listener, as Sidecar listeners are: builders and checks of ports and binds serve both.</content>
public sealed partial class Server : IPortListener
{
}
