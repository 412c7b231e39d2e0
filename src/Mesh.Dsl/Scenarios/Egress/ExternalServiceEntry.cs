using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>The ServiceEntry that every egress recipe starts from.</summary>
internal static class ExternalServiceEntry
{
    /// <summary>NONE for wildcard hosts, which have no single name to resolve; DNS otherwise.</summary>
    public static ServiceEntryResolution DefaultResolution(IEnumerable<string> hosts)
        => hosts.Any(h => h.StartsWith('*')) ? ServiceEntryResolution.None : ServiceEntryResolution.Dns;

    /// <summary>Checks the hosts of a recipe: at least one, each a valid host.</summary>
    public static List<string> Hosts(IEnumerable<string> hosts, string parameter)
    {
        ArgumentNullException.ThrowIfNull(hosts, parameter);
        var list = hosts.Select(h => Guard.Host(h, parameter)).ToList();
        return list.Count > 0 ? list : throw new ArgumentException("Give at least one host.", parameter);
    }

    /// <summary>Checks that a host names one service: TLS origination and gateway routing need to know the exact host.</summary>
    public static string ExactHost(string host, string parameter)
    {
        Guard.Host(host, parameter);
        return host.Contains('*', StringComparison.Ordinal)
            ? throw new ArgumentException($"\"{host}\" is a wildcard; this recipe needs the exact host the proxy connects to, such as \"edition.cnn.com\".", parameter)
            : host;
    }

    public static ServiceEntry Build(string name, IEnumerable<string> hosts, IEnumerable<ExternalPort> ports, ServiceEntryResolution resolution, ServiceEntryLocation? location, RecipeOptions options)
    {
        var builder = new ServiceEntryBuilder(name).Hosts([.. hosts]);
        foreach (var port in ports)
        {
            port.AddTo(builder);
        }

        if (location is { } where)
        {
            builder.Location(where);
        }

        builder.Resolution(resolution);
        return options.ApplyTo(builder.Build());
    }
}
