using System.Text.Json;
using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>RequestAuthentication field rules: the CRD schema and CEL rules, and istiod's webhook (ValidateRequestAuthentication).</summary>
internal sealed class RequestAuthenticationRules() : FieldRule<RequestAuthentication>(
    "requestauthentication.fields",
    "RequestAuthentication field rules of the CRD schema, CEL and the istiod webhook: the selection (selector or targetRefs) and every jwtRule.",
    [.. PolicyTargetRules.Codes, DiagnosticCodes.InvalidJwtRule, DiagnosticCodes.InvalidDuration])
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => RequestAuthenticationSpec.Schema);
    private static readonly FieldPath SelectorLabels = Spec.Field("selector.matchLabels");
    private static readonly FieldPath TargetRef = Spec.Field("targetRef");
    private static readonly FieldPath TargetRefs = Spec.Field("targetRefs");
    private static readonly FieldPath JwtRules = Spec.Field("jwtRules");
    private static readonly FieldPath Issuer = JwtRules.Item.Field("issuer");
    private static readonly FieldPath Audiences = JwtRules.Item.Field("audiences");
    private static readonly FieldPath JwksUri = JwtRules.Item.Field("jwksUri");
    private static readonly FieldPath JwksUriSnakeCase = JwtRules.Item.Field("jwks_uri");
    private static readonly FieldPath Jwks = JwtRules.Item.Field("jwks");
    private static readonly FieldPath FromHeaders = JwtRules.Item.Field("fromHeaders");
    private static readonly FieldPath HeaderName = FromHeaders.Item.Field("name");
    private static readonly FieldPath FromParams = JwtRules.Item.Field("fromParams");
    private static readonly FieldPath FromCookies = JwtRules.Item.Field("fromCookies");
    private static readonly FieldPath OutputClaimToHeaders = JwtRules.Item.Field("outputClaimToHeaders");
    private static readonly FieldPath Timeout = JwtRules.Item.Field("timeout");
    private static readonly FieldPath SpaceDelimitedClaims = JwtRules.Item.Field("spaceDelimitedClaims");

    public override void Check(RequestAuthentication authentication, RuleContext context)
    {
        var spec = authentication.Spec;
        PolicyTargetRules.Check(context, spec.Selector, spec.TargetRef, spec.TargetRefsOrEmpty, Spec, SelectorLabels, TargetRef, TargetRefs);
        var rules = spec.JwtRulesOrEmpty;
        if (rules.Count > 4096)
        {
            context.Error(DiagnosticCodes.InvalidJwtRule, JwtRules, $"at most 4096 jwtRules are allowed, this RequestAuthentication has {rules.Count}.");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            CheckRule(rules[i], context.Path(Spec, JwtRules, i), context);
        }
    }

    private static void CheckRule(JwtRule rule, string path, RuleContext context)
    {
        // jwks_uri is the proto's own spelling of jwksUri; Istio reads either.
        var uri = !string.IsNullOrEmpty(rule.JwksUri) ? rule.JwksUri : rule.JwksUriSnakeCase;
        var uriField = !string.IsNullOrEmpty(rule.JwksUri) ? JwksUri : JwksUriSnakeCase;
        if (string.IsNullOrEmpty(rule.Issuer) && string.IsNullOrEmpty(uri))
        {
            context.Error(DiagnosticCodes.InvalidJwtRule, path + Issuer, "the jwtRule has neither issuer nor jwksUri; set the issuer of the tokens it accepts.");
        }

        if ((rule.JwksUri is null ? 0 : 1) + (rule.JwksUriSnakeCase is null ? 0 : 1) + (rule.Jwks is null ? 0 : 1) > 1)
        {
            context.Error(DiagnosticCodes.InvalidJwtRule, path + Jwks, "only one of jwks or jwksUri can be set: give the keys inline or the URL to fetch them from.");
        }

        if (!string.IsNullOrEmpty(uri)
            && (uri.Length > 2048 || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || parsed.Host.Length == 0))
        {
            context.Error(DiagnosticCodes.InvalidJwtRule, path + uriField, $"jwksUri '{uri}' must be an http:// or https:// URL with a host, at most 2048 characters.");
        }

        if (!string.IsNullOrEmpty(rule.Jwks) && !IsJsonObject(rule.Jwks))
        {
            context.Error(DiagnosticCodes.InvalidJwtRule, path + Jwks, "jwks is not a JSON Web Key Set; write the JSON object {\"keys\": [...]} the issuer publishes.");
        }

        CheckNotEmpty(rule.AudiencesOrEmpty, path + Audiences, "audience", context);
        var headers = rule.FromHeadersOrEmpty;
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.IsNullOrEmpty(headers[i].Name))
            {
                context.Error(DiagnosticCodes.InvalidJwtRule, $"{path}{FromHeaders}[{i}]{HeaderName}", "the header location has no name; set the header the token is read from, such as Authorization.");
            }
        }

        CheckNotEmpty(rule.FromParamsOrEmpty, path + FromParams, "query parameter name", context);
        CheckNotEmpty(rule.FromCookiesOrEmpty, path + FromCookies, "cookie name", context);
        var claims = rule.OutputClaimToHeadersOrEmpty;
        for (var i = 0; i < claims.Count; i++)
        {
            var (claim, header) = (claims[i].Claim, claims[i].Header);
            if (string.IsNullOrEmpty(claim) || string.IsNullOrEmpty(header))
            {
                context.Error(DiagnosticCodes.InvalidJwtRule, $"{path}{OutputClaimToHeaders}[{i}]", "outputClaimToHeaders needs both header and claim; set the claim to copy and the header to copy it to.");
            }
            else if (!header.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                context.Error(DiagnosticCodes.InvalidJwtRule, $"{path}{OutputClaimToHeaders}[{i}]", $"header name '{header}' is invalid; use letters, digits, '-' and '_' only.");
            }
        }

        if (rule.Timeout is { } timeout && timeout < TimeSpan.FromMilliseconds(1))
        {
            context.Error(DiagnosticCodes.InvalidDuration, path + Timeout, "timeout must be at least 1ms.");
        }

        var spaceDelimited = rule.SpaceDelimitedClaimsOrEmpty;
        if (spaceDelimited.Count > 64)
        {
            context.Error(DiagnosticCodes.InvalidJwtRule, path + SpaceDelimitedClaims, $"at most 64 spaceDelimitedClaims are allowed, this jwtRule has {spaceDelimited.Count}.");
        }

        CheckNotEmpty(spaceDelimited, path + SpaceDelimitedClaims, "claim name", context);
    }

    private static void CheckNotEmpty(IReadOnlyList<string> values, string path, string what, RuleContext context)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Length == 0)
            {
                context.Error(DiagnosticCodes.InvalidJwtRule, $"{path}[{i}]", $"an empty {what} is not allowed; remove it.");
            }
        }
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
