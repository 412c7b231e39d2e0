using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds header operations on requests and responses (<see cref="Headers"/>).</summary>
public sealed partial class HeadersBuilder : MessageBuilder<HeadersBuilder, Headers>
{
    /// <summary>Creates a builder over header operations.</summary>
    /// <param name="target">The header operations to fill in.</param>
    public HeadersBuilder(Headers target)
        : base(target)
    {
    }

    /// <summary>Configures the operations on the request before it is forwarded.</summary>
    /// <param name="configure">Sets, appends and removes headers.</param>
    /// <returns>This builder.</returns>
    public HeadersBuilder Request(Action<HeaderOperationsBuilder> configure)
        => Child(x => x.Request, (x, v) => x.Request = v, static () => new(), c => new HeaderOperationsBuilder(c), configure ?? throw new ArgumentNullException(nameof(configure)));

    /// <summary>Configures the operations on the response before it is returned.</summary>
    /// <param name="configure">Sets, appends and removes headers.</param>
    /// <returns>This builder.</returns>
    public HeadersBuilder Response(Action<HeaderOperationsBuilder> configure)
        => Child(x => x.Response, (x, v) => x.Response = v, static () => new(), c => new HeaderOperationsBuilder(c), configure ?? throw new ArgumentNullException(nameof(configure)));
}
