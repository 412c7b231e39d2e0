using Mesh.Dsl.Builders;

namespace Mesh.Dsl.Tests.Builders;

public class GuardTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("svc-1")]
    [InlineData("svc-1.example.com")]
    [InlineData("0a.b-c.9")]
    public void ResourceName_accepts_lowercase_DNS_subdomains(string name)
        => Assert.Equal(name, Guard.ResourceName(name));

    [Theory]
    [InlineData("")]
    [InlineData("Svc")]
    [InlineData("-svc")]
    [InlineData("svc-")]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("a.-b")]
    [InlineData("a_b")]
    [InlineData("svc\n")]
    public void ResourceName_rejects_what_is_not_a_lowercase_DNS_subdomain(string name)
        => Assert.Throws<ArgumentException>(() => Guard.ResourceName(name));

    [Fact]
    public void ResourceName_rejects_more_than_253_characters()
    {
        Assert.Equal(253, Guard.ResourceName(new string('a', 253)).Length);
        Assert.Throws<ArgumentException>(() => Guard.ResourceName(new string('a', 254)));
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("-ns")]
    [InlineData("ns-")]
    [InlineData("Ns")]
    [InlineData("ns\n")]
    public void NamespaceName_rejects_what_is_not_a_lowercase_DNS_label(string name)
        => Assert.Throws<ArgumentException>(() => Guard.NamespaceName(name));

    [Theory]
    [InlineData("api .example.com")]
    [InlineData("api.example.com\t")]
    [InlineData("https://api.example.com")]
    public void Host_rejects_blanks_and_schemes(string host)
        => Assert.Throws<ArgumentException>(() => Guard.Host(host));
}
