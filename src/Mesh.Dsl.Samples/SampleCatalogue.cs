using Mesh.Dsl.Samples.Scenarios;

namespace Mesh.Dsl.Samples;

/// <summary>Every scenario of the samples program, in the order it prints them.</summary>
public static class SampleCatalogue
{
    private const string Seed000 = "seed 000_0dcebc8370906286.txt";
    private const string Seed002 = "seed 002_5a74613df9cf4829.txt";
    private const string Seed003 = "seed 003_b2154bd58794a52c.txt";

    /// <summary>The scenarios.</summary>
    public static IReadOnlyList<Sample> All { get; } =
    [
        new("egress-wildcard-cnn", "ServiceEntry for HTTP and HTTPS to every *.cnn.com host", Seed000, EgressSamples.WildcardCnn),
        new("egress-http-https", "one ServiceEntry for HTTP and HTTPS to edition.cnn.com", Seed002, EgressSamples.HttpAndHttps),
        new("egress-entry-http", "plain HTTP to www.aliyun.com and hbchen.com", Seed003, EgressSamples.EntryHttp),
        new("egress-entry-http-https", "HTTP and HTTPS to www.aliyun.com and hbchen.com", Seed003, EgressSamples.EntryHttpAndHttps),
    ];

    /// <summary>Finds a scenario by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The scenario, or null.</returns>
    public static Sample? Find(string id) => All.FirstOrDefault(s => s.Id == id);
}
