using System.Globalization;
using System.Text;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// VS-09 (IST0130) and VS-10 (IST0131) for the http, tcp and tls rules of a VirtualService, as istiod's validation
/// (<c>analyzeUnreachableHTTPRules</c>, <c>…TCPRules</c>, <c>…TLSRules</c>) finds them and istioctl analyze reports
/// them: a rule after a rule without matches, a second rule without matches, a match identical to an earlier one
/// (its <c>name</c> aside), a rule whose every match is such a repeat, and for http an earlier <c>uri.prefix</c> match
/// that covers a later one with a longer prefix. Rules and matches are named as Istio names them: <c>"name"</c> when
/// an http rule or match has a name, <c>#index</c> otherwise, and the messages read as Istio's, with a fix after them.
/// </summary>
/// <remarks>
/// A prefix is said to cover a later match only when it provably does: Istio's own test (same port, method,
/// authority and the same header, query and withoutHeaders names, each value equal to the later one's or starting
/// with it, a missing method counting as <c>GET</c>) must hold, and the earlier match must match every request the
/// later one matches. Istio's test alone also fires where the earlier match is the narrower one (an earlier
/// <c>method: GET</c> or <c>authority</c> against a later match without; an earlier exact header value longer than the
/// later one; two different regexes; an earlier match restricted to other gateways, source labels, scheme or source
/// namespace); those are not reported. docs/diagnostics.md lists the differences.
/// </remarks>
internal static class VirtualServiceMatchCoverage
{
    private static readonly FieldPath Spec = FieldPath.Spec(() => VirtualServiceSpec.Schema);
    private static readonly FieldPath SpecHttp = Spec.Field("http");
    private static readonly FieldPath SpecTcp = Spec.Field("tcp");
    private static readonly FieldPath SpecTls = Spec.Field("tls");
    private static readonly FieldPath HttpRouteMatch = FieldPath.In(() => HttpRoute.Schema).Field("match");
    private static readonly FieldPath TcpRouteMatch = FieldPath.In(() => TcpRoute.Schema).Field("match");
    private static readonly FieldPath TlsRouteMatch = FieldPath.In(() => TlsRoute.Schema).Field("match");

    /// <summary>Istio's method when a match names none (<c>genMatchHTTPRoutes</c>).</summary>
    private const string DefaultMethod = "exact:GET";

    /// <summary>Reports the unreachable rules and ineffective matches of <paramref name="spec"/>'s http, tcp and tls rules.</summary>
    public static void Check(VirtualServiceSpec spec, RuleContext context)
    {
        if (spec.HttpOrEmpty.Count > 0)
        {
            var candidates = CheckRules(spec.HttpOrEmpty, static r => r.MatchOrEmpty, HttpRouteName, HttpMatchName, HttpMatchKey, IsPrefixCandidate, SpecHttp, HttpRouteMatch, context);
            if (candidates is { Count: > 1 })
            {
                CheckCoveringPrefixes(spec, candidates, context);
            }
        }

        if (spec.TcpOrEmpty.Count > 0)
        {
            CheckRules(spec.TcpOrEmpty, static r => r.MatchOrEmpty, static (_, i) => "#" + Index(i), static (_, m) => "#" + Index(m), L4MatchKey, null, SpecTcp, TcpRouteMatch, context);
        }

        if (spec.TlsOrEmpty.Count > 0)
        {
            CheckRules(spec.TlsOrEmpty, static r => r.MatchOrEmpty, static (_, i) => "#" + Index(i), static (_, m) => "#" + Index(m), TlsMatchKey, null, SpecTls, TlsRouteMatch, context);
        }
    }

    /// <summary>
    /// The rules and matches Istio's <c>analyzeUnreachable…Rules</c> reports, in its order; returns the (rule, match)
    /// of the matches that neither repeat an earlier one nor follow a rule without matches and that
    /// <paramref name="candidate"/> accepts, in order, or null when there are none or there is only one match.
    /// </summary>
    private static List<(int Rule, int Match)>? CheckRules<TRoute, TMatch>(
        Items<TRoute> routes,
        Func<TRoute, Items<TMatch>> matchesOf,
        Func<TRoute, int, string> routeName,
        Func<TMatch, int, string> matchName,
        Func<TMatch, string> key,
        Func<TMatch, bool>? candidate,
        FieldPath list,
        FieldPath matchField,
        RuleContext context)
    {
        // A match can only repeat another when there are two: skip building the keys otherwise.
        var total = 0;
        for (var i = 0; i < routes.Count; i++)
        {
            // An index loop: foreach over the interface would box the list's enumerator.
            total += matchesOf(routes[i]).Count;
        }

        // Nothing is allocated for a valid VirtualService with at most one match: no keys, no list, no paths.
        var seen = total > 1 ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
        List<(int Rule, int Match)>? candidates = null;
        var catchAll = -1;
        for (var i = 0; i < routes.Count; i++)
        {
            var route = routes[i];
            var matches = matchesOf(route);
            if (matches.Count == 0)
            {
                if (catchAll >= 0)
                {
                    var earlier = routeName(routes[catchAll], catchAll);
                    context.Warning(DiagnosticCodes.VirtualServiceUnreachableRule, context.Path(Spec, list, i), Unused(routeName(route, i), "only the last rule can have no matches", $"Rule {earlier} has no matches either and takes every request first; give one of them matches or remove one."));
                }

                catchAll = i;
                continue;
            }

            if (catchAll >= 0)
            {
                // Istio reports this for each match of the rule; istioctl keeps one of the identical messages.
                var earlier = routeName(routes[catchAll], catchAll);
                context.Warning(DiagnosticCodes.VirtualServiceUnreachableRule, context.Path(Spec, list, i), Unused(routeName(route, i), "route without matches defined before", $"Rule {earlier} has no matches and takes every request first; move it last."));
                continue;
            }

            var repeats = 0;
            for (var m = 0; m < matches.Count; m++)
            {
                var match = matches[m];
                if (seen is not null)
                {
                    var text = key(match);
                    if (seen.TryGetValue(text, out var first))
                    {
                        repeats++;
                        context.Info(DiagnosticCodes.VirtualServiceIneffectiveMatch, context.Path(context.Path(Spec, list, i), matchField, m), Ineffective(routeName(route, i), matchName(match, m), routeName(routes[first], first), "It repeats an earlier match, which takes its requests first; remove it or change it."));
                        continue;
                    }

                    seen[text] = i;
                }

                if (candidate is not null && seen is not null && candidate(match))
                {
                    (candidates ??= new()).Add((i, m));
                }
            }

            if (repeats == matches.Count)
            {
                context.Warning(DiagnosticCodes.VirtualServiceUnreachableRule, context.Path(Spec, list, i), Unused(routeName(route, i), "all matches used by prior rules", "Remove the rule or change its matches."));
            }
        }

        return candidates;
    }

    /// <summary>IST0131 for each later prefix match that an earlier one covers (Istio's pairwise pass over the prefix matches).</summary>
    private static void CheckCoveringPrefixes(VirtualServiceSpec spec, List<(int Rule, int Match)> candidates, RuleContext context)
    {
        var http = spec.HttpOrEmpty;
        for (var a = 0; a < candidates.Count; a++)
        {
            var (ruleA, indexA) = candidates[a];
            var earlier = http[ruleA].MatchOrEmpty[indexA];
            var prefixA = earlier.Uri!.Prefix!;
            for (var b = a + 1; b < candidates.Count; b++)
            {
                var (ruleB, indexB) = candidates[b];
                var later = http[ruleB].MatchOrEmpty[indexB];
                var prefixB = later.Uri!.Prefix!;

                // Equal prefixes are the repeated matches reported above, or differ in other conditions.
                if (prefixA == prefixB || !prefixB.StartsWith(prefixA, StringComparison.Ordinal))
                {
                    continue;
                }

                if (!IstioCovers(earlier, later) || !Covers(earlier, later, spec.GatewaysOrEmpty))
                {
                    continue;
                }

                var rulePath = context.Path(Spec, SpecHttp, ruleB);
                context.Info(
                    DiagnosticCodes.VirtualServiceIneffectiveMatch,
                    context.Path(rulePath, HttpRouteMatch, indexB),
                    Ineffective(
                        HttpRouteName(http[ruleB], ruleB),
                        $"{HttpMatchName(later, indexB)} of prefix {prefixB}",
                        $"{HttpMatchName(earlier, indexA)} of prefix {prefixA} on {HttpRouteName(http[ruleA], ruleA)}",
                        "The earlier, shorter prefix takes its requests first; move the longer prefix before it or remove this match."));
            }
        }
    }

    private static string Unused(string rule, string reason, string fix) => $"VirtualService rule {rule} not used ({reason}). {fix}";

    private static string Ineffective(string rule, string match, string earlier, string fix)
        => $"VirtualService rule {rule} match {match} is not used (duplicate/overlapping match in rule {earlier}). {fix}";

    private static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);

    private static string HttpRouteName(HttpRoute route, int index) => string.IsNullOrEmpty(route.Name) ? "#" + Index(index) : GoQuote(route.Name);

    private static string HttpMatchName(HttpMatchRequest match, int index) => string.IsNullOrEmpty(match.Name) ? "#" + Index(index) : GoQuote(match.Name);

    private static bool IsPrefixCandidate(HttpMatchRequest match) => !string.IsNullOrEmpty(match.Uri?.Prefix);

    /// <summary>
    /// Istio's <c>coveredValidation</c> for an earlier match <paramref name="a"/> and a later one <paramref name="b"/>
    /// whose prefix starts with <paramref name="a"/>'s: the same port; method, authority and each header, query
    /// parameter and withoutHeaders value equal to the later one's or starting with it, in Istio's <c>exact:</c> /
    /// <c>prefix:</c> text (a regex or a missing value is empty text, a missing method <c>exact:GET</c>); the same names.
    /// </summary>
    internal static bool IstioCovers(HttpMatchRequest a, HttpMatchRequest b)
    {
        if ((a.Port ?? 0) != (b.Port ?? 0))
        {
            return false;
        }

        return IstioValueCovers(IstioMethod(a.Method), IstioMethod(b.Method))
            && IstioValueCovers(IstioText(a.Authority), IstioText(b.Authority))
            && IstioMapCovers(a.HeadersOrEmpty, b.HeadersOrEmpty)
            && IstioMapCovers(a.QueryParamsOrEmpty, b.QueryParamsOrEmpty)
            && IstioMapCovers(a.WithoutHeadersOrEmpty, b.WithoutHeadersOrEmpty);
    }

    private static bool IstioValueCovers(string a, string b) => a == b || a.StartsWith(b, StringComparison.Ordinal);

    private static bool IstioMapCovers(IReadOnlyDictionary<string, StringMatch> a, IReadOnlyDictionary<string, StringMatch> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (name, value) in a)
        {
            if (!b.TryGetValue(name, out var other) || !IstioValueCovers(IstioText(value), IstioText(other)))
            {
                return false;
            }
        }

        return true;
    }

    private static string IstioMethod(StringMatch? method) => IstioText(method) is { Length: > 0 } text ? text : DefaultMethod;

    /// <summary>Istio's <c>assignExactOrPrefix</c>: <c>exact:v</c>, <c>prefix:v</c>, or empty for a regex, an empty value or none.</summary>
    private static string IstioText(StringMatch? match)
        => match?.Exact is { Length: > 0 } exact ? "exact:" + exact
            : match?.Prefix is { Length: > 0 } prefix ? "prefix:" + prefix
            : string.Empty;

    /// <summary>
    /// Whether every request that <paramref name="b"/> matches, <paramref name="a"/> matches too (both uri prefix
    /// matches, <paramref name="b"/>'s prefix starting with <paramref name="a"/>'s): each condition of
    /// <paramref name="a"/> is absent or at most as strict as <paramref name="b"/>'s.
    /// </summary>
    private static bool Covers(HttpMatchRequest a, HttpMatchRequest b, IReadOnlyList<string> serviceGateways)
    {
        // A case-sensitive prefix does not cover a case-insensitive one (/API/... matches only the later one).
        if (a.IgnoreUriCase != true && b.IgnoreUriCase == true)
        {
            return false;
        }

        if (a.Port is { } port and not 0 && port != b.Port)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(a.SourceNamespace) && a.SourceNamespace != b.SourceNamespace)
        {
            return false;
        }

        foreach (var (label, value) in a.SourceLabelsOrEmpty)
        {
            if (!b.SourceLabelsOrEmpty.TryGetValue(label, out var other) || other != value)
            {
                return false;
            }
        }

        // A match's gateways replace the VirtualService's (none there: the mesh).
        var gatewaysA = Gateways(a.GatewaysOrEmpty, serviceGateways);
        foreach (var gateway in Gateways(b.GatewaysOrEmpty, serviceGateways))
        {
            if (!gatewaysA.Contains(gateway))
            {
                return false;
            }
        }

        if (!ValueCovers(a.Scheme, b.Scheme) || !ValueCovers(a.Method, b.Method) || !ValueCovers(a.Authority, b.Authority))
        {
            return false;
        }

        // withoutHeaders excludes requests: the later match must exclude at least what the earlier one does.
        return MapCovers(a.HeadersOrEmpty, b.HeadersOrEmpty, excludes: false)
            && MapCovers(a.QueryParamsOrEmpty, b.QueryParamsOrEmpty, excludes: false)
            && MapCovers(a.WithoutHeadersOrEmpty, b.WithoutHeadersOrEmpty, excludes: true);
    }

    /// <summary>
    /// Whether every name <paramref name="a"/> has, <paramref name="b"/> has too, with a value <paramref name="a"/>'s
    /// covers, or for names that exclude requests (<paramref name="excludes"/>) one that covers <paramref name="a"/>'s.
    /// </summary>
    private static bool MapCovers(IReadOnlyDictionary<string, StringMatch> a, IReadOnlyDictionary<string, StringMatch> b, bool excludes)
    {
        foreach (var (name, value) in a)
        {
            if (!b.TryGetValue(name, out var other) || !(excludes ? ValueCovers(other, value) : ValueCovers(value, other)))
            {
                return false;
            }
        }

        return true;
    }

    private static IReadOnlyList<string> Gateways(IReadOnlyList<string> matchGateways, IReadOnlyList<string> serviceGateways)
        => matchGateways.Count > 0 ? matchGateways : serviceGateways.Count > 0 ? serviceGateways : ["mesh"];

    /// <summary>
    /// Whether the values <paramref name="a"/> accepts include all that <paramref name="b"/> accepts: none (any value),
    /// the same exact value, a prefix of <paramref name="b"/>'s exact value or prefix, or the same regex. A match
    /// of no kind (<c>{}</c>, presence) covers any match of <paramref name="b"/> but not its absence.
    /// </summary>
    private static bool ValueCovers(StringMatch? a, StringMatch? b)
    {
        if (a is null)
        {
            return true;
        }

        if (b is null)
        {
            return false;
        }

        if (a.Exact is { } exact)
        {
            return b.Exact == exact;
        }

        if (a.Prefix is { } prefix)
        {
            return (b.Exact ?? b.Prefix) is { } value && value.StartsWith(prefix, StringComparison.Ordinal);
        }

        if (a.Regex is { } regex)
        {
            return b.Regex == regex;
        }

        return true;
    }

    /// <summary>
    /// The identity of an http match as Istio's <c>asJSON</c> compares it: every field but <c>name</c>, proto3 zero
    /// values (port 0, false, empty text and collections) as unset, map entries in key order, lists in their order.
    /// </summary>
    private static string HttpMatchKey(HttpMatchRequest match)
    {
        var key = new StringBuilder();
        Add(key, match.Uri);
        Add(key, match.Scheme);
        Add(key, match.Method);
        Add(key, match.Authority);
        Add(key, match.HeadersOrEmpty, Add);
        Add(key, match.Port);
        Add(key, match.SourceLabelsOrEmpty, Add);
        Add(key, match.GatewaysOrEmpty);
        Add(key, match.QueryParamsOrEmpty, Add);
        key.Append(match.IgnoreUriCase == true ? 'i' : '-');
        Add(key, match.WithoutHeadersOrEmpty, Add);
        Add(key, match.SourceNamespace);
        Add(key, match.StatPrefix);
        return key.ToString();
    }

    /// <summary>As <see cref="HttpMatchKey"/> for a tcp match.</summary>
    private static string L4MatchKey(L4MatchAttributes match)
    {
        var key = new StringBuilder();
        Add(key, match.DestinationSubnetsOrEmpty);
        Add(key, match.Port);
        Add(key, match.SourceSubnet);
        Add(key, match.SourceLabelsOrEmpty, Add);
        Add(key, match.GatewaysOrEmpty);
        Add(key, match.SourceNamespace);
        return key.ToString();
    }

    /// <summary>As <see cref="HttpMatchKey"/> for a tls match.</summary>
    private static string TlsMatchKey(TlsMatchAttributes match)
    {
        var key = new StringBuilder();
        Add(key, match.SniHostsOrEmpty);
        Add(key, match.DestinationSubnetsOrEmpty);
        Add(key, match.Port);
        Add(key, match.SourceLabelsOrEmpty, Add);
        Add(key, match.GatewaysOrEmpty);
        Add(key, match.SourceNamespace);
        return key.ToString();
    }

    // Each value is written with its length, so no two different matches give the same key.
    private static void Add(StringBuilder key, string? text)
        => key.Append(CultureInfo.InvariantCulture, $"{(text ?? string.Empty).Length}:").Append(text).Append(';');

    private static void Add(StringBuilder key, uint? number) => key.Append(CultureInfo.InvariantCulture, $"{number ?? 0};");

    private static void Add(StringBuilder key, StringMatch? match)
    {
        if (match is null)
        {
            key.Append("-;");
            return;
        }

        // A oneof: the kinds are told apart, and an empty value of a kind from no kind (istiod's JSON does too).
        key.Append(match.Exact is null ? '-' : 'e').Append(match.Prefix is null ? '-' : 'p').Append(match.Regex is null ? '-' : 'r');
        Add(key, match.Exact);
        Add(key, match.Prefix);
        Add(key, match.Regex);
    }

    private static void Add(StringBuilder key, IReadOnlyList<string> list)
    {
        key.Append(CultureInfo.InvariantCulture, $"[{list.Count}:");
        foreach (var item in list)
        {
            Add(key, item);
        }
    }

    private static void Add<T>(StringBuilder key, IReadOnlyDictionary<string, T> map, Action<StringBuilder, T> add)
    {
        key.Append(CultureInfo.InvariantCulture, $"{{{map.Count}:");
        foreach (var name in map.Keys.Order(StringComparer.Ordinal))
        {
            Add(key, name);
            add(key, map[name]);
        }
    }

    /// <summary>
    /// <paramref name="text"/> quoted as Go's <c>%q</c> quotes it (how Istio names a rule or match with a name):
    /// quotes and backslashes escaped, control and other unprintable characters as <c>\n</c>, <c>\x..</c>,
    /// <c>\u....</c> or <c>\U........</c>.
    /// </summary>
    internal static string GoQuote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': quoted.Append("\\\""); continue;
                case '\\': quoted.Append("\\\\"); continue;
                case '\a': quoted.Append("\\a"); continue;
                case '\b': quoted.Append("\\b"); continue;
                case '\f': quoted.Append("\\f"); continue;
                case '\n': quoted.Append("\\n"); continue;
                case '\r': quoted.Append("\\r"); continue;
                case '\t': quoted.Append("\\t"); continue;
                case '\v': quoted.Append("\\v"); continue;
            }

            if (rune.Value == ' ' || IsPrintable(rune))
            {
                quoted.Append(rune.ToString());
            }
            else if (rune.Value < 0x80)
            {
                quoted.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
            }
            else if (rune.Value < 0x10000)
            {
                quoted.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
            }
            else
            {
                quoted.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Go's <c>unicode.IsPrint</c> without the ASCII space: letters, marks, numbers, punctuation and symbols.</summary>
    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };
}
