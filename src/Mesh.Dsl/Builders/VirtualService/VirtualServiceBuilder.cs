using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a <see cref="VirtualService"/>.</summary>
public sealed partial class VirtualServiceBuilder : ResourceBuilder<VirtualServiceBuilder, VirtualService, VirtualServiceSpec>
{
    /// <summary>Starts a new VirtualService.</summary>
    /// <param name="name">The resource name: a lowercase DNS-1123 subdomain.</param>
    public VirtualServiceBuilder(string name)
        : base(new VirtualService(), name)
    {
    }

    /// <summary>Edits an existing VirtualService.</summary>
    /// <param name="resource">The resource to edit.</param>
    public VirtualServiceBuilder(VirtualService resource)
        : base(resource)
    {
    }

    /// <summary>Adds the hosts the rules apply to (<c>reviews</c>, <c>api.example.com</c>, <c>*.example.com</c>).</summary>
    /// <param name="hosts">The hosts.</param>
    /// <returns>This builder.</returns>
    public VirtualServiceBuilder Hosts(params string[] hosts)
    {
        Guard.AddAll(Target.Hosts, hosts, Guard.Host, nameof(hosts));
        return this;
    }

    /// <summary>Adds gateways that apply the rules: <c>[namespace/]name</c>, or <see cref="VirtualService.MeshGateway"/> for the sidecars.</summary>
    /// <param name="gateways">The gateway references.</param>
    /// <returns>This builder.</returns>
    public VirtualServiceBuilder Gateways(params string[] gateways)
    {
        Guard.AddAll(Target.Gateways, gateways, VirtualServiceGuard.GatewayName, nameof(gateways));
        return this;
    }

    /// <summary>Adds one gateway that applies the rules.</summary>
    /// <param name="gateway"><c>[namespace/]name</c>, or <see cref="VirtualService.MeshGateway"/>.</param>
    /// <returns>This builder.</returns>
    public VirtualServiceBuilder Gateway(string gateway) => Gateways(gateway);

    /// <summary>
    /// Adds a Gateway by reference, so the name cannot dangle: written <c>namespace/name</c> when the
    /// Gateway has a namespace other than this VirtualService's, otherwise <c>name</c>.
    /// </summary>
    /// <param name="gateway">The Gateway; it must have a name.</param>
    /// <returns>This builder.</returns>
    public VirtualServiceBuilder Gateway(Gateway gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var name = gateway.MetadataName is { Length: > 0 } n ? n : throw new ArgumentException("The Gateway has no name.", nameof(gateway));
        var ns = gateway.MetadataNamespace;
        return Gateways(ns is { Length: > 0 } && ns != Resource.MetadataNamespace ? $"{ns}/{name}" : name);
    }

    /// <summary>Adds an HTTP rule; rules are tried in the order they are added.</summary>
    /// <param name="configure">Sets the matches and the action (route, redirect, direct response or delegate).</param>
    /// <returns>This builder.</returns>
    public VirtualServiceBuilder Http(Action<HttpRouteBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddChild(Target.Http, static () => new(), r => new HttpRouteBuilder(r), configure);
    }

    /// <summary>Adds a TLS rule, for TLS the proxy does not terminate; rules are tried in order.</summary>
    /// <param name="configure">Sets the SNI matches and route destinations.</param>
    /// <returns>This builder.</returns>
    public VirtualServiceBuilder Tls(Action<TlsRouteBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddChild(Target.Tls, static () => new(), r => new TlsRouteBuilder(r), configure);
    }

    /// <summary>Adds a TCP rule; rules are tried in order.</summary>
    /// <param name="configure">Sets the matches and route destinations.</param>
    /// <returns>This builder.</returns>
    public VirtualServiceBuilder Tcp(Action<TcpRouteBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddChild(Target.Tcp, static () => new(), r => new TcpRouteBuilder(r), configure);
    }

    /// <summary>Limits the namespaces the VirtualService is visible to (<c>.</c> for its own, <c>*</c> for all).</summary>
    /// <param name="namespaces">The namespaces.</param>
    /// <returns>This builder.</returns>
    public VirtualServiceBuilder ExportTo(params string[] namespaces)
    {
        Guard.AddAll(Target.ExportTo, namespaces, Guard.NotEmpty, nameof(namespaces));
        return this;
    }
}
