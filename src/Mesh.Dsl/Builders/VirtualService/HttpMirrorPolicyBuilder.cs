using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a mirror policy (<see cref="HttpMirrorPolicy"/>): where to mirror requests, and how many.</summary>
public sealed partial class HttpMirrorPolicyBuilder : DestinationHolderBuilder<HttpMirrorPolicyBuilder, HttpMirrorPolicy>
{
    /// <summary>Creates a builder over a mirror policy.</summary>
    /// <param name="target">The mirror policy to fill in.</param>
    public HttpMirrorPolicyBuilder(HttpMirrorPolicy target)
        : base(target)
    {
    }

    private protected override Model.Networking.Destination? HeldDestination { get => Target.Destination; set => Target.Destination = value; }

    /// <summary>Sets the percentage of requests mirrored; unset means all.</summary>
    /// <param name="percentage">0 to 100.</param>
    /// <returns>This builder.</returns>
    public HttpMirrorPolicyBuilder Percentage(double percentage)
    {
        Target.Percentage = VirtualServiceGuard.Percent(percentage, nameof(percentage));
        return this;
    }
}
