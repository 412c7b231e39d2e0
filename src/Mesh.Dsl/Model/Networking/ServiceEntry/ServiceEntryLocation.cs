namespace Mesh.Dsl.Model.Networking;

/// <summary>Whether a ServiceEntry's service is outside the mesh or part of it.</summary>
public enum ServiceEntryLocation
{
    /// <summary><c>MESH_EXTERNAL</c>: outside the mesh; mTLS is not used and metrics treat it as external.</summary>
    MeshExternal,

    /// <summary><c>MESH_INTERNAL</c>: part of the mesh, such as a VM workload added by hand.</summary>
    MeshInternal,
}
