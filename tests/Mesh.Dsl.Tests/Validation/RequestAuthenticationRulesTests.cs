using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

public class RequestAuthenticationRulesTests
{
    private static IReadOnlyList<Diagnostic> Authentication(string spec) => Validate(Resource("RequestAuthentication", spec));

    private static void Expect(string spec, string code, string path, string message)
    {
        var diagnostic = Single(Authentication(spec), code);
        Assert.Equal((DiagnosticSeverity.Error, path, message), (diagnostic.Severity, diagnostic.Path, diagnostic.Message));
    }

    [Theory]
    [InlineData("selector: {matchLabels: {app: web}}\njwtRules: [{issuer: https://accounts.example.com, jwksUri: https://accounts.example.com/jwks.json, audiences: [web], fromHeaders: [{name: Authorization, prefix: 'Bearer '}], outputClaimToHeaders: [{header: x-sub, claim: sub}], timeout: 5s}]")]
    [InlineData("targetRef: {kind: Gateway, group: gateway.networking.k8s.io, name: ingress}\njwtRules: [{issuer: issuer-1, jwks: '{\"keys\": []}', fromCookies: [session], fromParams: [token]}]")]
    [InlineData("jwtRules: [{jwksUri: 'http://keys.example.com/jwks'}]")]
    public void Valid_authentications_are_clean(string spec) => AssertClean(Authentication(spec));

    [Fact]
    public void Selector_and_target_ref_together_are_an_error()
        => Expect(
            "selector: {matchLabels: {app: web}}\ntargetRef: {kind: Service, name: web}",
            DiagnosticCodes.ConflictingFields,
            "spec",
            "only one of selector, targetRef or targetRefs can be set; a policy selects its workloads either by label or by reference.");

    [Fact]
    public void Target_ref_without_name_is_an_error()
        => Expect(
            "targetRefs: [{kind: Service}]",
            DiagnosticCodes.InvalidTargetRef,
            "spec.targetRefs[0].name",
            "the targetRef has no name; set the name of the Service, ServiceEntry, Gateway or GatewayClass it targets.");

    [Fact]
    public void Rule_without_issuer_or_jwks_uri_is_an_error()
        => Expect(
            "jwtRules: [{audiences: [web]}]",
            DiagnosticCodes.InvalidJwtRule,
            "spec.jwtRules[0].issuer",
            "the jwtRule has neither issuer nor jwksUri; set the issuer of the tokens it accepts.");

    [Fact]
    public void Jwks_and_jwks_uri_together_are_an_error()
        => Expect(
            "jwtRules: [{issuer: i, jwksUri: 'https://k.example.com/jwks', jwks: '{\"keys\": []}'}]",
            DiagnosticCodes.InvalidJwtRule,
            "spec.jwtRules[0].jwks",
            "only one of jwks or jwksUri can be set: give the keys inline or the URL to fetch them from.");

    [Fact]
    public void Jwks_uri_without_http_scheme_is_an_error()
        => Expect(
            "jwtRules: [{issuer: i, jwksUri: 'ftp://k.example.com/jwks'}]",
            DiagnosticCodes.InvalidJwtRule,
            "spec.jwtRules[0].jwksUri",
            "jwksUri 'ftp://k.example.com/jwks' must be an http:// or https:// URL with a host, at most 2048 characters.");

    [Fact]
    public void Snake_case_jwks_uri_is_checked_at_its_own_path()
        => Expect(
            "jwtRules: [{issuer: i, jwks_uri: 'keys.example.com/jwks'}]",
            DiagnosticCodes.InvalidJwtRule,
            "spec.jwtRules[0].jwks_uri",
            "jwksUri 'keys.example.com/jwks' must be an http:// or https:// URL with a host, at most 2048 characters.");

    [Fact]
    public void Jwks_that_is_not_json_is_an_error()
        => Expect(
            "jwtRules: [{issuer: i, jwks: 'not json'}]",
            DiagnosticCodes.InvalidJwtRule,
            "spec.jwtRules[0].jwks",
            "jwks is not a JSON Web Key Set; write the JSON object {\"keys\": [...]} the issuer publishes.");

    [Fact]
    public void Empty_audience_is_an_error()
        => Expect(
            "jwtRules: [{issuer: i, audiences: [a, '']}]",
            DiagnosticCodes.InvalidJwtRule,
            "spec.jwtRules[0].audiences[1]",
            "an empty audience is not allowed; remove it.");

    [Fact]
    public void Header_location_without_name_is_an_error()
        => Expect(
            "jwtRules: [{issuer: i, fromHeaders: [{prefix: 'Bearer '}]}]",
            DiagnosticCodes.InvalidJwtRule,
            "spec.jwtRules[0].fromHeaders[0].name",
            "the header location has no name; set the header the token is read from, such as Authorization.");

    [Fact]
    public void Output_header_with_invalid_name_is_an_error()
        => Expect(
            "jwtRules: [{issuer: i, outputClaimToHeaders: [{header: 'x sub', claim: sub}]}]",
            DiagnosticCodes.InvalidJwtRule,
            "spec.jwtRules[0].outputClaimToHeaders[0]",
            "header name 'x sub' is invalid; use letters, digits, '-' and '_' only.");

    [Fact]
    public void Output_claim_without_header_is_an_error()
        => Expect(
            "jwtRules: [{issuer: i, outputClaimToHeaders: [{claim: sub}]}]",
            DiagnosticCodes.InvalidJwtRule,
            "spec.jwtRules[0].outputClaimToHeaders[0]",
            "outputClaimToHeaders needs both header and claim; set the claim to copy and the header to copy it to.");

    [Fact]
    public void Timeout_under_a_millisecond_is_an_error()
    {
        var authentication = (Mesh.Dsl.Model.Security.RequestAuthentication)Mesh.Dsl.Serialization.MeshYaml.Read(Resource("RequestAuthentication", "jwtRules: [{issuer: i}]"), "test.yaml")[0];
        AssertClean(new MeshValidator().Validate([authentication]));
        authentication.Spec.JwtRules[0].Timeout = TimeSpan.Zero;
        var diagnostic = Single(new MeshValidator().Validate([authentication]), DiagnosticCodes.InvalidDuration);
        Assert.Equal(("spec.jwtRules[0].timeout", "timeout must be at least 1ms."), (diagnostic.Path, diagnostic.Message));
    }
}
