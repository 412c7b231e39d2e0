using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// The workload selection shared by the security policies (AuthorizationPolicy, RequestAuthentication): the CRD's
/// CEL rule that selector, targetRef and targetRefs exclude each other, the selector's labels, and each
/// <see cref="PolicyTargetReference"/> (the CRD's required fields and patterns, and the webhook's allowed kinds).
/// </summary>
internal static class PolicyTargetRules
{
    // Istio's webhook checks group and kind only (validatePolicyTargetReference); "" is the core group.
    private static readonly (string Group, string Kind)[] AllowedTargets =
    [
        ("", "Service"),
        ("networking.istio.io", "ServiceEntry"),
        ("gateway.networking.k8s.io", "Gateway"),
        ("gateway.networking.k8s.io", "GatewayClass"),
    ];

    private static readonly FieldPath InTarget = FieldPath.In(() => PolicyTargetReference.Schema);
    private static readonly FieldPath TargetName = InTarget.Field("name");
    private static readonly FieldPath TargetNamespace = InTarget.Field("namespace");
    private static readonly FieldPath TargetKind = InTarget.Field("kind");

    /// <summary>The codes <see cref="Check"/> reports, for the metadata of the rules that call it.</summary>
    public static readonly string[] Codes =
    [
        DiagnosticCodes.ConflictingFields, DiagnosticCodes.InvalidTargetRef,
        DiagnosticCodes.EmptyWorkloadSelector, DiagnosticCodes.InvalidWorkloadSelector,
    ];

    /// <summary>Checks a policy's selection; the paths are the spec's <c>selector</c>, <c>targetRef</c> and <c>targetRefs</c>.</summary>
    public static void Check(
        RuleContext context, LabelSelector? selector, PolicyTargetReference? targetRef, IReadOnlyList<PolicyTargetReference> targetRefs,
        FieldPath spec, FieldPath selectorLabels, FieldPath targetRefPath, FieldPath targetRefsPath)
    {
        var set = (selector is null ? 0 : 1) + (targetRef is null ? 0 : 1) + (targetRefs.Count == 0 ? 0 : 1);
        if (set > 1)
        {
            context.Error(DiagnosticCodes.ConflictingFields, spec, "only one of selector, targetRef or targetRefs can be set; a policy selects its workloads either by label or by reference.");
        }

        if (selector is not null)
        {
            CommonRules.CheckSelector(context, selector.MatchLabels, selectorLabels, 4096);
        }

        if (targetRef is not null)
        {
            CheckTarget(context, targetRef, targetRefPath);
        }

        if (targetRefs.Count > 16)
        {
            context.Error(DiagnosticCodes.InvalidTargetRef, targetRefsPath, $"at most 16 targetRefs are allowed, this policy has {targetRefs.Count}.");
        }

        for (var i = 0; i < targetRefs.Count; i++)
        {
            CheckTarget(context, targetRefs[i], $"{targetRefsPath}[{i}]");
        }
    }

    private static void CheckTarget(RuleContext context, PolicyTargetReference target, string path)
    {
        if (string.IsNullOrEmpty(target.Name))
        {
            context.Error(DiagnosticCodes.InvalidTargetRef, path + TargetName, "the targetRef has no name; set the name of the Service, ServiceEntry, Gateway or GatewayClass it targets.");
        }
        else if (target.Name.Length > 253)
        {
            context.Error(DiagnosticCodes.InvalidTargetRef, path + TargetName, $"targetRef name is {target.Name.Length} characters long; at most 253 are allowed.");
        }

        if (!string.IsNullOrEmpty(target.Namespace))
        {
            context.Error(DiagnosticCodes.InvalidTargetRef, path + TargetNamespace, "targetRef namespace must not be set: cross-namespace references are not supported; put the policy in the target's namespace.");
        }

        var group = target.Group ?? string.Empty;
        var kind = target.Kind ?? string.Empty;
        if (Array.IndexOf(AllowedTargets, (group == "core" ? string.Empty : group, kind)) < 0)
        {
            context.Error(
                DiagnosticCodes.InvalidTargetRef,
                path + TargetKind,
                $"targetRef must be to a Service (group \"\"), ServiceEntry (networking.istio.io), Gateway or GatewayClass (gateway.networking.k8s.io), not '{group}/{kind}'.");
        }
    }
}
