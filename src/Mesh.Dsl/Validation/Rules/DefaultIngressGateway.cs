using k8s.Models;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// The ingress gateway istioctl analyze assumes when it analyzes files: a pod labelled <c>istio: ingressgateway</c>
/// in istio-system behind the Service <c>istio-ingressgateway</c> with the ports of Istio's default install (80, 443,
/// 31400, 15443). Installations deploy it outside the configuration repository, so a Gateway selecting it is served
/// and its credentials live in istio-system, unless the files hold their own <c>istio: ingressgateway</c> workload.
/// </summary>
internal static class DefaultIngressGateway
{
    public const string Namespace = "istio-system";

    public const string LabelKey = "istio";

    public const string LabelValue = "ingressgateway";

    public static V1Pod Pod() => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = "istio-ingressgateway",
            NamespaceProperty = Namespace,
            Labels = new Dictionary<string, string> { [LabelKey] = LabelValue },
        },
    };

    public static V1Service Service() => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta { Name = "istio-ingressgateway", NamespaceProperty = Namespace },
        Spec = new V1ServiceSpec
        {
            Selector = new Dictionary<string, string> { [LabelKey] = LabelValue },
            Ports =
            [
                new V1ServicePort { Name = "http2", Port = 80, TargetPort = 80, Protocol = "TCP" },
                new V1ServicePort { Name = "https", Port = 443, TargetPort = 443, Protocol = "TCP" },
                new V1ServicePort { Name = "tcp", Port = 31400, TargetPort = 31400, Protocol = "TCP" },
                new V1ServicePort { Name = "tls", Port = 15443, TargetPort = 15443, Protocol = "TCP" },
            ],
        },
    };
}
