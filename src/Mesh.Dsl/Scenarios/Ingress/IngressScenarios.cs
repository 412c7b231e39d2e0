using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Recipes for traffic that enters the mesh. Each adds a consistent set of resources to the mesh in
/// one call (all of them, or none when a name is taken) and returns them, so a program can still
/// change any field afterwards.
/// </summary>
public sealed class IngressScenarios
{
    private readonly IstioMesh _mesh;

    internal IngressScenarios(IstioMesh mesh) => _mesh = mesh;

    /// <summary>
    /// Exposes a host through the ingress gateway: a Gateway with the servers asked for (plain HTTP,
    /// HTTPS terminated with a Secret's certificate, mutual TLS, TLS passthrough) and the VirtualService
    /// bound to it, with the same hosts, routing HTTP (and passthrough TLS by SNI) to one service.
    /// </summary>
    /// <param name="host">The host clients ask for: <c>httpbin.example.com</c>.</param>
    /// <param name="configure">Adds servers, sets the destination, changes names, selector, namespace or API version.</param>
    /// <returns>The Gateway and VirtualService added.</returns>
    public IngressGateway Gateway(string host, Action<IngressGatewayOptions> configure)
    {
        Guard.Host(host, nameof(host));
        ArgumentNullException.ThrowIfNull(configure);
        var o = new IngressGatewayOptions(host);
        configure(o);
        var destination = o.DestinationHost
            ?? throw new ArgumentException("Say where the gateway sends requests: options.RouteTo(\"httpbin\", 8000).", nameof(configure));
        var hosts = new[] { host }.Concat(o.AdditionalHosts.Select(h => Guard.Host(h, nameof(o.AdditionalHosts)))).ToArray();
        var servers = o.Servers.Count > 0 ? o.Servers : [new IngressServer(80, "http", Protocols.Http)];
        var clash = servers.GroupBy(s => s.Port).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new ArgumentException($"Two servers use port {clash.Key}; a gateway port serves one protocol and TLS mode for the same hosts.", nameof(configure));
        }

        var gateway = new GatewayBuilder(o.GatewayName);
        foreach (var (key, value) in o.GatewaySelector)
        {
            gateway.Selector(key, value);
        }

        foreach (var server in servers)
        {
            gateway.Server(s =>
            {
                s.Port(server.Port, server.Name, server.Protocol).Hosts(hosts);
                if (server.TlsMode is { } mode)
                {
                    s.Tls(t =>
                    {
                        t.Mode(mode);
                        if (server.CredentialName is not null)
                        {
                            t.CredentialName(server.CredentialName);
                        }
                    });
                }
                else if (server.HttpsRedirect)
                {
                    s.Tls(t => t.HttpsRedirect());
                }
            });
        }

        var virtualService = new VirtualServiceBuilder(o.VirtualServiceName).Hosts(hosts).Gateways(o.GatewayName);
        if (servers.Any(s => !s.IsPassthrough && !s.HttpsRedirect))
        {
            virtualService.Http(r => r.RouteTo(destination, o.DestinationPort));
        }

        foreach (var server in servers.Where(s => s.IsPassthrough))
        {
            virtualService.Tls(r => r.MatchSni(server.Port, hosts).RouteTo(destination, o.DestinationPort));
        }

        var result = new IngressGateway(o.ApplyTo(gateway.Build()), o.ApplyTo(virtualService.Build()));
        RecipeBatch.AddAll(_mesh, result.Gateway, result.VirtualService);
        return result;
    }

    /// <summary>
    /// Terminates TLS from clients outside the mesh in a workload's sidecar, without an ingress gateway:
    /// STRICT mesh mTLS for the namespace, mesh mTLS turned off on the exposed port (the sidecar does
    /// TLS there itself), and a Sidecar whose ingress listener on that port terminates TLS (SIMPLE, or
    /// MUTUAL to require client certificates) and hands the plain request to the app.
    /// </summary>
    /// <param name="app">The workload's <c>app</c> label: <c>httpbin</c>.</param>
    /// <param name="configure">Changes ports, certificate files, TLS mode, labels, names, namespace or API versions.</param>
    /// <returns>The PeerAuthentications and Sidecar added.</returns>
    public SidecarTlsTermination TerminateTlsAtSidecar(string app, Action<SidecarTlsTerminationOptions>? configure = null)
    {
        Guard.NotEmpty(app, nameof(app));
        var o = new SidecarTlsTerminationOptions(app);
        configure?.Invoke(o);

        PeerAuthentication? namespacePolicy = null;
        if (o.NamespaceWideStrictMtls)
        {
            namespacePolicy = o.ApplyTo(new PeerAuthenticationBuilder(o.NamespacePolicyName).Mtls(MutualTlsMode.Strict).Build(), o.SecurityApiVersion);
        }

        var portPolicy = new PeerAuthenticationBuilder(o.PortPolicyName);
        foreach (var (key, value) in o.WorkloadLabels)
        {
            portPolicy.Selector(key, value);
        }

        portPolicy.Mtls(MutualTlsMode.Strict).PortMtls(o.ExternalPort, MutualTlsMode.Disable);

        var sidecar = new SidecarBuilder(o.SidecarName);
        foreach (var (key, value) in o.SidecarWorkloadLabels)
        {
            sidecar.WorkloadSelector(key, value);
        }

        sidecar.Ingress(l => l
            .Port(o.ExternalPort, o.ExternalPortName, Protocols.Https)
            .DefaultEndpoint(o.DefaultEndpoint)
            .Tls(t =>
            {
                t.Mode(o.TlsMode).PrivateKey(o.PrivateKey).ServerCertificate(o.ServerCertificate);
                if (o.TlsMode == ServerTlsMode.Mutual)
                {
                    t.CaCertificates(o.CaCertificates);
                }
            }));
        if (o.InternalPort is { } internalPort)
        {
            sidecar.Ingress(l => l.Port(internalPort, o.InternalPortName, Protocols.Http).DefaultEndpoint(o.DefaultEndpoint));
        }

        var result = new SidecarTlsTermination(namespacePolicy, o.ApplyTo(portPolicy.Build(), o.SecurityApiVersion), o.ApplyTo(sidecar.Build()));
        RecipeBatch.AddAll(_mesh, namespacePolicy, result.PortPolicy, result.Sidecar);
        return result;
    }

    /// <summary>
    /// Requires a JWT at the ingress gateway, as Istio's "Authorization for ingress with JWT" task does: a
    /// RequestAuthentication that validates tokens of the issuer against its key set (a request with an
    /// invalid token is rejected; one without a token is not, by itself), and a DENY AuthorizationPolicy
    /// that rejects every request that lacks one of the required request principals.
    /// </summary>
    /// <param name="issuer">The token issuer (<c>iss</c>): <c>testing@secure.istio.io</c>.</param>
    /// <param name="jwksUri">The issuer's public key set, an absolute <c>https</c> URL.</param>
    /// <param name="configure">Changes the workload, audiences, required principals, names, namespace or API version.</param>
    /// <returns>The RequestAuthentication and AuthorizationPolicy added.</returns>
    public JwtRequirement RequireJwt(string issuer, string jwksUri, Action<JwtRequirementOptions>? configure = null)
    {
        Guard.NotEmpty(issuer, nameof(issuer));
        Guard.NotEmpty(jwksUri, nameof(jwksUri));
        // Keys fetched over plain HTTP could be swapped on the way, and with them every token accepted.
        if (!Uri.TryCreate(jwksUri, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"The key set URL \"{jwksUri}\" is not an absolute https URL.", nameof(jwksUri));
        }

        var o = new JwtRequirementOptions(issuer);
        configure?.Invoke(o);
        if (o.RequestPrincipals.Count == 0)
        {
            throw new ArgumentException("RequestPrincipals is empty, so no request would be required to carry a token; leave it at its default (issuer/*).", nameof(configure));
        }

        var principals = o.RequestPrincipals.Select(p => Guard.NotEmpty(p, nameof(o.RequestPrincipals))).ToArray();
        var audiences = o.Audiences.Select(a => Guard.NotEmpty(a, nameof(o.Audiences))).ToArray();

        var authentication = new RequestAuthenticationBuilder(o.RequestAuthenticationName)
            .Selector(s => MatchLabels(s, o.WorkloadSelector))
            .JwtRules(r =>
            {
                r.Issuer(issuer);
                if (audiences.Length > 0)
                {
                    r.Audiences(audiences);
                }

                r.JwksUri(jwksUri);
                if (o.ForwardOriginalToken)
                {
                    r.ForwardOriginalToken(true);
                }
            });

        var policy = new AuthorizationPolicyBuilder(o.AuthorizationPolicyName)
            .Selector(s => MatchLabels(s, o.WorkloadSelector))
            .Action(AuthorizationPolicyAction.Deny)
            .Rules(r => r.From(f => f.Source(s => s.NotRequestPrincipals(principals))));

        var result = new JwtRequirement(
            o.ApplyTo(authentication.Build(), o.SecurityApiVersion),
            o.ApplyTo(policy.Build(), o.SecurityApiVersion));
        RecipeBatch.AddAll(_mesh, result.RequestAuthentication, result.AuthorizationPolicy);
        return result;
    }

    private static void MatchLabels(LabelSelectorBuilder selector, OrderedDictionary<string, string> labels)
    {
        if (labels.Count == 0)
        {
            throw new ArgumentException("WorkloadSelector is empty, which would select every workload of the namespace; name the gateway's or the workload's labels.", nameof(labels));
        }

        foreach (var (key, value) in labels)
        {
            selector.MatchLabels(key, value);
        }
    }
}
