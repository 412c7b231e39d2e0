namespace Mesh.Dsl.Model.Networking;

/// <summary>How a redirect chooses its port when it does not give one (Istio enum <c>HTTPRedirect.RedirectPortSelection</c>).</summary>
public enum RedirectPortSelection
{
    /// <summary><c>FROM_PROTOCOL_DEFAULT</c>: 80 for <c>http</c>, 443 for <c>https</c>.</summary>
    FromProtocolDefault,

    /// <summary><c>FROM_REQUEST_PORT</c>: the port the request came in on.</summary>
    FromRequestPort,
}
