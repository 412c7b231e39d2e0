namespace Mesh.Dsl.Model.Networking;

/// <summary>The simple load-balancing algorithms (Istio enum <c>LoadBalancerSettings.SimpleLB</c>).</summary>
public enum LoadBalancerAlgorithm
{
    /// <summary><c>UNSPECIFIED</c>: let Istio choose.</summary>
    Unspecified,

    /// <summary><c>LEAST_CONN</c>. Deprecated: use <see cref="LeastRequest"/>.</summary>
    LeastConn,

    /// <summary><c>RANDOM</c>: a random healthy host.</summary>
    Random,

    /// <summary><c>PASSTHROUGH</c>: forward to the IP address the caller asked for, without load balancing.</summary>
    Passthrough,

    /// <summary><c>ROUND_ROBIN</c>: each host in turn.</summary>
    RoundRobin,

    /// <summary><c>LEAST_REQUEST</c>: favour hosts with the fewest outstanding requests; the usual best choice.</summary>
    LeastRequest,
}
