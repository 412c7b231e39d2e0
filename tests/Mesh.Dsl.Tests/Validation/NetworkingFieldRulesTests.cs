using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

public class NetworkingFieldRulesTests
{
    [Theory]
    [InlineData("DestinationRule", "host: '10.0.0.1'", DiagnosticCodes.InvalidHost, "spec.host")]
    [InlineData("DestinationRule", "host: a.svc.cluster.local\nsubsets: [{name: v1}, {name: v1}]", DiagnosticCodes.InvalidResourceName, "spec.subsets[1].name")]
    [InlineData("DestinationRule", "host: a.svc.cluster.local\ntrafficPolicy: {}", DiagnosticCodes.EmptyConfiguration, "spec.trafficPolicy")]
    [InlineData("DestinationRule", "host: a.svc.cluster.local\ntrafficPolicy: {connectionPool: {http: {idleTimeout: 1500us}}}", DiagnosticCodes.InvalidDuration, "spec.trafficPolicy.connectionPool.http.idleTimeout")]
    [InlineData("DestinationRule", "host: a.svc.cluster.local\ntrafficPolicy: {tls: {mode: MUTUAL, caCertificates: /ca.crt}}", DiagnosticCodes.MissingField, "spec.trafficPolicy.tls")]
    [InlineData("DestinationRule", "host: a.svc.cluster.local\nworkloadSelector: {matchLabels: {app: a}}\nexportTo: ['*']", DiagnosticCodes.InvalidExportTo, "spec.exportTo")]
    [InlineData("VirtualService", "hosts: ['*']\nhttp: [{route: [{destination: {host: a}}]}]", DiagnosticCodes.InvalidHost, "spec.hosts[0]")]
    [InlineData("VirtualService", "hosts: [a]", DiagnosticCodes.EmptyConfiguration, "spec")]
    [InlineData("VirtualService", "hosts: [a]\nhttp: [{match: [{uri: {prefix: /}}]}]", DiagnosticCodes.InvalidHttpRoute, "spec.http[0]")]
    [InlineData("VirtualService", "hosts: [a]\nhttp: [{route: [{destination: {host: a}}], redirect: {uri: /b}}]", DiagnosticCodes.ConflictingFields, "spec.http[0].redirect")]
    [InlineData("VirtualService", "hosts: [a]\nhttp: [{route: [{destination: {host: a}}], timeout: 0s}]", DiagnosticCodes.InvalidDuration, "spec.http[0].timeout")]
    [InlineData("VirtualService", "hosts: [a]\nhttp: [{route: [{destination: {host: a}}], retries: {attempts: 3, retryOn: '5xx, connect-failure'}}]", DiagnosticCodes.InvalidHttpRoute, "spec.http[0].retries.retryOn")]
    [InlineData("VirtualService", "hosts: [a]\nhttp: [{match: [{uri: {regex: '(?=a)'}}], route: [{destination: {host: a}}]}]", DiagnosticCodes.InvalidStringMatch, "spec.http[0].match[0].uri.regex")]
    [InlineData("VirtualService", "hosts: [a]\nhttp: [{route: [{destination: {host: a, subset: v1}, weight: 0}, {destination: {host: a, subset: v2}, weight: 0}]}]", DiagnosticCodes.InvalidDestination, "spec.http[0].route")]
    [InlineData("VirtualService", "hosts: [a.com, '*.com']\nhttp: [{route: [{destination: {host: a}}]}]", DiagnosticCodes.OverlappingHosts, "spec.hosts[1]")]
    [InlineData("VirtualService", "hosts: [a]\ngateways: ['bad/na.me']\nhttp: [{route: [{destination: {host: a}}]}]", DiagnosticCodes.InvalidGatewayReference, "spec.gateways[0]")]
    [InlineData("Gateway", "servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ['*/a.com']}]", DiagnosticCodes.InvalidServerTls, "spec.servers[0].tls")]
    [InlineData("Gateway", "servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*/foo']}]", DiagnosticCodes.InvalidHost, "spec.servers[0].hosts[0]")]
    [InlineData("Gateway", "servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ['a.com'], tls: {mode: SIMPLE, credentialName: c}}, {port: {number: 443, name: https, protocol: HTTPS}, hosts: ['b.com'], tls: {mode: SIMPLE, credentialName: d}}]", DiagnosticCodes.DuplicatePort, "spec.servers[1].port.name")]
    [InlineData("Gateway", "servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ['a.com'], tls: {mode: MUTUAL, serverCertificate: /c, privateKey: /k}}]", DiagnosticCodes.MissingField, "spec.servers[0].tls.caCertificates")]
    [InlineData("Sidecar", "egress: [{hosts: ['*.example.com']}]", DiagnosticCodes.InvalidHost, "spec.egress[0].hosts[0]")]
    [InlineData("Sidecar", "egress: [{hosts: ['./*']}, {port: {number: 80, name: http, protocol: HTTP}, hosts: ['./*']}]", DiagnosticCodes.InvalidSidecarListener, "spec.egress[0]")]
    [InlineData("Sidecar", "{}", DiagnosticCodes.EmptyConfiguration, "spec")]
    public void Invalid_field_gives_an_error(string kind, string spec, string code, string path)
    {
        var diagnostics = Validate(Resource(kind, spec), securityAdvice: false).Where(d => d.IsError).ToList();
        var diagnostic = Single(diagnostics, code);
        Assert.Equal(path, diagnostic.Path);
    }

    [Theory]
    [InlineData("DestinationRule", "host: a.svc.cluster.local\nsubsets: [{name: v1, labels: {version: v1}}]\ntrafficPolicy: {connectionPool: {tcp: {maxConnections: 10, idleTimeout: 0s}}}")]
    [InlineData("VirtualService", "hosts: [a]\nhttp: [{match: [{uri: {prefix: /}}], route: [{destination: {host: a}}], timeout: 5s, retries: {attempts: 3, retryOn: '5xx,connect-failure', perTryTimeout: 2s}}]")]
    [InlineData("Gateway", "selector: {istio: ingressgateway}\nservers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ['a.com'], tls: {mode: SIMPLE, credentialName: c}}]")]
    [InlineData("Sidecar", "egress: [{hosts: ['./*', 'istio-system/*']}]\noutboundTrafficPolicy: {mode: REGISTRY_ONLY}")]
    public void Valid_resource_has_no_errors(string kind, string spec)
        => AssertNoErrors(Validate(Resource(kind, spec)));
}
