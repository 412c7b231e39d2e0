using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>The failover checks the locality and zone-aware builders share.</summary>
internal static class LocalityFailovers
{
    public static LocalityFailover Create(string from, string to)
    {
        Guard.NotEmpty(from, nameof(from));
        Guard.NotEmpty(to, nameof(to));
        if (from == to)
        {
            throw new ArgumentException($"A failover from \"{from}\" to itself does nothing: name two different regions.", nameof(to));
        }

        return new LocalityFailover { From = from, To = to };
    }

    public static void AddPriorities(List<string> priorities, string[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var label in labels)
        {
            priorities.Add(Guard.NotEmpty(label, nameof(labels)));
        }
    }
}
