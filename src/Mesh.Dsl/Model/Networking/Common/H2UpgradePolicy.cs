namespace Mesh.Dsl.Model.Networking;

/// <summary>Whether HTTP/1.1 connections are upgraded to HTTP/2 (Istio enum <c>HTTPSettings.H2UpgradePolicy</c>).</summary>
public enum H2UpgradePolicy
{
    /// <summary><c>DEFAULT</c>: use the mesh-wide default.</summary>
    Default,

    /// <summary><c>DO_NOT_UPGRADE</c>: never upgrade, overriding the default.</summary>
    DoNotUpgrade,

    /// <summary><c>UPGRADE</c>: upgrade to HTTP/2, overriding the default.</summary>
    Upgrade,
}
