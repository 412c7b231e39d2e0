namespace Mesh.Dsl.Model.Networking;

/// <summary>A listener on a port, optionally bound to an address: a Gateway <see cref="Server"/> or a Sidecar listener.</summary>
public interface IPortListener
{
    /// <summary>The port the listener is on.</summary>
    Port? Port { get; set; }

    /// <summary>The IP address or Unix domain socket (<c>unix:///path</c>) the listener binds to.</summary>
    string? Bind { get; set; }
}
