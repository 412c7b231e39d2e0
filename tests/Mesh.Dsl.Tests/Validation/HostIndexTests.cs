using Mesh.Dsl.Validation.Rules;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>The host index of the cross-resource checks: each host's items in the order added, however many it has.</summary>
public sealed class HostIndexTests
{
    [Fact]
    public void A_host_gives_none_one_or_several_items_in_the_order_added()
    {
        var index = new HostIndex<string>();
        index.Add("one.example.com", "a");
        index.Add("many.example.com", "b");
        index.Add("MANY.example.com", "c");
        index.Add("many.example.com", "d");

        Assert.Equal(0, index.Exact("none.example.com").Count);
        Assert.Equal(["a"], Items(index.Exact("one.example.com")));
        Assert.Equal(["b", "c", "d"], Items(index.Exact("many.example.com")));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Exact("one.example.com")[1]);
    }

    [Fact]
    public void Covering_gives_the_host_then_its_wildcards_from_the_most_specific()
    {
        var index = new HostIndex<string>();
        index.Add("*", "any");
        index.Add("*.example.com", "wide");
        index.Add("*.shop.example.com", "narrow-1");
        index.Add("*.shop.example.com", "narrow-2");
        index.Add("cart.shop.example.com", "exact");

        var covering = new List<string>();
        foreach (var item in index.Covering("cart.shop.example.com"))
        {
            covering.Add(item);
        }

        Assert.Equal(["exact", "narrow-1", "narrow-2", "wide", "any"], covering);
        Assert.Equal(["narrow-1", "narrow-2"], Items(index.Exact("*.shop.example.com")));
    }

    private static List<string> Items(HostIndex<string>.Bucket bucket)
    {
        var items = new List<string>();
        for (var i = 0; i < bucket.Count; i++)
        {
            items.Add(bucket[i]);
        }

        return items;
    }
}
