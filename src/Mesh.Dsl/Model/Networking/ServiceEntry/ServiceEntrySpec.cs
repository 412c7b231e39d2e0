using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The spec of a <see cref="ServiceEntry"/> (Istio message <c>istio.networking.v1alpha3.ServiceEntry</c>).</summary>
public sealed class ServiceEntrySpec
{
    internal static readonly MessageSchema<ServiceEntrySpec> Schema = new MessageSchema<ServiceEntrySpec>("ServiceEntry", () => new())
        .Field("hosts", x => x.Hosts, (x, v) => x.Hosts = v, Codecs.StringList)
        .Field("addresses", x => x.Addresses, (x, v) => x.Addresses = v, Codecs.StringList)
        .Field("ports", x => x.Ports, (x, v) => x.Ports = v, Codecs.MessageList(ServicePort.Schema))
        .Field("location", x => x.Location, (x, v) => x.Location = v, Codecs.Enum<ServiceEntryLocation>())
        .Field("resolution", x => x.Resolution, (x, v) => x.Resolution = v, Codecs.Enum<ServiceEntryResolution>())
        .Field("endpoints", x => x.Endpoints, (x, v) => x.Endpoints = v, Codecs.MessageList(WorkloadEntry.Schema))
        .Field("workloadSelector", x => x.WorkloadSelector, (x, v) => x.WorkloadSelector = v, WorkloadSelector.Schema)
        .Field("exportTo", x => x.ExportTo, (x, v) => x.ExportTo = v, Codecs.StringList)
        .Field("subjectAltNames", x => x.SubjectAltNames, (x, v) => x.SubjectAltNames = v, Codecs.StringList);

    /// <summary>The hosts of the entry: DNS names, with an optional wildcard prefix (<c>*.cnn.com</c>).</summary>
    public List<string> Hosts { get; set; } = new();

    /// <summary>Virtual IP addresses (or CIDR prefixes) of the service.</summary>
    public List<string> Addresses { get; set; } = new();

    /// <summary>The ports of the service.</summary>
    public List<ServicePort> Ports { get; set; } = new();

    /// <summary>Whether the service is outside the mesh (<c>MESH_EXTERNAL</c>) or part of it.</summary>
    public ServiceEntryLocation? Location { get; set; }

    /// <summary>How the proxy resolves the service's endpoints (<c>NONE</c>, <c>STATIC</c>, <c>DNS</c>, ...).</summary>
    public ServiceEntryResolution? Resolution { get; set; }

    /// <summary>The endpoints of the service; for <c>STATIC</c> resolution, or DNS names for <c>DNS</c>.</summary>
    public List<WorkloadEntry> Endpoints { get; set; } = new();

    /// <summary>Selects WorkloadEntry resources (or pods) as endpoints; exclusive with <see cref="Endpoints"/>.</summary>
    public WorkloadSelector? WorkloadSelector { get; set; }

    /// <summary>The namespaces the entry is visible to (<c>.</c> for its own, <c>*</c> for all).</summary>
    public List<string> ExportTo { get; set; } = new();

    /// <summary>Subject alternative names the service's certificates may carry.</summary>
    public List<string> SubjectAltNames { get; set; } = new();
}
