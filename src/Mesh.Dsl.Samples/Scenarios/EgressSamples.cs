using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Samples.Scenarios;

/// <summary>
/// Traffic leaving the mesh, as the seed documents configure it: access to external services, TLS
/// origination in the sidecar, and the egress gateway.
/// </summary>
public static class EgressSamples
{
    /// <summary>
    /// Seed 000 ("出口流量的 TLS"): allow HTTP and HTTPS to every <c>*.cnn.com</c> host, so both
    /// www.cnn.com and edition.cnn.com can be reached. A wildcard host cannot be resolved by DNS, so
    /// the entry gets resolution NONE.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void WildcardCnn(IstioMesh mesh) =>
        mesh.Egress().ExternalService("*.cnn.com", o =>
        {
            o.Name = "cnn";
            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
        });

    /// <summary>
    /// Seed 002 ("Egress TLS 源"): one ServiceEntry gives HTTP and HTTPS access to edition.cnn.com.
    /// An HTTP request still gets a 301 to HTTPS: one round trip too many, and the path in clear text.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void HttpAndHttps(IstioMesh mesh) =>
        mesh.Egress().ExternalService("edition.cnn.com");

    /// <summary>
    /// Seed 003 ("网格边缘-Egress", sidecar, HTTP): open plain HTTP to www.aliyun.com and hbchen.com.
    /// HTTPS, and HTTP redirected to HTTPS, still fail.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void EntryHttp(IstioMesh mesh) =>
        mesh.Egress().ExternalService(["www.aliyun.com", "hbchen.com"], o =>
        {
            o.Name = "entry-x";
            o.Ports = [ExternalPort.Http(80, "http")];
            o.Resolution = ServiceEntryResolution.None;
            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
        });

    /// <summary>
    /// Seed 003 (sidecar, HTTP &amp; HTTPS): in practice an external service opens both 80 and 443, so
    /// HTTPS and HTTP redirected to HTTPS work too.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void EntryHttpAndHttps(IstioMesh mesh) =>
        mesh.Egress().ExternalService(["www.aliyun.com", "hbchen.com"], o =>
        {
            o.Name = "entry-x";
            o.Resolution = ServiceEntryResolution.None;
            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
        });
}
