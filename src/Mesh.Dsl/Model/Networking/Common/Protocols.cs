namespace Mesh.Dsl.Model.Networking;

/// <summary>The port protocol names Istio understands (the <c>protocol</c> field of ports).</summary>
public static class Protocols
{
    /// <summary><c>HTTP</c>: HTTP/1.1 (and HTTP/2 with prior knowledge when the destination speaks it).</summary>
    public const string Http = "HTTP";

    /// <summary><c>HTTPS</c>: HTTP over TLS, opaque to the proxy; routed by SNI.</summary>
    public const string Https = "HTTPS";

    /// <summary><c>HTTP2</c>.</summary>
    public const string Http2 = "HTTP2";

    /// <summary><c>GRPC</c>.</summary>
    public const string Grpc = "GRPC";

    /// <summary><c>GRPC-WEB</c>.</summary>
    public const string GrpcWeb = "GRPC-WEB";

    /// <summary><c>TLS</c>: TLS whose content the proxy does not read; routed by SNI.</summary>
    public const string Tls = "TLS";

    /// <summary><c>TCP</c>: opaque TCP.</summary>
    public const string Tcp = "TCP";

    /// <summary><c>MONGO</c>.</summary>
    public const string Mongo = "MONGO";

    /// <summary><c>MYSQL</c>.</summary>
    public const string Mysql = "MYSQL";

    /// <summary><c>REDIS</c>.</summary>
    public const string Redis = "REDIS";

    /// <summary><c>UDP</c>.</summary>
    public const string Udp = "UDP";

    /// <summary>Every protocol name Istio knows, as Istio spells it.</summary>
    public static readonly IReadOnlyList<string> All = [Http, Https, Http2, Grpc, GrpcWeb, Tls, Tcp, Mongo, Mysql, Redis, Udp];
}
