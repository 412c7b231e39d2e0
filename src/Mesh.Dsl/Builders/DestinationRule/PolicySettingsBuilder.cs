using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>
/// The settings a <see cref="TrafficPolicy"/> and a <see cref="PortTrafficPolicy"/> share: load
/// balancing, connection pool, outlier detection and TLS.
/// </summary>
/// <typeparam name="TSelf">The concrete builder.</typeparam>
/// <typeparam name="TMessage">The policy message.</typeparam>
public abstract class PolicySettingsBuilder<TSelf, TMessage> : MessageBuilder<TSelf, TMessage>
    where TSelf : PolicySettingsBuilder<TSelf, TMessage>
    where TMessage : class
{
    private protected PolicySettingsBuilder(TMessage target)
        : base(target)
    {
    }

    private protected abstract LoadBalancerSettings? LoadBalancerSettings { get; set; }

    private protected abstract ConnectionPoolSettings? ConnectionPoolSettings { get; set; }

    private protected abstract OutlierDetection? OutlierDetectionSettings { get; set; }

    private protected abstract ClientTlsSettings? TlsSettings { get; set; }

    /// <summary>Chooses a simple load-balancing algorithm (replacing any consistent hash).</summary>
    /// <param name="algorithm">The algorithm, e.g. <see cref="LoadBalancerAlgorithm.RoundRobin"/>.</param>
    /// <returns>This builder.</returns>
    public TSelf LoadBalancer(LoadBalancerAlgorithm algorithm)
    {
        LoadBalancerBuilder().Simple(algorithm);
        return Self;
    }

    /// <summary>Configures load balancing: algorithm or consistent hash, locality, warmup.</summary>
    /// <param name="configure">Fills in the load balancer settings.</param>
    /// <returns>This builder.</returns>
    public TSelf LoadBalancer(Action<LoadBalancerSettingsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(LoadBalancerBuilder());
        return Self;
    }

    /// <summary>Balances load by consistent hashing (replacing any simple algorithm), for soft session affinity.</summary>
    /// <param name="configure">Chooses the hash key and algorithm.</param>
    /// <returns>This builder.</returns>
    public TSelf ConsistentHash(Action<ConsistentHashBuilder> configure)
    {
        LoadBalancerBuilder().ConsistentHash(configure);
        return Self;
    }

    /// <summary>Configures connection pool limits for each upstream host.</summary>
    /// <param name="configure">Sets the TCP and HTTP settings.</param>
    /// <returns>This builder.</returns>
    public TSelf ConnectionPool(Action<ConnectionPoolSettingsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(new ConnectionPoolSettingsBuilder(ConnectionPoolSettings ??= new ConnectionPoolSettings()));
        return Self;
    }

    /// <summary>Turns on outlier detection: hosts that keep failing are ejected from the pool for a while.</summary>
    /// <param name="configure">Sets thresholds and times; null keeps Istio's defaults.</param>
    /// <returns>This builder.</returns>
    public TSelf OutlierDetection(Action<OutlierDetectionBuilder>? configure = null)
    {
        var settings = OutlierDetectionSettings ??= new OutlierDetection();
        configure?.Invoke(new OutlierDetectionBuilder(settings));
        return Self;
    }

    /// <summary>Configures TLS towards the upstream.</summary>
    /// <param name="configure">Sets the mode, certificates, SNI, ...</param>
    /// <returns>This builder.</returns>
    public TSelf Tls(Action<ClientTlsSettingsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(new ClientTlsSettingsBuilder(TlsSettings ??= new ClientTlsSettings()));
        return Self;
    }

    /// <summary>Sets the TLS mode towards the upstream: <see cref="ClientTlsMode.Simple"/> originates TLS.</summary>
    /// <param name="mode">The mode.</param>
    /// <param name="configure">Sets certificates, SNI, ...; optional.</param>
    /// <returns>This builder.</returns>
    public TSelf Tls(ClientTlsMode mode, Action<ClientTlsSettingsBuilder>? configure = null)
    {
        var tls = TlsSettings ??= new ClientTlsSettings();
        tls.Mode = mode;
        configure?.Invoke(new ClientTlsSettingsBuilder(tls));
        return Self;
    }

    // The shorthands above call this directly instead of wrapping their arguments in a callback: no
    // closure and delegate per call.
    private LoadBalancerSettingsBuilder LoadBalancerBuilder() => new(LoadBalancerSettings ??= new LoadBalancerSettings());
}
