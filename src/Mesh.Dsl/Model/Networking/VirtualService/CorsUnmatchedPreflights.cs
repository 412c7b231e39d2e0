namespace Mesh.Dsl.Model.Networking;

/// <summary>What happens to CORS preflight requests whose origin no rule allows (Istio enum <c>CorsPolicy.UnmatchedPreflights</c>).</summary>
public enum CorsUnmatchedPreflights
{
    /// <summary><c>UNSPECIFIED</c>: the default, which is <see cref="Forward"/>.</summary>
    Unspecified,

    /// <summary><c>FORWARD</c>: forward them to the upstream.</summary>
    Forward,

    /// <summary><c>IGNORE</c>: answer them at the proxy, without CORS headers.</summary>
    Ignore,
}
