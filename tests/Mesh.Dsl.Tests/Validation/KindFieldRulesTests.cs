using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.SharedStructureRulesTests;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>VirtualService, Sidecar and ServiceEntry field rules: a failing spec with its exact diagnostic and a passing variant.</summary>
public class KindFieldRulesTests
{
    private const string E = "error";
    private const string W = "warning";
    private const string Route = "route: [{destination: {host: a}}]";

    [Theory]
    // VS-08
    [InlineData("match: [{headers: {'@request.auth.claims.group': {exact: admin}}}], " + Route, "match: [{headers: {x-group: {exact: admin}}}], " + Route, DiagnosticCodes.InvalidHttpRoute, E, "spec.http[0].match[0].headers[@request.auth.claims.group]")]
    // VS-H11 (G-21, G-22)
    [InlineData(Route + ", headers: {request: {set: {':path': /x}}}", Route + ", headers: {request: {set: {':authority': b.com}}}", DiagnosticCodes.InvalidHeader, E, "spec.http[0].headers.request.set[:path]")]
    [InlineData(Route + ", headers: {request: {remove: [Host]}}", Route + ", headers: {request: {remove: [x-debug]}}", DiagnosticCodes.InvalidHeader, E, "spec.http[0].headers.request.remove[0]")]
    [InlineData(Route + ", headers: {response: {set: {host: b}}}", Route + ", headers: {response: {set: {x-host: b}}}", DiagnosticCodes.InvalidHeader, E, "spec.http[0].headers.response.set[host]")]
    [InlineData(Route + ", headers: {response: {add: {x-a: '50%'}}}", Route + ", headers: {response: {add: {x-a: '50%% %REQ(x-b)% %START_TIME%'}}}", DiagnosticCodes.InvalidHeader, E, "spec.http[0].headers.response.add[x-a]")]
    [InlineData(Route + ", headers: {request: {add: {x-a: \"a\\nb\"}}}", Route + ", headers: {request: {add: {x-a: \"a\\tb\"}}}", DiagnosticCodes.InvalidHeader, E, "spec.http[0].headers.request.add[x-a]")]
    [InlineData("route: [{destination: {host: a}, headers: {request: {remove: [':method']}}}]", "route: [{destination: {host: a}, headers: {request: {remove: [x-method]}}}]", DiagnosticCodes.InvalidHeader, E, "spec.http[0].route[0].headers.request.remove[0]")]
    // VS-H12
    [InlineData(Route + ", rewrite: {authority: b.com}, headers: {request: {set: {host: c.com}}}", Route + ", rewrite: {authority: b.com}, headers: {request: {set: {x-host: c.com}}}", DiagnosticCodes.InvalidHeader, E, "spec.http[0].headers.request")]
    // VS-H13…VS-H17
    [InlineData(Route + ", corsPolicy: {allowOrigins: [{exact: ''}]}", Route + ", corsPolicy: {allowOrigins: [{exact: 'https://a.com'}]}", DiagnosticCodes.InvalidStringMatch, E, "spec.http[0].corsPolicy.allowOrigins[0]")]
    [InlineData(Route + ", corsPolicy: {allowOrigins: [{regex: '(?!x).*'}]}", Route + ", corsPolicy: {allowOrigins: [{regex: 'https://.*\\.a\\.com'}]}", DiagnosticCodes.InvalidStringMatch, E, "spec.http[0].corsPolicy.allowOrigins[0].regex")]
    [InlineData(Route + ", corsPolicy: {allowMethods: [GET, post]}", Route + ", corsPolicy: {allowMethods: [GET, POST]}", DiagnosticCodes.InvalidHttpRoute, E, "spec.http[0].corsPolicy.allowMethods[1]")]
    [InlineData(Route + ", corsPolicy: {allowHeaders: ['x a']}", Route + ", corsPolicy: {allowHeaders: ['*', x-a]}", DiagnosticCodes.InvalidHeader, E, "spec.http[0].corsPolicy.allowHeaders[0]")]
    [InlineData(Route + ", corsPolicy: {exposeHeaders: ['']}", Route + ", corsPolicy: {exposeHeaders: [x-b]}", DiagnosticCodes.InvalidHeader, E, "spec.http[0].corsPolicy.exposeHeaders[0]")]
    [InlineData(Route + ", corsPolicy: {maxAge: 1500ms}", Route + ", corsPolicy: {maxAge: 24h}", DiagnosticCodes.InvalidDuration, E, "spec.http[0].corsPolicy.maxAge")]
    // VS-H19, VS-H20 (G-13)
    [InlineData(Route + ", fault: {abort: {httpStatus: 503, percentage: {value: 0.00001}}}", Route + ", fault: {abort: {httpStatus: 503, percentage: {value: 0.0001}}}", DiagnosticCodes.InvalidPercentage, E, "spec.http[0].fault.abort.percentage.value")]
    [InlineData(Route + ", fault: {abort: {httpStatus: 503, percentage: {value: 101}}}", Route + ", fault: {abort: {httpStatus: 503, percentage: {value: 0}}}", DiagnosticCodes.InvalidPercentage, E, "spec.http[0].fault.abort.percentage.value")]
    [InlineData(Route + ", fault: {abort: {httpStatus: 601}}", Route + ", fault: {abort: {httpStatus: 600}}", DiagnosticCodes.InvalidHttpRoute, E, "spec.http[0].fault.abort.httpStatus")]
    [InlineData(Route + ", fault: {abort: {grpcStatus: Unavailable}}", Route + ", fault: {abort: {grpcStatus: UNAVAILABLE}}", DiagnosticCodes.InvalidHttpRoute, E, "spec.http[0].fault.abort.grpcStatus")]
    [InlineData(Route + ", fault: {abort: {http2Error: REFUSED_STREAM}}", Route + ", fault: {abort: {httpStatus: 503}}", DiagnosticCodes.InvalidHttpRoute, E, "spec.http[0].fault.abort.http2Error")]
    [InlineData(Route + ", fault: {abort: {percentage: {value: 10}}}", Route + ", fault: {abort: {httpStatus: 503, percentage: {value: 10}}}", DiagnosticCodes.InvalidHttpRoute, W, "spec.http[0].fault.abort")]
    [InlineData(Route + ", fault: {delay: {fixedDelay: 5s, percentage: {value: -1}}}", Route + ", fault: {delay: {fixedDelay: 5s, percentage: {value: 50}}}", DiagnosticCodes.InvalidPercentage, E, "spec.http[0].fault.delay.percentage.value")]
    [InlineData(Route + ", fault: {delay: {fixedDelay: 0s}}", Route + ", fault: {delay: {fixedDelay: 1ms}}", DiagnosticCodes.InvalidDuration, E, "spec.http[0].fault.delay.fixedDelay")]
    [InlineData(Route + ", fault: {delay: {exponentialDelay: 5s}}", Route + ", fault: {delay: {fixedDelay: 5s}}", DiagnosticCodes.InvalidHttpRoute, E, "spec.http[0].fault.delay.exponentialDelay")]
    // VS-H28
    [InlineData(Route + ", rewrite: {uri: /b, uriRegexRewrite: {match: '^/a', rewrite: /b}}", Route + ", rewrite: {uriRegexRewrite: {match: '^/a', rewrite: /b}}", DiagnosticCodes.ConflictingFields, E, "spec.http[0].rewrite.uriRegexRewrite")]
    [InlineData(Route + ", rewrite: {}", Route + ", rewrite: {authority: b.com}", DiagnosticCodes.EmptyConfiguration, E, "spec.http[0].rewrite")]
    [InlineData(Route + ", rewrite: {uriRegexRewrite: {match: '^/a'}}", Route + ", rewrite: {uriRegexRewrite: {match: '^/a', rewrite: /b}}", DiagnosticCodes.MissingField, E, "spec.http[0].rewrite.uriRegexRewrite")]
    [InlineData(Route + ", rewrite: {uriRegexRewrite: {match: '(a)\\1', rewrite: /b}}", Route + ", rewrite: {uriRegexRewrite: {match: '(a)b', rewrite: /b}}", DiagnosticCodes.InvalidStringMatch, E, "spec.http[0].rewrite.uriRegexRewrite.match")]
    public void Http_route_rule(string invalid, string valid, string code, string severity, string path)
    {
        Expect(Http(invalid), Http(valid), code, severity, path);

        static string Http(string route) => Resource("VirtualService", $"hosts: [a]\nhttp: [{{{route}}}]");
    }

    [Fact]
    public void Jwt_claim_routing_is_allowed_in_a_gateway_only_virtual_service()
    {
        var yaml = Resource("VirtualService", "hosts: [a.com]\ngateways: [istio-system/ingress]\nhttp: [{match: [{headers: {'@request.auth.claims.group': {exact: admin}}}], route: [{destination: {host: a}}]}]");
        AssertNone(Validate(yaml), DiagnosticCodes.InvalidHttpRoute);
    }

    [Fact]
    public void Direct_response_body_size_limits()
    {
        // VS-H26: above 100 KiB a warning, above 1 MiB an error.
        static IReadOnlyList<Diagnostic> WithBody(int size)
        {
            var service = (VirtualService)MeshYaml.Read(Resource("VirtualService", "hosts: [a]\nhttp: [{directResponse: {status: 200, body: {string: ok}}}]"))[0];
            service.Spec.Http[0].DirectResponse!.Body!.String = new string('x', size);
            return new MeshValidator().Validate([service]);
        }

        AssertNone(WithBody(100 * 1024), DiagnosticCodes.InvalidHttpRoute);
        var warning = Single(WithBody((100 * 1024) + 1), DiagnosticCodes.InvalidHttpRoute);
        Assert.Equal((DiagnosticSeverity.Warning, "spec.http[0].directResponse.body"), (warning.Severity, warning.Path));
        var error = Single(WithBody((1024 * 1024) + 1), DiagnosticCodes.InvalidHttpRoute);
        Assert.Equal((DiagnosticSeverity.Error, "spec.http[0].directResponse.body"), (error.Severity, error.Path));
    }

    [Fact]
    public void Cors_unmatched_preflights_outside_the_enum_is_rejected()
        => ExpectInvalidEnum<VirtualService>( // VS-H17
            Resource("VirtualService", "hosts: [a]\nhttp: [{route: [{destination: {host: a}}], corsPolicy: {unmatchedPreflights: IGNORE}}]"),
            service => service.Spec.Http[0].CorsPolicy!.UnmatchedPreflights = (CorsUnmatchedPreflights)5,
            "spec.http[0].corsPolicy.unmatchedPreflights");

    [Theory]
    // SC-08
    [InlineData("ingress: [{port: {number: 8080, name: http, protocol: HTTP}, defaultEndpoint: '10.0.0.1:8080'}]", "ingress: [{port: {number: 8080, name: http, protocol: HTTP}, defaultEndpoint: '127.0.0.1:8080'}]", DiagnosticCodes.InvalidSidecarListener, E, "spec.ingress[0].defaultEndpoint")]
    [InlineData("ingress: [{port: {number: 8080, name: http, protocol: HTTP}, defaultEndpoint: '[::1]:0'}]", "ingress: [{port: {number: 8080, name: http, protocol: HTTP}, defaultEndpoint: '[::1]:8080'}]", DiagnosticCodes.InvalidSidecarListener, E, "spec.ingress[0].defaultEndpoint")]
    [InlineData("ingress: [{port: {number: 8080, name: http, protocol: HTTP}, defaultEndpoint: 'unix://rel/sock'}]", "ingress: [{port: {number: 8080, name: http, protocol: HTTP}, defaultEndpoint: 'unix:///var/run/app.sock'}]", DiagnosticCodes.InvalidSidecarListener, E, "spec.ingress[0].defaultEndpoint")]
    // SC-13
    [InlineData("ingress: [{port: {number: 5432, name: tcp, protocol: TCP}, connectionPool: {http: {maxRetries: 3}}}]", "ingress: [{port: {number: 5432, name: tcp, protocol: TCP}, connectionPool: {tcp: {maxConnections: 3}}}]", DiagnosticCodes.IgnoredField, W, "spec.ingress[0].connectionPool.http")]
    // SC-16
    [InlineData("egress: [{port: {number: 0, name: uds, protocol: HTTP}, bind: 10.0.0.1, hosts: ['./*']}]", "egress: [{port: {number: 0, name: uds, protocol: HTTP}, bind: 'unix:///var/run/a.sock', hosts: ['./*']}]", DiagnosticCodes.InvalidAddress, E, "spec.egress[0].bind")]
    [InlineData("egress: [{port: {number: 0, name: uds, protocol: HTTP}, bind: 'unix:///var/run/a.sock', captureMode: IPTABLES, hosts: ['./*']}]", "egress: [{port: {number: 0, name: uds, protocol: HTTP}, bind: 'unix:///var/run/a.sock', captureMode: NONE, hosts: ['./*']}]", DiagnosticCodes.InvalidSidecarListener, E, "spec.egress[0].captureMode")]
    // SC-17, SC-18
    [InlineData("egress: [{port: {number: 80, name: http, protocol: HTTP}, bind: 'unix:///a.sock', hosts: ['./*']}]", "egress: [{port: {number: 80, name: http, protocol: HTTP}, bind: 127.0.0.2, hosts: ['./*']}]", DiagnosticCodes.InvalidAddress, E, "spec.egress[0].bind")]
    [InlineData("egress: [{port: {number: 0, name: a, protocol: HTTP}, bind: 'unix:///a.sock', hosts: ['./*']}, {port: {number: 0, name: b, protocol: HTTP}, bind: 'unix:///a.sock', hosts: ['./*']}]", "egress: [{port: {number: 0, name: a, protocol: HTTP}, bind: 'unix:///a.sock', hosts: ['./*']}, {port: {number: 0, name: b, protocol: HTTP}, bind: 'unix:///b.sock', hosts: ['./*']}]", DiagnosticCodes.DuplicatePort, E, "spec.egress[1].bind")]
    public void Sidecar_rule(string invalid, string valid, string code, string severity, string path)
        => Expect(Resource("Sidecar", invalid), Resource("Sidecar", valid), code, severity, path);

    [Theory]
    [InlineData("spec.ingress[0].captureMode")]
    [InlineData("spec.egress[0].captureMode")]
    [InlineData("spec.outboundTrafficPolicy.mode")]
    public void Sidecar_enum_outside_the_crd_enum_is_rejected(string path)
    {
        // SC-07, SC-22 (ALLOW_ANY_DYNAMIC_DNS and other values outside REGISTRY_ONLY / ALLOW_ANY).
        var yaml = Resource("Sidecar", "ingress: [{port: {number: 8080, name: http, protocol: HTTP}, captureMode: IPTABLES}]\negress: [{hosts: ['./*'], captureMode: DEFAULT}]\noutboundTrafficPolicy: {mode: ALLOW_ANY}");
        ExpectInvalidEnum<Sidecar>(yaml, Corrupt, path);

        void Corrupt(Sidecar sidecar)
        {
            if (path.StartsWith("spec.ingress", StringComparison.Ordinal))
            {
                sidecar.Spec.Ingress[0].CaptureMode = (CaptureMode)3;
            }
            else if (path.StartsWith("spec.egress", StringComparison.Ordinal))
            {
                sidecar.Spec.Egress[0].CaptureMode = (CaptureMode)3;
            }
            else
            {
                sidecar.Spec.OutboundTrafficPolicy!.Mode = (OutboundTrafficPolicyMode)2;
            }
        }
    }

    [Fact]
    public void Internal_dynamic_dns_service_entry_cannot_use_a_waypoint()
    {
        // SE-33.
        static string Entry(string waypoint) => $"apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: r\n  namespace: default\n  labels:\n    istio.io/use-waypoint: {waypoint}\nspec:\n  hosts: ['*.a.com']\n  ports: [{{number: 80, name: http, protocol: HTTP}}]\n  location: MESH_INTERNAL\n  resolution: DYNAMIC_DNS\n";
        Expect(Entry("waypoint"), Entry("none"), DiagnosticCodes.ResolutionMismatch, E, "metadata.labels[istio.io/use-waypoint]");
    }
}
