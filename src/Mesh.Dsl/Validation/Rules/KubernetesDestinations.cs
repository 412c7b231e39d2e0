using k8s.Models;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// AN-05…AN-07 for a destination in the cluster domain that no ServiceEntry declares: the Kubernetes Service
/// <c>name.namespace.svc.cluster.local</c> of the files, as istioctl's destination analyzer looks it up (visible to
/// the VirtualService's namespace through its <c>networking.istio.io/exportTo</c> annotation, default all).
/// </summary>
internal static class KubernetesDestinations
{
    private static readonly FieldPath InDestination = FieldPath.In(() => Destination.Schema);
    private static readonly FieldPath DestinationHost = InDestination.Field("host");
    private static readonly FieldPath DestinationPort = InDestination.Field("port");
    private static readonly FieldPath DestinationPortNumber = InDestination.Field("port.number");

    private const string ExportToAnnotation = "networking.istio.io/exportTo";

    /// <summary>Checks the destination against the Services, when the files hold Services of the host's namespace.</summary>
    public static void Check(KubernetesIndex? kubernetes, Destination destination, string rawHost, string host, string path, IReadOnlyList<string> exportTo, RuleContext context)
    {
        var parts = host.Split('.');
        if (kubernetes is null || parts.Length < 3 || !host.EndsWith("." + HostNames.ClusterDomain, StringComparison.Ordinal) || parts[0] == "*")
        {
            return;
        }

        var (name, ns) = (parts[0], parts[1]);
        if (!kubernetes.HasServicesIn(ns))
        {
            // No Service of that namespace in the files: the Service may well exist in the cluster.
            return;
        }

        var service = kubernetes.Service(ns, name);
        if (service is null || !IsExportedTo(service, ns, context.Namespace))
        {
            context.Error(DiagnosticCodes.ReferencedResourceNotFound, path + DestinationHost, service is null
                ? $"host '{rawHost}' is neither declared by a ServiceEntry nor a Service of namespace {ns} ({name}.{ns}.{HostNames.ClusterDomain}); correct the host or add the Service."
                : $"host '{rawHost}': Service {ns}/{name} is not exported to namespace {context.Namespace} ({ExportToAnnotation}: {service.Metadata.Annotations![ExportToAnnotation]}); export it or route from a namespace that sees it.");
            return;
        }

        if (CrossResourceAnalysis.ExportedNamespaces(exportTo, context.Namespace).FirstOrDefault(viewer => !IsExportedTo(service, ns, viewer)) is { } blind)
        {
            context.Error(DiagnosticCodes.ReferencedResourceNotFound, path + DestinationHost, $"host '{rawHost}': Service {ns}/{name} is not exported to namespace {blind} ({ExportToAnnotation}: {service.Metadata.Annotations![ExportToAnnotation]}), to which this VirtualService is exported; export the Service there too or narrow the VirtualService's exportTo.");
            return;
        }

        var ports = service.Spec?.Ports ?? [];
        if (destination.Port?.Number is { } number)
        {
            if (ports.Count > 0 && !ports.Any(p => p.Port == number))
            {
                context.Error(DiagnosticCodes.ReferencedResourceNotFound, path + DestinationPortNumber, $"Service {ns}/{name} has no port {number} for '{rawHost}'; use one of {string.Join(", ", ports.Select(p => p.Port))}.");
            }
        }
        else if (ports.Count > 1)
        {
            context.Error(DiagnosticCodes.VirtualServiceDestinationPortSelectorRequired, path + DestinationPort, $"Service {ns}/{name} exposes several ports for '{rawHost}' ({string.Join(", ", ports.Select(p => p.Port))}); set destination.port.number.");
        }
    }

    private static bool IsExportedTo(V1Service service, string serviceNamespace, string @namespace)
        => service.Metadata?.Annotations?.TryGetValue(ExportToAnnotation, out var exportTo) != true || string.IsNullOrWhiteSpace(exportTo)
           || ExportScope.IsVisibleTo(exportTo.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), serviceNamespace, @namespace);
}
