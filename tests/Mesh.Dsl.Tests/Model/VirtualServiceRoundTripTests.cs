using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Model;

public class VirtualServiceRoundTripTests
{
    [Fact]
    public void Every_field_reads_and_writes_back_the_same_text()
    {
        var resources = MeshYaml.Read(VirtualServiceEveryField.Yaml, "every-field.yaml");

        var service = Assert.IsType<VirtualService>(Assert.Single(resources));
        Assert.Equal(VirtualServiceEveryField.Yaml, MeshYaml.Serialize(resources));
        Assert.True(ResourceComparer.Instance.Equals(service, MeshYaml.Read(MeshYaml.Serialize(service)).Single()));
    }

    [Fact]
    public void Every_field_sample_sets_all_119_leaf_fields_of_the_crd()
    {
        var crdLeaves = CrdLeafFields.Of("VirtualService");

        Assert.Equal(119, crdLeaves.Count);
        Assert.Equal(crdLeaves, CrdLeafFields.SetBy("VirtualService", VirtualServiceEveryField.Yaml));
    }

    [Fact]
    public void Deprecated_mirror_percent_spellings_are_kept_apart()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1alpha3
            kind: VirtualService
            metadata:
              name: legacy
            spec:
              hosts:
              - reviews
              http:
              - route:
                - destination:
                    host: reviews
                mirror:
                  host: reviews-shadow
                mirror_percent: 20

            """;

        var service = (VirtualService)MeshYaml.Read(yaml).Single();

        var route = Assert.Single(service.Spec.Http);
        Assert.Null(route.MirrorPercent);
        Assert.Equal(20u, route.MirrorPercentSnakeCase);
        Assert.Equal(yaml, MeshYaml.Serialize(service));
    }

    [Fact]
    public void Two_members_of_a_string_match_are_rejected_with_the_one_of_message()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              http:
              - match:
                - uri:
                    exact: /a
                    prefix: /b
                route:
                - destination:
                    host: reviews
            """;

        var error = Assert.Throws<MeshReadException>(() => MeshYaml.Read(yaml, "vs.yaml"));

        Assert.Equal(
            "vs.yaml:10:9: spec.http[0].match[0].uri.prefix: only one of exact, prefix, regex may be set, but both \"exact\" and \"prefix\" are",
            error.Message);
    }

    [Theory]
    [InlineData("redirect:\n      port: 8080\n      derivePort: FROM_REQUEST_PORT", "port, derivePort", "port", "derivePort")]
    [InlineData("directResponse:\n      status: 200\n      body:\n        string: a\n        bytes: YQ==", "string, bytes", "string", "bytes")]
    [InlineData("fault:\n      delay:\n        fixedDelay: 1s\n        exponentialDelay: 1s", "fixedDelay, exponentialDelay", "fixedDelay", "exponentialDelay")]
    [InlineData("fault:\n      abort:\n        httpStatus: 503\n        grpcStatus: UNAVAILABLE", "httpStatus, grpcStatus, http2Error", "httpStatus", "grpcStatus")]
    public void Every_one_of_group_rejects_two_members(string rule, string members, string first, string second)
    {
        var yaml = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  http:\n  - " + rule + "\n";

        var error = Assert.Throws<MeshReadException>(() => MeshYaml.Read(yaml));

        var single = Assert.Single(error.Errors);
        Assert.Equal($"only one of {members} may be set, but both \"{first}\" and \"{second}\" are", single.Message);
    }

    [Fact]
    public void Setting_a_string_match_member_clears_the_others()
    {
        var match = new StringMatch { Exact = "/a" };

        match.Prefix = "/b";
        Assert.Equal((null, "/b", null), (match.Exact, match.Prefix, match.Regex));

        match.Regex = "^/c$";
        Assert.Equal((null, null, "^/c$"), (match.Exact, match.Prefix, match.Regex));

        match.Exact = "/d";
        Assert.Equal(("/d", null, null), (match.Exact, match.Prefix, match.Regex));

        match.Prefix = null;
        Assert.Equal("/d", match.Exact);
    }

    [Fact]
    public void Setting_a_member_of_the_other_one_of_groups_clears_its_alternatives()
    {
        var redirect = new HttpRedirect { Port = 8080 };
        redirect.DerivePort = RedirectPortSelection.FromProtocolDefault;
        Assert.Null(redirect.Port);
        redirect.Port = 9090;
        Assert.Null(redirect.DerivePort);

        var body = new HttpBody { String = "a" };
        body.Bytes = [1, 2];
        Assert.Null(body.String);
        body.String = "b";
        Assert.Null(body.Bytes);

        var delay = new FaultDelay { FixedDelay = TimeSpan.FromSeconds(1) };
        delay.ExponentialDelay = TimeSpan.FromSeconds(2);
        Assert.Null(delay.FixedDelay);
        delay.FixedDelay = TimeSpan.FromSeconds(3);
        Assert.Null(delay.ExponentialDelay);

        var abort = new FaultAbort { HttpStatus = 503 };
        abort.GrpcStatus = "UNAVAILABLE";
        Assert.Null(abort.HttpStatus);
        abort.Http2Error = "REFUSED_STREAM";
        Assert.Null(abort.GrpcStatus);
        abort.HttpStatus = 500;
        Assert.Null(abort.Http2Error);
    }

    [Fact]
    public void A_header_presence_match_is_written_as_an_empty_mapping()
    {
        var service = new VirtualService { Metadata = new() { Name = "reviews" } };
        var match = new HttpMatchRequest();
        match.Headers["x-canary"] = new StringMatch();
        service.Spec.Http.Add(new HttpRoute { Match = [match] });

        Assert.Contains("  - match:\n    - headers:\n        x-canary: {}\n", MeshYaml.Serialize(service));
    }
}
