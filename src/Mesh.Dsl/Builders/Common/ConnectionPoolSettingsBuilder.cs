using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds <see cref="ConnectionPoolSettings"/>: TCP and HTTP connection limits for each upstream host.</summary>
public sealed partial class ConnectionPoolSettingsBuilder : MessageBuilder<ConnectionPoolSettingsBuilder, ConnectionPoolSettings>
{
    /// <summary>Creates a builder over connection pool settings.</summary>
    /// <param name="target">The settings to fill in.</param>
    public ConnectionPoolSettingsBuilder(ConnectionPoolSettings target)
        : base(target)
    {
    }

    /// <summary>Configures the TCP-level settings (connection limit, timeouts, keepalive).</summary>
    /// <param name="configure">Fills in the TCP settings.</param>
    /// <returns>This builder.</returns>
    public ConnectionPoolSettingsBuilder Tcp(Action<TcpSettingsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(x => x.Tcp, (x, v) => x.Tcp = v, static () => new(), v => new TcpSettingsBuilder(v), configure);
    }

    /// <summary>Configures the HTTP-level settings (pending and active request limits, retries, HTTP/2).</summary>
    /// <param name="configure">Fills in the HTTP settings.</param>
    /// <returns>This builder.</returns>
    public ConnectionPoolSettingsBuilder Http(Action<HttpSettingsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(x => x.Http, (x, v) => x.Http = v, static () => new(), v => new HttpSettingsBuilder(v), configure);
    }
}
