using k8s;
using k8s.Models;

namespace Mesh.Dsl.Validation;

/// <summary>
/// The pod template of a workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob): the pods it
/// runs, for the checks that select pods by labels when a repository holds workloads rather than Pods.
/// </summary>
/// <param name="Workload">The workload object.</param>
/// <param name="Template">Its pod template (for a CronJob, its job template's).</param>
public sealed record WorkloadPodTemplate(IKubernetesObject<V1ObjectMeta> Workload, V1PodTemplateSpec Template)
{
    /// <summary>The workload's kind, e.g. <c>Deployment</c>.</summary>
    public string Kind => Workload.Kind;

    /// <summary>The workload's namespace, or null when it names none.</summary>
    public string? Namespace => Workload.Metadata?.NamespaceProperty;

    /// <summary>The workload's name.</summary>
    public string? Name => Workload.Metadata?.Name;

    /// <summary>The labels its pods get (the template's).</summary>
    public IDictionary<string, string> Labels => Template.Metadata?.Labels ?? new Dictionary<string, string>();

    /// <summary>The pod template of a workload object, or null for any other object or a workload without one.</summary>
    /// <param name="kubernetesObject">A KubernetesClient object.</param>
    /// <returns>The workload and its template, or null.</returns>
    public static WorkloadPodTemplate? Of(IKubernetesObject kubernetesObject) => kubernetesObject switch
    {
        V1Deployment { Spec.Template: { } t } d => new(d, t),
        V1StatefulSet { Spec.Template: { } t } s => new(s, t),
        V1DaemonSet { Spec.Template: { } t } d => new(d, t),
        V1ReplicaSet { Spec.Template: { } t } r => new(r, t),
        V1Job { Spec.Template: { } t } j => new(j, t),
        V1CronJob { Spec.JobTemplate.Spec.Template: { } t } c => new(c, t),
        _ => null,
    };

    /// <summary>Whether validation uses objects of this type: Service, Pod, Secret, Namespace and the six workload kinds.</summary>
    internal static bool IsUsedByValidation(IKubernetesObject kubernetesObject)
        => kubernetesObject is V1Service or V1Pod or V1Secret or V1Namespace
            or V1Deployment or V1StatefulSet or V1DaemonSet or V1ReplicaSet or V1Job or V1CronJob;
}
