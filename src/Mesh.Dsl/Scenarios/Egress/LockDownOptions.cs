namespace Mesh.Dsl.Scenarios;

/// <summary>Options of <see cref="EgressScenarios.LockDown(string, Action{LockDownOptions})"/>; each starts at the default it documents.</summary>
public sealed class LockDownOptions : RecipeOptions
{
    internal LockDownOptions()
    {
    }

    /// <summary>The Sidecar's name; <c>default</c> by default, the name Istio's docs give a namespace's Sidecar.</summary>
    public string SidecarName { get; set; } = "default";

    /// <summary>
    /// The hosts the namespace's workloads may still see (<c>./*</c>, <c>istio-system/*</c>); empty (the
    /// default) keeps every service in the registry visible, and only blocks what is not in it.
    /// </summary>
    public List<string> EgressHosts { get; set; } = new();
}
