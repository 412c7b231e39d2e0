using System.Text.Json;
using k8s;
using k8s.Models;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Turns the documents validation uses (Service, Pod, Secret, Namespace, and the workloads whose pod templates select
/// pods) into KubernetesClient's models. They are parsed once, by the reader with its limits, like every document;
/// the tree goes to KubernetesClient as JSON, read by the Kubernetes API server's rules (plain <c>true</c> a boolean,
/// plain numbers numbers).
/// </summary>
internal static class KubernetesObjectReader
{
    /// <summary>Whether validation uses documents of this apiVersion and kind.</summary>
    public static bool IsUsed(ReadOnlySpan<char> apiVersion, ReadOnlySpan<char> kind) => apiVersion switch
    {
        "v1" => kind is "Service" or "Pod" or "Secret" or "Namespace",
        "apps/v1" => kind is "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet",
        "batch/v1" => kind is "Job" or "CronJob",
        _ => false,
    };

    /// <summary>The model of a document <see cref="IsUsed"/> says validation uses; null (with an error) when it does not fit.</summary>
    public static IKubernetesObject? Read(YamlNode root, string kind, ReadContext context)
    {
        if (!KubernetesJsonSwitch.IsSupported)
        {
            context.Error(root.Position, KubernetesJsonSwitch.Unsupported($"reading a {kind} for validation"));
            return null;
        }

        var errors = context.ErrorCount;
        var tree = FreeFormValues.Read(root, context);
        if (context.ErrorCount != errors || tree is null)
        {
            return null;
        }

        var json = tree.ToJsonString();
        try
        {
            return kind switch
            {
                "Service" => KubernetesJson.Deserialize<V1Service>(json),
                "Pod" => KubernetesJson.Deserialize<V1Pod>(json),
                "Secret" => KubernetesJson.Deserialize<V1Secret>(json),
                "Namespace" => KubernetesJson.Deserialize<V1Namespace>(json),
                "Deployment" => KubernetesJson.Deserialize<V1Deployment>(json),
                "StatefulSet" => KubernetesJson.Deserialize<V1StatefulSet>(json),
                "DaemonSet" => KubernetesJson.Deserialize<V1DaemonSet>(json),
                "ReplicaSet" => KubernetesJson.Deserialize<V1ReplicaSet>(json),
                "Job" => KubernetesJson.Deserialize<V1Job>(json),
                _ => KubernetesJson.Deserialize<V1CronJob>(json),
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            var path = e is JsonException { Path: { Length: > 2 } jsonPath } && jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : string.Empty;
            var position = path.Length > 0 ? ResourceSource.Find(root, path) : root.Position;
            if (path.Length > 0)
            {
                context.PushField(path);
            }

            context.Error(position, $"the value does not fit Kubernetes' {kind} (KubernetesClient: {FirstSentence(e.Message)})");
            if (path.Length > 0)
            {
                context.Pop();
            }

            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
