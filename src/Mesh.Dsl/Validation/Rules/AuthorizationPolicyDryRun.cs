using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// G-26 for AuthorizationPolicy, the one kind that takes the <c>istio.io/dry-run</c> annotation: istiod's webhook
/// (checkDryRunAnnotation) accepts it with action ALLOW or DENY and a boolean value, and rejects it otherwise.
/// </summary>
internal sealed class AuthorizationPolicyDryRun() : FieldRule<AuthorizationPolicy>(
    "authorizationpolicy.dry-run",
    "The istio.io/dry-run annotation of an AuthorizationPolicy (G-26): only with action ALLOW or DENY, and only true or false.",
    [DiagnosticCodes.ForbiddenAnnotation])
{
    /// <summary>The annotation that makes Istio evaluate a policy without enforcing it.</summary>
    public const string Annotation = "istio.io/dry-run";

    // What Go's strconv.ParseBool, which istiod reads the value with, accepts.
    private static readonly string[] Booleans = ["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"];

    public override void Check(AuthorizationPolicy policy, RuleContext context)
    {
        if (policy.MetadataAnnotations is not { } annotations || !annotations.TryGetValue(Annotation, out var value))
        {
            return;
        }

        var action = policy.Spec.Action ?? AuthorizationPolicyAction.Allow;
        if (action is not (AuthorizationPolicyAction.Allow or AuthorizationPolicyAction.Deny))
        {
            context.Error(
                DiagnosticCodes.ForbiddenAnnotation,
                FieldPath.Metadata.Annotation(Annotation),
                $"annotation {Annotation} works only with action ALLOW or DENY, this policy's action is {CommonRules.EnumName(action)}; remove the annotation.");
        }
        else if (Array.IndexOf(Booleans, value) < 0)
        {
            context.Error(
                DiagnosticCodes.ForbiddenAnnotation,
                FieldPath.Metadata.Annotation(Annotation),
                $"annotation {Annotation} must be \"true\" or \"false\", not '{value}'.");
        }
    }
}
