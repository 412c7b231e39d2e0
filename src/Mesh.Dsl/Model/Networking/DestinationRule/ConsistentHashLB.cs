using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// Consistent-hash load balancing (Istio message <c>LoadBalancerSettings.ConsistentHashLB</c>): one
/// hash key (header, cookie, source IP or query parameter) and one hash algorithm (ring hash or Maglev).
/// </summary>
public sealed class ConsistentHashLB
{
    internal static readonly MessageSchema<ConsistentHashLB> Schema = new MessageSchema<ConsistentHashLB>("ConsistentHashLB", () => new())
        .Field("httpHeaderName", x => x.HttpHeaderName, (x, v) => x.HttpHeaderName = v, Codecs.String, oneOf: "hashKey")
        .Field("httpCookie", x => x.HttpCookie, (x, v) => x.HttpCookie = v, Codecs.Message(() => HttpCookie.Schema), oneOf: "hashKey")
        .Field("useSourceIp", x => x.UseSourceIp, (x, v) => x.UseSourceIp = v, Codecs.Bool, oneOf: "hashKey")
        .Field("httpQueryParameterName", x => x.HttpQueryParameterName, (x, v) => x.HttpQueryParameterName = v, Codecs.String, oneOf: "hashKey")
        .Field("ringHash", x => x.RingHash, (x, v) => x.RingHash = v, Codecs.Message(() => RingHash.Schema), oneOf: "hashAlgorithm")
        .Field("maglev", x => x.Maglev, (x, v) => x.Maglev = v, Codecs.Message(() => Maglev.Schema), oneOf: "hashAlgorithm")
        .Field("minimumRingSize", x => x.MinimumRingSize, (x, v) => x.MinimumRingSize = v, Codecs.Int64);

    private string? _httpHeaderName;
    private HttpCookie? _httpCookie;
    private bool? _useSourceIp;
    private string? _httpQueryParameterName;
    private RingHash? _ringHash;
    private Maglev? _maglev;

    /// <summary>Hash on this HTTP header's value; setting it clears the other hash keys.</summary>
    public string? HttpHeaderName
    {
        get => _httpHeaderName;
        set
        {
            _httpHeaderName = value;
            if (value is not null)
            {
                (_httpCookie, _useSourceIp, _httpQueryParameterName) = (null, null, null);
            }
        }
    }

    /// <summary>Hash on this cookie, generated when absent if it has a TTL; setting it clears the other hash keys.</summary>
    public HttpCookie? HttpCookie
    {
        get => _httpCookie;
        set
        {
            _httpCookie = value;
            if (value is not null)
            {
                (_httpHeaderName, _useSourceIp, _httpQueryParameterName) = (null, null, null);
            }
        }
    }

    /// <summary>Hash on the source IP address (TCP and HTTP); setting it clears the other hash keys.</summary>
    public bool? UseSourceIp
    {
        get => _useSourceIp;
        set
        {
            _useSourceIp = value;
            if (value is not null)
            {
                (_httpHeaderName, _httpCookie, _httpQueryParameterName) = (null, null, null);
            }
        }
    }

    /// <summary>Hash on this HTTP query parameter; setting it clears the other hash keys.</summary>
    public string? HttpQueryParameterName
    {
        get => _httpQueryParameterName;
        set
        {
            _httpQueryParameterName = value;
            if (value is not null)
            {
                (_httpHeaderName, _httpCookie, _useSourceIp) = (null, null, null);
            }
        }
    }

    /// <summary>The ring (modulo) hash algorithm, the default; setting it clears <see cref="Maglev"/>.</summary>
    public RingHash? RingHash
    {
        get => _ringHash;
        set
        {
            _ringHash = value;
            if (value is not null)
            {
                _maglev = null;
            }
        }
    }

    /// <summary>The Maglev hash algorithm; setting it clears <see cref="RingHash"/>.</summary>
    public Maglev? Maglev
    {
        get => _maglev;
        set
        {
            _maglev = value;
            if (value is not null)
            {
                _ringHash = null;
            }
        }
    }

    /// <summary>Deprecated: use <see cref="RingHash"/>'s minimum ring size. The minimum number of virtual nodes of the ring.</summary>
    public long? MinimumRingSize { get; set; }
}
