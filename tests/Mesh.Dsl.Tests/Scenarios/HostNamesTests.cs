using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Tests.Scenarios;

public class HostNamesTests
{
    [Theory]
    [InlineData("edition.cnn.com", "edition-cnn-com")]
    [InlineData("*.cnn.com", "cnn-com")]
    [InlineData("My_Host.Example.COM", "my-host-example-com")]
    public void Slug_turns_a_host_into_a_resource_name(string host, string slug)
        => Assert.Equal(slug, HostNames.Slug(host));

    [Theory]
    [InlineData("www.aliyun.com", "aliyun")]
    [InlineData("edition.cnn.com", "cnn")]
    [InlineData("*.googleapis.com", "googleapis")]
    [InlineData("my-nginx.mesh-external.svc.cluster.local", "my-nginx")]
    [InlineData("details", "details")]
    public void Short_is_the_name_istio_docs_give_a_host(string host, string shortName)
        => Assert.Equal(shortName, HostNames.Short(host));
}
