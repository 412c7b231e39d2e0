using System.Diagnostics.CodeAnalysis;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Whether the library may hand values to KubernetesClient's <c>KubernetesJson</c> (reading Services, Pods, ... for
/// validation; writing a managed-fields entry whose <c>fieldsV1</c> is neither a JsonNode nor a JsonElement). On by
/// default. A program that never does either (the samples) turns it off in its project file
/// (<c>RuntimeHostConfigurationOption</c> with <c>Trim="true"</c>): the trimmer and NativeAOT then drop KubernetesJson
/// with KubernetesClient's generated serializer context and the System.Text.Json machinery it roots, several megabytes
/// of code written into memory at start-up.
/// </summary>
internal static class KubernetesJsonSwitch
{
    /// <summary>The AppContext switch's name.</summary>
    public const string Name = "Mesh.Dsl.KubernetesJson.IsSupported";

    /// <summary>True unless the program turned the switch off.</summary>
    [FeatureSwitchDefinition(Name)]
    public static bool IsSupported { get; } = !AppContext.TryGetSwitch(Name, out var on) || on;

    /// <summary>The message when the switch is off and a value needs KubernetesJson.</summary>
    public static string Unsupported(string what) => $"{what} needs KubernetesClient's KubernetesJson, which this program turned off ({Name} = false)";
}
