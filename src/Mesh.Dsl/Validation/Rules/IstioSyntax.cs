using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>The generic syntax rules of the catalogue (§1, G-01…G-23), as Istio's webhook applies them.</summary>
internal static class IstioSyntax
{
    public const int MaxRegexLength = 1024;

    private static readonly HashSet<string> KnownProtocols = new(StringComparer.OrdinalIgnoreCase)
    {
        "TCP", "UDP", "GRPC", "GRPC-WEB", "HTTP", "HTTP_PROXY", "HTTP2", "HTTPS", "TLS", "MONGO", "REDIS", "MYSQL",
    };

    private static readonly System.Buffers.SearchValues<char> DnsLabelCharacters = System.Buffers.SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly System.Buffers.SearchValues<char> LabelValueCharacters = System.Buffers.SearchValues.Create("-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    // Searched with SearchValues rather than ContainsAnyInRange and ContainsAnyExceptInRange: those generic
    // methods box a char on every call until the JIT has optimised them, which is most calls of one run.
    private static readonly System.Buffers.SearchValues<char> UpperCaseLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    private static readonly HashSet<string> HttpFamily = new(StringComparer.OrdinalIgnoreCase) { "HTTP", "HTTP2", "HTTP_PROXY", "GRPC", "GRPC-WEB" };

    private static readonly HashSet<string> TlsFamily = new(StringComparer.OrdinalIgnoreCase) { "HTTPS", "TLS" };

    private static readonly HashSet<string> TcpLike = new(StringComparer.OrdinalIgnoreCase) { "TCP", "HTTPS", "TLS", "MONGO", "REDIS", "MYSQL" };

    /// <summary>G-01, Istio's flavour: upper case is accepted .</summary>
    public static bool IsDnsLabel(string? value) => value is not null && IsDnsLabel(value.AsSpan());

    /// <summary>G-01 on a span (one label of a longer name).</summary>
    public static bool IsDnsLabel(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Length > 63 || !char.IsAsciiLetterOrDigit(value[0]) || !char.IsAsciiLetterOrDigit(value[^1]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Kubernetes' stricter lowercase DNS-1123 label (namespaces).</summary>
    public static bool IsLowercaseDnsLabel(string? value) => value is not null && IsLowercaseDnsLabel(value.AsSpan());

    /// <summary>Kubernetes' lowercase DNS-1123 subdomain (G-27, custom resource names).</summary>
    public static bool IsDnsSubdomain(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 253)
        {
            return false;
        }

        foreach (var label in value.AsSpan().Split('.'))
        {
            if (!IsLowercaseDnsLabel(value.AsSpan()[label]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowercaseDnsLabel(ReadOnlySpan<char> value) => IsDnsLabel(value) && !value.ContainsAny(UpperCaseLetters);

    private static bool IsAllAsciiDigits(ReadOnlySpan<char> value) => !value.ContainsAnyExcept(Digits);

    /// <summary>G-02: no wildcards; one trailing dot allowed; the last label is not all digits.</summary>
    public static bool IsFqdn(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 255)
        {
            return false;
        }

        var name = value.AsSpan();
        if (name[^1] == '.')
        {
            name = name[..^1];
        }

        var last = default(ReadOnlySpan<char>);
        foreach (var range in name.Split('.'))
        {
            last = name[range];
            if (!IsDnsLabel(last))
            {
                return false;
            }
        }

        return !IsAllAsciiDigits(last);
    }

    /// <summary>G-03: as G-02, but the left-most label may be <c>*</c>, <c>*xyz</c> or <c>*-xyz</c>.</summary>
    public static bool IsWildcardDomain(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 255)
        {
            return false;
        }

        if (value == "*")
        {
            return true;
        }

        var name = value.AsSpan();
        if (name[^1] == '.')
        {
            name = name[..^1];
        }

        var firstDot = name.IndexOf('.');
        var first = firstDot < 0 ? name : name[..firstDot];
        if (first.Length > 0 && first[0] == '*')
        {
            var rest = first[1..];
            var firstValid = rest.Length == 0 || (!rest.ContainsAnyExcept(DnsLabelCharacters) && char.IsAsciiLetterOrDigit(rest[^1]));
            if (!firstValid)
            {
                return false;
            }
        }
        else if (!IsDnsLabel(first))
        {
            return false;
        }

        if (firstDot < 0)
        {
            // One label: not all digits (a '*' label never is).
            return !IsAllAsciiDigits(first);
        }

        var last = default(ReadOnlySpan<char>);
        foreach (var range in name[(firstDot + 1)..].Split('.'))
        {
            last = name[(firstDot + 1)..][range];
            if (!IsDnsLabel(last))
            {
                return false;
            }
        }

        return !IsAllAsciiDigits(last);
    }

    /// <summary>G-04: contains <c>*</c> but is neither <c>*</c> nor <c>*.</c>-prefixed.</summary>
    public static bool IsPartialWildcard(string value) => value.Contains('*') && value != "*" && !value.StartsWith("*.", StringComparison.Ordinal);

    public static bool IsWildcard(string value) => value.StartsWith('*');

    /// <summary>G-05: a single-label name that is not <c>*</c>.</summary>
    public static bool IsShortName(string value) => !value.Contains('.') && value != "*";

    /// <summary>G-07: a plain IPv4 (dotted quad) or IPv6 address.</summary>
    public static bool IsIp(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (value.Contains(':'))
        {
            return IPAddress.TryParse(value, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 && !value.Contains('/');
        }

        // Four parts of 1-3 digits up to 255, read without splitting the string.
        var rest = value.AsSpan();
        for (var part = 0; part < 4; part++)
        {
            var dot = rest.IndexOf('.');
            var digits = dot < 0 ? rest : rest[..dot];
            if (digits.Length is 0 or > 3 || !IsAllAsciiDigits(digits) || int.Parse(digits, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }

            if (dot < 0)
            {
                return part == 3;
            }

            rest = rest[(dot + 1)..];
        }

        return false;
    }

    /// <summary>G-08: a CIDR when it has one <c>/</c>, an IP otherwise.</summary>
    public static bool IsIpOrCidr(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var slash = value.IndexOf('/');
        if (slash < 0)
        {
            return IsIp(value);
        }

        var ip = value[..slash];
        var prefix = value[(slash + 1)..];
        if (!IsIp(ip) || prefix.Length == 0 || !prefix.All(char.IsAsciiDigit) || prefix.Length > 3)
        {
            return false;
        }

        var bits = int.Parse(prefix, CultureInfo.InvariantCulture);
        return bits <= (ip.Contains(':') ? 128 : 32);
    }

    /// <summary>G-09.</summary>
    public static bool IsPort(long? number) => number is >= 1 and <= 65535;

    /// <summary>
    /// Whether a string field is set as istiod's webhook sees it: proto3 cannot tell an empty string from an
    /// unset one, so the webhook's rules treat <c>field: ""</c> as if the field were absent.
    /// </summary>
    public static bool IsSet(string? value) => !string.IsNullOrEmpty(value);

    /// <summary>G-10 (case-insensitive).</summary>
    public static bool IsProtocol(string? value) => value is not null && KnownProtocols.Contains(value);

    public static bool IsHttpProtocol(string? value) => value is not null && HttpFamily.Contains(value);

    public static bool IsTlsProtocol(string? value) => value is not null && TlsFamily.Contains(value);

    public static bool IsTcpLikeProtocol(string? value) => value is not null && TcpLike.Contains(value);

    /// <summary>G-11: at least 1ms and a whole number of milliseconds.</summary>
    public static bool IsDuration(TimeSpan value) => value >= TimeSpan.FromMilliseconds(1) && value.Ticks % TimeSpan.TicksPerMillisecond == 0;

    /// <summary>G-23: <c>unix://</c> followed by an absolute path not ending in <c>/</c>, or <c>@name</c>.</summary>
    public static bool IsUnixAddress(string value)
    {
        if (!value.StartsWith("unix://", StringComparison.Ordinal))
        {
            return false;
        }

        var path = value["unix://".Length..];
        return (path.StartsWith('@') && path.Length > 1) || (path.StartsWith('/') && path.Length > 1 && !path.EndsWith('/'));
    }

    /// <summary>G-14: one label key (<c>prefix/name</c>).</summary>
    public static bool IsLabelKey(string key)
    {
        var slash = key.LastIndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (!IsDnsSubdomain(prefix))
            {
                return false;
            }
        }

        return name.Length is > 0 and <= 63 && IsLabelValue(name);
    }

    /// <summary>G-14: a label value (empty allowed; Istio sets no length limit).</summary>
    public static bool IsLabelValue(string value)
        => value.Length == 0
           || (char.IsAsciiLetterOrDigit(value[0]) && char.IsAsciiLetterOrDigit(value[^1]) && !value.AsSpan().ContainsAnyExcept(LabelValueCharacters));

    /// <summary>G-19: why a regex is not acceptable RE2, or null when it is.</summary>
    public static string? RegexProblem(string pattern)
    {
        if (pattern.Length > MaxRegexLength)
        {
            return $"it is longer than {MaxRegexLength} characters";
        }

        // RE2 has no look-around and no back-references; .NET would accept both, so reject them first.
        if (pattern.Contains("(?=", StringComparison.Ordinal) || pattern.Contains("(?!", StringComparison.Ordinal)
            || pattern.Contains("(?<=", StringComparison.Ordinal) || pattern.Contains("(?<!", StringComparison.Ordinal))
        {
            return "RE2 does not support look-around";
        }

        for (var i = 0; i + 1 < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                var next = pattern[i + 1];
                if ((next is >= '1' and <= '9') || next == 'k')
                {
                    return "RE2 does not support back-references";
                }

                i++;
            }
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Istio's symmetric wildcard-aware host match (<c>pkg/config/host/name.go</c>): equal names, or a
    /// wildcard whose suffix the other name ends with.
    /// </summary>
    public static bool HostsMatch(string a, string b)
    {
        if (a == "*" || b == "*")
        {
            return true;
        }

        var aWild = a.StartsWith('*');
        var bWild = b.StartsWith('*');
        if (!aWild && !bWild)
        {
            return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        }

        if (aWild && bWild)
        {
            var sa = a[1..];
            var sb = b[1..];
            return sa.Length > sb.Length ? sa.EndsWith(sb, StringComparison.OrdinalIgnoreCase) : sb.EndsWith(sa, StringComparison.OrdinalIgnoreCase);
        }

        var (wild, plain) = aWild ? (a, b) : (b, a);
        return plain.EndsWith(wild[1..], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="host"/> is covered by <paramref name="by"/> (one-directional).</summary>
    public static bool HostSubsetOf(string host, string by)
    {
        if (by == "*")
        {
            return true;
        }

        if (!by.StartsWith('*'))
        {
            return string.Equals(host, by, StringComparison.OrdinalIgnoreCase);
        }

        return host == "*" ? false : host.EndsWith(by[1..], StringComparison.OrdinalIgnoreCase) && !(host.StartsWith('*') && host.Length < by.Length);
    }
}
