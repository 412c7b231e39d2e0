using System.Text;
using BenchmarkDotNet.Attributes;
using Mesh.Dsl.Model;
using Mesh.Dsl.Samples.Scale;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Benchmarks;

/// <summary>
/// Build, validate, write and read the scale sample's mesh (issue 5) at about 1,000, 10,000 and
/// 100,000 resources. Write and read throughput in MB/s is the YAML size (printed at setup) divided
/// by the mean time.
/// </summary>
[MemoryDiagnoser]
public class MeshBenchmarks
{
    private IstioMesh _mesh = null!;
    private string _yaml = null!;

    /// <summary>The number of resources: 3 per service plus the Gateway and the PeerAuthentication.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Resources { get; set; }

    private int Services => (Resources - 2) / 3;

    [GlobalSetup]
    public void Setup()
    {
        _mesh = ScaleSample.Build(Services);
        _yaml = MeshYaml.Serialize(_mesh.Resources);
        Console.WriteLine($"// {_mesh.Resources.Count} resources, YAML {Encoding.UTF8.GetByteCount(_yaml) / 1e6:F2} MB");
    }

    [Benchmark]
    public IstioMesh Build() => ScaleSample.Build(Services);

    [Benchmark]
    public int Validate() => _mesh.Validate().Count;

    /// <summary>Writes UTF-8 to a null stream: the encoding is measured, the disk is not.</summary>
    [Benchmark]
    public void Write()
    {
        using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16) { NewLine = "\n" };
        MeshYaml.Write(writer, _mesh.Resources); // IstioMesh.WriteYaml would validate first
    }

    [Benchmark]
    public int Read() => MeshYaml.Read(_yaml).Count;
}
