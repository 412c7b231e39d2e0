using System.Reflection;
using Mesh.Dsl.Samples;
using Mesh.Dsl.Scenarios;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Tests.Scenarios;

/// <summary>
/// The recipes are secure by default and pass the library's own checks: every recipe with default options
/// (only what it requires) validates with no diagnostic at all; every option that asks for something weaker
/// gives exactly the warning that says so, naming the option that settles it.
/// </summary>
public class RecipeValidationTests
{
    private const string NoneHint = "added it with Verification = ServerVerification.None (or no Verification.CaCertificates); leave Verification at its default, which sets caCertificates to /etc/ssl/certs/ca-certificates.crt and the SNI, or set Verification.CaCertificates.";
    private const string PortsHint = "ExternalService added it with plain HTTP port 80 in Ports (ExternalPort.Http); leave Ports at its default (HTTPS on 443 only), or use OriginateTls so the sidecar encrypts port 80.";
    private const string GatewayHttpHint = "RouteThroughGateway added it with EgressGatewayTraffic.Http; use EgressGatewayTraffic.HttpWithTlsOrigination (the default) so the gateway originates TLS, or TlsPassthrough for HTTPS from the app.";
    private const string WildcardHint = "ExternalService added it for the wildcard host *.cnn.com (resolution NONE); give ExternalService the exact hosts instead, or send the traffic through the egress gateway with RouteThroughGateway.";

    /// <summary>Each recipe entry point (by signature) with default options; the test below checks that none is missing.</summary>
    private static readonly Dictionary<string, (string Signature, Action<IstioMesh> Add)> Defaults = new()
    {
        ["external service"] = ("EgressScenarios.ExternalService(String, Action`1)", m => m.Egress().ExternalService("api.example.com")),
        ["external service, several hosts"] = ("EgressScenarios.ExternalService(IEnumerable`1, Action`1)", m => m.Egress().ExternalService(["api.example.com", "status.example.com"])),
        ["originate tls"] = ("EgressScenarios.OriginateTls(String, Action`1)", m => m.Egress().OriginateTls("edition.cnn.com")),
        ["originate tls, target port"] = ("EgressScenarios.OriginateTls(String, TlsOriginationStyle, Action`1)", m => m.Egress().OriginateTls("edition.cnn.com", TlsOriginationStyle.TargetPort)),
        ["originate tls, port rewrite"] = ("EgressScenarios.OriginateTls(String, TlsOriginationStyle, Action`1)", m => m.Egress().OriginateTls("edition.cnn.com", TlsOriginationStyle.PortRewrite)),
        ["originate tls, dedicated subset"] = ("EgressScenarios.OriginateTls(String, TlsOriginationStyle, Action`1)", m => m.Egress().OriginateTls("edition.cnn.com", TlsOriginationStyle.DedicatedSubset)),
        ["originate mutual tls, credential"] = ("EgressScenarios.OriginateMutualTls(String, Action`1)", m => m.Egress().OriginateMutualTls("my-nginx.mesh-external.svc.cluster.local", o =>
        {
            o.CredentialName = "client-credential";
            o.WorkloadLabels["app"] = "curl";
        })),
        ["originate mutual tls, files"] = ("EgressScenarios.OriginateMutualTls(String, Action`1)", m => m.Egress().OriginateMutualTls("my-nginx.example.com", o =>
        {
            o.ClientCertificate = "/etc/certs/client.pem";
            o.PrivateKey = "/etc/certs/client-key.pem";
        })),
        ["route through gateway"] = ("EgressScenarios.RouteThroughGateway(String, Action`1)", m => m.Egress().RouteThroughGateway("www.aliyun.com")),
        ["route through gateway, tls origination"] = ("EgressScenarios.RouteThroughGateway(String, EgressGatewayTraffic, Action`1)", m => m.Egress().RouteThroughGateway("www.aliyun.com", EgressGatewayTraffic.HttpWithTlsOrigination)),
        ["route through gateway, passthrough"] = ("EgressScenarios.RouteThroughGateway(String, EgressGatewayTraffic, Action`1)", m => m.Egress().RouteThroughGateway("edition.cnn.com", EgressGatewayTraffic.TlsPassthrough)),
        ["route through gateway, allowed sources"] = ("EgressScenarios.RouteThroughGateway(String, Action`1)", m => m.Egress().RouteThroughGateway("www.aliyun.com", o =>
        {
            o.AllowedNamespaces = ["shop"];
            o.AllowedPrincipals = ["cluster.local/ns/default/sa/curl"];
        })),
        ["route through gateway, passthrough, allowed sources"] = ("EgressScenarios.RouteThroughGateway(String, EgressGatewayTraffic, Action`1)", m => m.Egress().RouteThroughGateway("edition.cnn.com", EgressGatewayTraffic.TlsPassthrough, o => o.AllowedNamespaces = ["shop"])),
        ["lock down"] = ("EgressScenarios.LockDown(String, Action`1)", m => m.Egress().LockDown("shop")),
        ["ingress gateway"] = ("IngressScenarios.Gateway(String, Action`1)", m => m.Ingress().Gateway("httpbin.example.com", o => o.RouteTo("httpbin", 8000))),
        ["ingress gateway, https and redirect"] = ("IngressScenarios.Gateway(String, Action`1)", m => m.Ingress().Gateway("httpbin.example.com", o => o.Http(redirectToHttps: true).Https("httpbin-credential").RouteTo("httpbin", 8000))),
        ["ingress gateway, mutual https"] = ("IngressScenarios.Gateway(String, Action`1)", m => m.Ingress().Gateway("httpbin.example.com", o => o.MutualHttps("httpbin-credential").RouteTo("httpbin", 8000))),
        ["ingress gateway, passthrough"] = ("IngressScenarios.Gateway(String, Action`1)", m => m.Ingress().Gateway("nginx.example.com", o => o.Passthrough().RouteTo("my-nginx", 443))),
        ["require jwt"] = ("IngressScenarios.RequireJwt(String, String, Action`1)", m => m.Ingress().RequireJwt("testing@secure.istio.io", "https://raw.githubusercontent.com/istio/istio/release-1.28/security/tools/jwt/samples/jwks.json")),
        ["virtual machine service"] = ("VirtualMachineScenarios.Service(String, IEnumerable`1, Action`1)", m => m.VirtualMachines().Service("details.bookinfo.com", ["10.0.0.1", "10.0.0.2"])),
        ["tls termination at the sidecar"] = ("IngressScenarios.TerminateTlsAtSidecar(String, Action`1)", m => m.Ingress().TerminateTlsAtSidecar("httpbin")),
        ["tls termination at the sidecar, simple"] = ("IngressScenarios.TerminateTlsAtSidecar(String, Action`1)", m => m.Ingress().TerminateTlsAtSidecar("httpbin", o => o.TlsMode = Mesh.Dsl.Model.Networking.ServerTlsMode.Simple)),
    };

    public static TheoryData<string> DefaultCases() => new(Defaults.Keys);

    [Theory]
    [MemberData(nameof(DefaultCases))]
    public void Recipe_with_default_options_validates_without_any_diagnostic(string recipe)
    {
        var mesh = new IstioMesh();
        Defaults[recipe].Add(mesh);

        var diagnostics = mesh.Validate();

        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public void Every_recipe_entry_point_is_tested_with_its_default_options()
    {
        var entryPoints = new[] { typeof(EgressScenarios), typeof(IngressScenarios), typeof(VirtualMachineScenarios) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})")
            .ToHashSet();
        var tested = Defaults.Values.Select(v => v.Signature).ToHashSet();

        Assert.Empty(entryPoints.Except(tested));
        Assert.Empty(tested.Except(entryPoints));
        Assert.All(Enum.GetValues<TlsOriginationStyle>(), style => Assert.Contains(Defaults.Keys, k => k.Replace(" ", string.Empty, StringComparison.Ordinal).Contains(style.ToString(), StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Tls_origination_verifies_the_server_against_the_system_bundle_with_the_host_as_sni()
    {
        var mesh = new IstioMesh();
        var sidecar = mesh.Egress().OriginateTls("edition.cnn.com");
        var gateway = mesh.Egress().RouteThroughGateway("www.aliyun.com");
        var files = mesh.Egress().OriginateMutualTls("my-nginx.example.com", o => (o.ClientCertificate, o.PrivateKey) = ("/c.pem", "/k.pem"));
        var credential = mesh.Egress().OriginateMutualTls("api.partner.net", o => (o.CredentialName, o.WorkloadLabels["app"]) = ("client-credential", "curl"));

        var tls = Assert.Single(sidecar.DestinationRule.Spec.TrafficPolicy!.PortLevelSettings).Tls!;
        Assert.Equal((ServerVerification.SystemCaBundle, "edition.cnn.com"), (tls.CaCertificates, tls.Sni));
        tls = Assert.Single(Assert.Single(gateway.TlsDestinationRule!.Spec.Subsets).TrafficPolicy!.PortLevelSettings).Tls!;
        Assert.Equal((ServerVerification.SystemCaBundle, "www.aliyun.com"), (tls.CaCertificates, tls.Sni));
        tls = Assert.Single(files.DestinationRule.Spec.TrafficPolicy!.PortLevelSettings).Tls!;
        Assert.Equal((ServerVerification.SystemCaBundle, "my-nginx.example.com"), (tls.CaCertificates, tls.Sni));

        // Istio rejects caCertificates next to a credentialName: the Secret's ca.crt verifies the server.
        tls = Assert.Single(credential.DestinationRule.Spec.TrafficPolicy!.PortLevelSettings).Tls!;
        Assert.Equal(((string?)null, "api.partner.net"), (tls.CaCertificates, tls.Sni));
    }

    [Fact]
    public void A_ca_file_next_to_a_credential_is_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => new IstioMesh().Egress().OriginateMutualTls("nginx.example.com", o =>
        {
            (o.CredentialName, o.WorkloadLabels["app"]) = ("client-credential", "curl");
            o.Verification.CaCertificates = "/etc/certs/ca.pem";
        }));

        Assert.Contains("Istio rejects caCertificates next to a credentialName", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TlsOriginationStyle.TargetPort, "DestinationRule edition-cnn-com spec.trafficPolicy.portLevelSettings[0].tls.caCertificates")]
    [InlineData(TlsOriginationStyle.PortRewrite, "DestinationRule originate-tls-for-edition-cnn-com spec.trafficPolicy.portLevelSettings[0].tls.caCertificates")]
    [InlineData(TlsOriginationStyle.DedicatedSubset, "DestinationRule originate-tls-for-edition-cnn-com spec.subsets[0].trafficPolicy.portLevelSettings[0].tls.caCertificates")]
    public void Tls_origination_without_verification_warns_once_naming_the_option(TlsOriginationStyle style, string where)
    {
        var mesh = new IstioMesh();
        mesh.Egress().OriginateTls("edition.cnn.com", style, o => o.Verification = ServerVerification.None);

        AssertOnly(mesh, DiagnosticCodes.NoServerCertificateVerificationPortLevel, where, "OriginateTls " + NoneHint);
    }

    [Fact]
    public void Mutual_tls_origination_with_files_and_without_verification_warns_naming_the_option()
    {
        var mesh = new IstioMesh();
        mesh.Egress().OriginateMutualTls("my-nginx.example.com", o =>
        {
            (o.ClientCertificate, o.PrivateKey) = ("/c.pem", "/k.pem");
            o.Verification = ServerVerification.None;
        });

        AssertOnly(mesh, DiagnosticCodes.NoServerCertificateVerificationPortLevel, "DestinationRule originate-mtls-for-example spec.trafficPolicy.portLevelSettings[0].tls.caCertificates", "OriginateMutualTls " + NoneHint);
    }

    [Fact]
    public void Gateway_tls_origination_without_verification_warns_naming_the_option()
    {
        var mesh = new IstioMesh();
        mesh.Egress().RouteThroughGateway("www.aliyun.com", EgressGatewayTraffic.HttpWithTlsOrigination, o => o.Verification = ServerVerification.None);

        AssertOnly(mesh, DiagnosticCodes.NoServerCertificateVerificationPortLevel, "DestinationRule originate-tls-for-aliyun spec.subsets[0].trafficPolicy.portLevelSettings[0].tls.caCertificates", "RouteThroughGateway " + NoneHint);
    }

    [Fact]
    public void Plain_http_through_the_gateway_warns_naming_the_traffic_kind()
    {
        var mesh = new IstioMesh();
        mesh.Egress().RouteThroughGateway("www.aliyun.com", EgressGatewayTraffic.Http);

        AssertOnly(mesh, DiagnosticCodes.PlaintextExternalEgress, "ServiceEntry www-aliyun-com spec.ports[0]", GatewayHttpHint);
    }

    [Fact]
    public void A_plain_http_port_of_an_external_service_warns_naming_the_ports_option()
    {
        var mesh = new IstioMesh();
        mesh.Egress().ExternalService("edition.cnn.com", o => o.Ports = [ExternalPort.Http(), ExternalPort.Https()]);

        AssertOnly(mesh, DiagnosticCodes.PlaintextExternalEgress, "ServiceEntry edition-cnn-com spec.ports[0]", PortsHint);
    }

    [Fact]
    public void A_wildcard_external_service_warns_naming_the_host()
    {
        var mesh = new IstioMesh();
        mesh.Egress().ExternalService("*.cnn.com");

        AssertOnly(mesh, DiagnosticCodes.WildcardEgressWithResolutionNone, "ServiceEntry cnn-com spec.hosts[0]", WildcardHint);
    }

    [Fact]
    public void Additional_hosts_of_tls_origination_warn_naming_the_option()
    {
        var mesh = new IstioMesh();
        mesh.Egress().OriginateTls("edition.cnn.com", o => o.AdditionalHosts.Add("hbchen.com"));

        AssertOnly(mesh, DiagnosticCodes.PlaintextExternalEgress, "ServiceEntry edition-cnn-com spec.ports[0]", "OriginateTls added it with AdditionalHosts hbchen.com, which keep plain HTTP on the HTTP port; remove them from AdditionalHosts and call OriginateTls for each.");
    }

    [Fact]
    public void A_hint_reaches_resources_in_a_namespace()
    {
        var mesh = new IstioMesh("apps");
        mesh.Egress().OriginateTls("edition.cnn.com", o => o.Verification = ServerVerification.None);
        mesh.Egress().RouteThroughGateway("www.aliyun.com", EgressGatewayTraffic.HttpWithTlsOrigination, o =>
        {
            o.Namespace = "egress";
            o.Verification = ServerVerification.None;
        });

        Assert.Collection(
            mesh.Validate(),
            d => Assert.Equal(("apps", true), (d.Namespace, d.Message.EndsWith(" OriginateTls " + NoneHint, StringComparison.Ordinal))),
            d => Assert.Equal(("egress", true), (d.Namespace, d.Message.EndsWith(" RouteThroughGateway " + NoneHint, StringComparison.Ordinal))));
    }

    [Fact]
    public void A_hint_follows_its_resource_and_leaves_when_the_setting_is_fixed()
    {
        var mesh = new IstioMesh();
        var origination = mesh.Egress().OriginateTls("edition.cnn.com", o => o.Verification = ServerVerification.None);
        origination.DestinationRule.Metadata.Name = "renamed";
        Assert.EndsWith(NoneHint, Assert.Single(mesh.Validate()).Message, StringComparison.Ordinal);

        Assert.Single(origination.DestinationRule.Spec.TrafficPolicy!.PortLevelSettings).Tls!.CaCertificates = ServerVerification.SystemCaBundle;
        Assert.Empty(mesh.Validate());
    }

    /// <summary>
    /// The seed samples reproduce the documents' YAML, so they opt out of the secure defaults; what validation says
    /// about each is exactly this, and every warning of a recipe names the option. The legacy import reproduces
    /// its Istio 0.x input, which has a wildcard host; no option of a recipe made it.
    /// </summary>
    [Theory]
    [InlineData("egress-wildcard-cnn", "MESH3002 wildcard", "MESH3001 ports")]
    [InlineData("egress-tls-origination-v1alpha3", "IST0129 OriginateTls")]
    [InlineData("egress-http-https", "MESH3001 ports")]
    [InlineData("egress-tls-origination", "IST0129 OriginateTls")]
    [InlineData("egress-mtls-origination")]
    [InlineData("egress-entry-http", "MESH3001 ports")]
    [InlineData("egress-entry-http-https", "MESH3001 ports")]
    [InlineData("egress-tls-origination-subset", "MESH3001 additional", "IST0129 OriginateTls")]
    [InlineData("egress-gateway-http", "MESH3001 gateway")]
    [InlineData("egress-gateway-tls-origination", "IST0129 RouteThroughGateway")]
    [InlineData("egress-gateway-passthrough")]
    [InlineData("egress-gateway-allowed-sources")]
    [InlineData("egress-lock-down")]
    [InlineData("ingress-sidecar-tls-termination")]
    [InlineData("ingress-gateway")]
    [InlineData("ingress-gateway-mtls")]
    [InlineData("ingress-gateway-passthrough")]
    [InlineData("ingress-gateway-jwt")]
    [InlineData("vm-details")]
    [InlineData("legacy-bookinfo-googleapis", "MESH3002 import")]
    public void Sample_warnings_are_exactly_the_opted_out_ones_each_naming_its_option(string id, params string[] expected)
    {
        var diagnostics = SampleCatalogue.Find(id)!.CreateMesh().Validate();

        Assert.Equal(expected.Select(e => e.Split(' ')[0]), diagnostics.Select(d => d.Code));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        foreach (var (diagnostic, cause) in diagnostics.Zip(expected.Select(e => e.Split(' ')[1])))
        {
            var hint = cause switch
            {
                "wildcard" => "ExternalService added it for the wildcard host *.cnn.com",
                "ports" => PortsHint,
                "additional" => "OriginateTls added it with AdditionalHosts hbchen.com",
                "gateway" => GatewayHttpHint,
                "import" => null,
                _ => cause + " " + NoneHint,
            };
            if (hint is null)
            {
                Assert.DoesNotContain("added it", diagnostic.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains(hint, diagnostic.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_sample_is_in_the_table_above()
    {
        var ids = typeof(RecipeValidationTests).GetMethod(nameof(Sample_warnings_are_exactly_the_opted_out_ones_each_naming_its_option))!
            .GetCustomAttributes<InlineDataAttribute>().Select(a => (string)a.GetData(null!).Single()[0]);

        Assert.Equal(SampleCatalogue.All.Select(s => s.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    private static void AssertOnly(IstioMesh mesh, string code, string where, string hint)
    {
        var diagnostic = Assert.Single(mesh.Validate());

        Assert.Equal((code, DiagnosticSeverity.Warning), (diagnostic.Code, diagnostic.Severity));
        Assert.Equal(where, $"{diagnostic.Kind} {diagnostic.Name} {diagnostic.Path}");
        Assert.EndsWith(" " + hint, diagnostic.Message, StringComparison.Ordinal);
    }
}
