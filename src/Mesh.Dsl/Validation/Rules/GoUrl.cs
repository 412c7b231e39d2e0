using System.Net;
using System.Text;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// URL parsing as Go's net/url does it, which both Istio checks of a Wasm module's URL use: the CRD's CEL rule
/// (Kubernetes' <c>isURL</c> and <c>url()</c> are <c>url.ParseRequestURI</c>) and istiod's webhook (which also runs
/// <c>url.Parse</c>). A URL that does not parse is tried again with <c>http://</c> in front, so an OCI image name such as
/// <c>ghcr.io/org/plugin:1.0</c> is accepted. .NET's <see cref="Uri"/> accepts and rejects different strings, so the
/// rules are Go's: the scheme, the authority (user information, host and port), and the percent escapes.
/// </summary>
internal static class GoUrl
{
    /// <summary>
    /// Parses <paramref name="url"/> as Istio's webhook does (strictParseURL): returns the lower-case scheme, empty when
    /// there is none, or null when the URL does not parse either as it is or after <c>http://</c>.
    /// </summary>
    public static string? Scheme(string url)
    {
        if (Parse(url, viaRequest: true) is { } scheme)
        {
            return Parse(url, viaRequest: false, splitFragment: true) is null ? null : scheme;
        }

        var withScheme = "http://" + url;
        return Parse(withScheme, viaRequest: true) is { } prefixed && Parse(withScheme, viaRequest: false, splitFragment: true) is not null ? prefixed : null;
    }

    // Go's url.parse (viaRequest: ParseRequestURI) and, with splitFragment, url.Parse's fragment handling; returns the
    // scheme, or null for an error.
    private static string? Parse(string raw, bool viaRequest, bool splitFragment = false)
    {
        var bytes = Encoding.UTF8.GetBytes(raw);
        var text = bytes.AsSpan();
        if (splitFragment && text.IndexOf((byte)'#') is >= 0 and var hash)
        {
            if (!Unescapes(text[(hash + 1)..], Mode.Fragment))
            {
                return null;
            }

            text = text[..hash];
        }

        foreach (var b in text)
        {
            if (b < 0x20 || b == 0x7f)
            {
                return null;
            }
        }

        if (text.IsEmpty && viaRequest)
        {
            return null;
        }

        if (text.SequenceEqual("*"u8))
        {
            return string.Empty;
        }

        var scheme = string.Empty;
        var rest = text;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetter((char)c))
            {
                continue;
            }

            if (char.IsAsciiDigit((char)c) || c is (byte)'+' or (byte)'-' or (byte)'.')
            {
                if (i == 0)
                {
                    break;
                }

                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                {
                    return null;
                }

                scheme = Encoding.ASCII.GetString(text[..i]).ToLowerInvariant();
                rest = text[(i + 1)..];
            }

            break;
        }

        var question = rest.IndexOf((byte)'?');
        if (question >= 0)
        {
            rest = rest[..question];
        }

        if (rest.IsEmpty || rest[0] != '/')
        {
            if (scheme.Length > 0)
            {
                return scheme;
            }

            if (viaRequest)
            {
                return null;
            }

            var slash = rest.IndexOf((byte)'/');
            if ((slash < 0 ? rest : rest[..slash]).IndexOf((byte)':') >= 0)
            {
                return null;
            }
        }

        if ((scheme.Length > 0 || (!viaRequest && !rest.StartsWith("///"u8))) && rest.StartsWith("//"u8))
        {
            var authority = rest[2..];
            var slash = authority.IndexOf((byte)'/');
            rest = slash >= 0 ? authority[slash..] : [];
            if (slash >= 0)
            {
                authority = authority[..slash];
            }

            if (!ParseAuthority(authority))
            {
                return null;
            }
        }

        return Unescapes(rest, Mode.Path) ? scheme : null;
    }

    private enum Mode
    {
        Path,
        Host,
        UserPassword,
        Fragment,
    }

    private static bool ParseAuthority(ReadOnlySpan<byte> authority)
    {
        var at = authority.LastIndexOf((byte)'@');
        if (!ParseHost(at < 0 ? authority : authority[(at + 1)..]))
        {
            return false;
        }

        if (at < 0)
        {
            return true;
        }

        var userInfo = authority[..at];
        foreach (var c in userInfo)
        {
            if (!char.IsAsciiLetterOrDigit((char)c) && "-._:~!$&'()*+,;=%@".IndexOf((char)c) < 0)
            {
                return false;
            }
        }

        return Unescapes(userInfo, Mode.UserPassword);
    }

    private static bool ParseHost(ReadOnlySpan<byte> host)
    {
        if (host.StartsWith("["u8))
        {
            var close = host.LastIndexOf((byte)']');
            if (close < 0 || !IsOptionalPort(host[(close + 1)..]))
            {
                return false;
            }

            // An IPv6 literal (with an optional %25-escaped zone) must be one.
            var literal = Encoding.ASCII.GetString(host[1..close]);
            var zone = literal.IndexOf("%25", StringComparison.Ordinal);
            return IPAddress.TryParse(zone >= 0 ? literal[..zone] : literal, out var address)
                && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                && Unescapes(host[..close], Mode.Host, zoneAt: zone >= 0 ? zone + 1 : -1);
        }

        var colon = host.LastIndexOf((byte)':');
        return (colon < 0 || IsOptionalPort(host[colon..])) && Unescapes(host, Mode.Host);
    }

    private static bool IsOptionalPort(ReadOnlySpan<byte> port)
    {
        if (port.IsEmpty)
        {
            return true;
        }

        if (port[0] != ':')
        {
            return false;
        }

        foreach (var c in port[1..])
        {
            if (!char.IsAsciiDigit((char)c))
            {
                return false;
            }
        }

        return true;
    }

    // Go's unescape: every '%' starts two hex digits; a host allows only %25 and escapes of non-ASCII bytes (a zone
    // anything), and only the characters a host name may hold.
    private static bool Unescapes(ReadOnlySpan<byte> text, Mode mode, int zoneAt = -1)
    {
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            var inZone = zoneAt >= 0 && i >= zoneAt;
            if (c == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit((char)text[i + 1]) || !char.IsAsciiHexDigit((char)text[i + 2]))
                {
                    return false;
                }

                if (mode == Mode.Host && !inZone && Convert.ToInt32(((char)text[i + 1]).ToString(), 16) < 8 && !text.Slice(i, 3).SequenceEqual("%25"u8))
                {
                    return false;
                }

                i += 3;
                continue;
            }

            if (mode == Mode.Host && c < 0x80 && !IsHostCharacter(c))
            {
                return false;
            }

            i++;
        }

        return true;
    }

    private static bool IsHostCharacter(byte c)
        => char.IsAsciiLetterOrDigit((char)c) || "-_.~!$&'()*+,;=:[]<>\"".IndexOf((char)c) >= 0;
}
