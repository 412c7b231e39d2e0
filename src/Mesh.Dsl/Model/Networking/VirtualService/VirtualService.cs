namespace Mesh.Dsl.Model.Networking;

/// <content>The reserved gateway name.</content>
public sealed partial class VirtualService
{
    /// <summary>The reserved gateway name <c>mesh</c>: every sidecar of the mesh. Name it together with gateways to apply the rules at both.</summary>
    public const string MeshGateway = "mesh";
}
