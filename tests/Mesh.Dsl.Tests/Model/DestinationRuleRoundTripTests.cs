using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Model;

public class DestinationRuleRoundTripTests
{
    [Fact]
    public void Every_field_reads_and_writes_back_the_same_text()
    {
        var resources = MeshYaml.Read(DestinationRuleEveryField.Yaml, "every-field.yaml");

        Assert.Equal(5, resources.Count);
        Assert.All(resources, r => Assert.IsType<DestinationRule>(r));
        Assert.Equal(DestinationRuleEveryField.Yaml, MeshYaml.Serialize(resources));
    }

    [Fact]
    public void Every_field_document_written_back_covers_all_273_CRD_leaf_fields()
    {
        var written = MeshYaml.Serialize(MeshYaml.Read(DestinationRuleEveryField.Yaml));

        var crdLeaves = CrdLeafFields.Of("DestinationRule");

        Assert.Equal(273, crdLeaves.Count);
        Assert.Equal(crdLeaves, CrdLeafFields.SetBy("DestinationRule", written));
    }

    [Fact]
    public void Reader_rejects_simple_and_consistentHash_together()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: both
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  simple: ROUND_ROBIN
                  consistentHash:
                    useSourceIp: true
            """;

        var error = Assert.Throws<MeshReadException>(() => MeshYaml.Read(yaml, "dr.yaml"));

        Assert.Equal(
            "dr.yaml:10:7: spec.trafficPolicy.loadBalancer.consistentHash: only one of simple, consistentHash may be set, but both \"simple\" and \"consistentHash\" are",
            error.Message);
    }

    [Fact]
    public void Reader_rejects_two_hash_keys_and_two_hash_algorithms()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: both
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  consistentHash:
                    httpHeaderName: x-user
                    httpQueryParameterName: user
                    ringHash:
                      minimumRingSize: 1024
                    maglev:
                      tableSize: 65537
            """;

        var error = Assert.Throws<MeshReadException>(() => MeshYaml.Read(yaml, "dr.yaml"));

        Assert.Equal(
            [
                "dr.yaml:11:9: spec.trafficPolicy.loadBalancer.consistentHash.httpQueryParameterName: only one of httpHeaderName, httpCookie, useSourceIp, httpQueryParameterName may be set, but both \"httpHeaderName\" and \"httpQueryParameterName\" are",
                "dr.yaml:14:9: spec.trafficPolicy.loadBalancer.consistentHash.maglev: only one of ringHash, maglev may be set, but both \"ringHash\" and \"maglev\" are",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Setting_one_member_of_a_one_of_clears_the_others()
    {
        var loadBalancer = new LoadBalancerSettings { Simple = LoadBalancerAlgorithm.RoundRobin };
        var hash = new ConsistentHashLB { HttpHeaderName = "x-user", RingHash = new RingHash() };

        loadBalancer.ConsistentHash = hash;
        hash.UseSourceIp = true;
        hash.Maglev = new Maglev();

        Assert.Null(loadBalancer.Simple);
        Assert.Null(hash.HttpHeaderName);
        Assert.Null(hash.RingHash);
        Assert.True(hash.UseSourceIp);
        Assert.NotNull(hash.Maglev);
    }

    [Fact]
    public void Empty_outlier_detection_is_kept_because_it_turns_detection_on()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: od
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection: {}

            """;

        var rule = (DestinationRule)MeshYaml.Read(yaml).Single();

        Assert.NotNull(rule.Spec.TrafficPolicy?.OutlierDetection);
        Assert.Equal(yaml, MeshYaml.Serialize(rule));
    }
}
