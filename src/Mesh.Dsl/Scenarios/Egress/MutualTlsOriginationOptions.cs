using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Options of <see cref="EgressScenarios.OriginateMutualTls(string, Action{MutualTlsOriginationOptions})"/>;
/// each starts at the default it documents. Give the client certificate either as a Kubernetes Secret
/// (<see cref="CredentialName"/> with <see cref="WorkloadLabels"/>) or as files mounted in the proxy
/// (<see cref="ClientCertificate"/> and <see cref="PrivateKey"/>).
/// </summary>
public sealed class MutualTlsOriginationOptions : RecipeOptions
{
    internal MutualTlsOriginationOptions(string host)
    {
        ServiceEntryName = "originate-mtls-for-" + HostNames.Short(host);
        DestinationRuleName = ServiceEntryName;
        Verification = new ServerVerification(host);
    }

    /// <summary>The ServiceEntry's name; by default <c>originate-mtls-for-</c> and the host's short name (<c>originate-mtls-for-my-nginx</c>).</summary>
    public string ServiceEntryName { get; set; }

    /// <summary>The DestinationRule's name; by default the ServiceEntry's.</summary>
    public string DestinationRuleName { get; set; }

    /// <summary>
    /// The Kubernetes Secret with the client's certificate, key and CA certificate (<c>tls.crt</c>,
    /// <c>tls.key</c>, <c>ca.crt</c>), in the namespace of the workloads. Sidecars only read it when the
    /// DestinationRule selects them, so it needs <see cref="WorkloadLabels"/>.
    /// </summary>
    public string? CredentialName { get; set; }

    /// <summary>The labels of the workloads whose sidecars originate mutual TLS (<c>app: curl</c>); required with <see cref="CredentialName"/>.</summary>
    public OrderedDictionary<string, string> WorkloadLabels { get; set; } = new();

    /// <summary>The client certificate file in the proxy, instead of <see cref="CredentialName"/>.</summary>
    public string? ClientCertificate { get; set; }

    /// <summary>The client's private key file in the proxy, with <see cref="ClientCertificate"/>.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>The port the app sends plain HTTP to; 80 by default.</summary>
    public int HttpPort { get; set; } = 80;

    /// <summary>The port the external service accepts mutual TLS on; 443 by default.</summary>
    public int TlsPort { get; set; } = 443;

    /// <summary>The load balancer of the DestinationRule; <see cref="LoadBalancerAlgorithm.RoundRobin"/> by default, as the docs write it.</summary>
    public LoadBalancerAlgorithm? LoadBalancer { get; set; } = LoadBalancerAlgorithm.RoundRobin;

    /// <summary>
    /// How the server's certificate is checked: the host is the SNI by default; the CA is the Secret's
    /// <c>ca.crt</c> with <see cref="CredentialName"/>, otherwise <see cref="ServerVerification.SystemCaBundle"/>
    /// unless <see cref="ServerVerification.CaCertificates"/> says otherwise. <see cref="ServerVerification.None"/> leaves both out.
    /// </summary>
    public ServerVerification Verification { get; set => field = value ?? throw new ArgumentNullException(nameof(value)); }
}
