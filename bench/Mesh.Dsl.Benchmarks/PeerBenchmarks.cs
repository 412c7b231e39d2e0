using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using k8s;
using k8s.Models;
using Mesh.Dsl.Model;
using Mesh.Dsl.Samples.Scale;
using Mesh.Dsl.Serialization;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mesh.Dsl.Benchmarks;

/// <summary>
/// Mesh.Dsl's writer and reader against the usual .NET tools on the same mesh: YamlDotNet's
/// reflection serializer writing the same model objects, and KubernetesClient's
/// <c>KubernetesYaml.LoadAllFromString</c> reading the same YAML. The ratio is the peer's mean
/// over Mesh.Dsl's (the baseline).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PeerBenchmarks
{
    // KubernetesClient's reader cannot fill the typed model (Istio enum names such as MESH_EXTERNAL,
    // durations such as 5s), so it reads each kind into an untyped spec: what a typed peer would
    // need a generated model for.
    private static readonly Dictionary<string, Type> TypeMap = new()
    {
        ["networking.istio.io/v1/ServiceEntry"] = typeof(UntypedResource),
        ["networking.istio.io/v1/DestinationRule"] = typeof(UntypedResource),
        ["networking.istio.io/v1/VirtualService"] = typeof(UntypedResource),
        ["networking.istio.io/v1/Gateway"] = typeof(UntypedResource),
        ["networking.istio.io/v1/Sidecar"] = typeof(UntypedResource),
        ["security.istio.io/v1/PeerAuthentication"] = typeof(UntypedResource),
    };

    private readonly ISerializer _yamlDotNet = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .Build();

    private IReadOnlyList<IstioResource> _resources = null!;
    private string _yaml = null!;
    private string[] _yamlChunks = null!;

    /// <summary>The number of resources: 3 per service plus the Gateway and the PeerAuthentication.</summary>
    [Params(10_000)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _resources = ScaleSample.Build((Resources - 2) / 3).Resources;
        _yaml = MeshYaml.Serialize(_resources);

        // KubernetesYaml stops a stream after 100,000 parsing events (about 3,000 of these
        // documents), so it is given the same YAML in chunks of 500 documents.
        _yamlChunks = _yaml.Split("---\n").Chunk(500).Select(c => string.Join("---\n", c)).ToArray();
        Console.WriteLine($"// {_resources.Count} resources, YAML {Encoding.UTF8.GetByteCount(_yaml) / 1e6:F2} MB");
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Write")]
    public void MeshDslWrite()
    {
        using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16) { NewLine = "\n" };
        MeshYaml.Write(writer, _resources);
    }

    [Benchmark]
    [BenchmarkCategory("Write")]
    public void YamlDotNetWrite()
    {
        using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16) { NewLine = "\n" };
        var first = true;
        foreach (var resource in _resources)
        {
            if (!first)
            {
                writer.Write("---\n");
            }

            first = false;
            _yamlDotNet.Serialize(writer, resource);
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Read")]
    public int MeshDslRead() => MeshYaml.Read(_yaml).Count;

    [Benchmark]
    [BenchmarkCategory("Read")]
    public int KubernetesClientRead()
    {
        var count = 0;
        foreach (var chunk in _yamlChunks)
        {
            count += KubernetesYaml.LoadAllFromString(chunk, TypeMap).Count;
        }

        return count;
    }

    /// <summary>A resource with an untyped spec, for KubernetesClient's reader.</summary>
    public sealed class UntypedResource : IKubernetesObject<V1ObjectMeta>
    {
        /// <summary>The API version.</summary>
        public string ApiVersion { get; set; } = string.Empty;

        /// <summary>The kind.</summary>
        public string Kind { get; set; } = string.Empty;

        /// <summary>The metadata.</summary>
        public V1ObjectMeta Metadata { get; set; } = new();

        /// <summary>The spec as nested dictionaries and lists.</summary>
        public Dictionary<string, object> Spec { get; set; } = new();
    }
}
