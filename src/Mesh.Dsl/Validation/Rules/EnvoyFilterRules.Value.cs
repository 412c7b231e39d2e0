using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// What istiod's webhook finds when it builds the Envoy object of a patch value (xds.BuildXDSObjectFromStruct) that can be
/// told without Envoy's protos: the string <c>name</c> every patched object but the bootstrap has, the <c>Any</c> values
/// (<c>typed_config</c>, <c>@type</c>) and the Envoy v2 types istiod no longer knows, filters configured by name only,
/// and the deprecated filter names of a match.
/// </summary>
internal sealed partial class EnvoyFilterRules
{
    // A field of the Envoy object inside the free-form patch value, which Istio's schema does not describe.
    private const string EnvoyName = "name";

    // Istio's xds.DeprecatedFilterNames, read the other way: the deprecated name and the canonical one to use. envoy.ext_authz
    // named both the network and the HTTP filter, so WarnDeprecatedName resolves it by where the name stands.
    private static readonly Dictionary<string, string> CanonicalFilterNames = new(StringComparer.Ordinal)
    {
        ["envoy.buffer"] = "envoy.filters.http.buffer",
        ["envoy.cors"] = "envoy.filters.http.cors",
        ["envoy.csrf"] = "envoy.filters.http.csrf",
        ["envoy.http_dynamo_filter"] = "envoy.filters.http.dynamo",
        ["envoy.fault"] = "envoy.filters.http.fault",
        ["envoy.grpc_http1_bridge"] = "envoy.filters.http.grpc_http1_bridge",
        ["envoy.grpc_json_transcoder"] = "envoy.filters.http.grpc_json_transcoder",
        ["envoy.grpc_web"] = "envoy.filters.http.grpc_web",
        ["envoy.gzip"] = "envoy.filters.http.gzip",
        ["envoy.health_check"] = "envoy.filters.http.health_check",
        ["envoy.ip_tagging"] = "envoy.filters.http.ip_tagging",
        ["envoy.lua"] = "envoy.filters.http.lua",
        ["envoy.rate_limit"] = "envoy.filters.http.ratelimit",
        ["envoy.router"] = "envoy.filters.http.router",
        ["envoy.squash"] = "envoy.filters.http.squash",
        ["envoy.listener.http_inspector"] = "envoy.filters.listener.http_inspector",
        ["envoy.listener.original_dst"] = "envoy.filters.listener.original_dst",
        ["envoy.listener.original_src"] = "envoy.filters.listener.original_src",
        ["envoy.listener.proxy_protocol"] = "envoy.filters.listener.proxy_protocol",
        ["envoy.listener.tls_inspector"] = "envoy.filters.listener.tls_inspector",
        ["envoy.client_ssl_auth"] = "envoy.filters.network.client_ssl_auth",
        [DeprecatedHttpConnectionManager] = HttpConnectionManager,
        ["envoy.mongo_proxy"] = "envoy.filters.network.mongo_proxy",
        ["envoy.ratelimit"] = "envoy.filters.network.ratelimit",
        ["envoy.redis_proxy"] = "envoy.filters.network.redis_proxy",
        ["envoy.tcp_proxy"] = "envoy.filters.network.tcp_proxy",
    };

    /// <summary>The webhook's warning for a match on a deprecated filter name; <paramref name="network"/> for filter.name, not subFilter.name.</summary>
    private static void WarnDeprecatedName(string? name, bool network, string path, RuleContext context)
    {
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        var canonical = name == "envoy.ext_authz"
            ? network ? "envoy.filters.network.ext_authz" : "envoy.filters.http.ext_authz"
            : CanonicalFilterNames.GetValueOrDefault(name);
        if (canonical is not null)
        {
            context.Warning(DiagnosticCodes.DeprecatedEnvoyFilterName, path, $"'{name}' is a deprecated filter name; use '{canonical}'.");
        }
    }

    private static void CheckValue(ApplyTo applyTo, JsonObject value, string path, RuleContext context)
    {
        // Every object a patch can target has a string name, except the bootstrap, which has none (istiod ignores
        // unknown fields when it decodes, so a bootstrap name is no error).
        var name = value.TryGetPropertyValue(EnvoyName, out var nameNode) ? nameNode : null;
        if (applyTo != ApplyTo.Bootstrap && name is not null && name.GetValueKind() != JsonValueKind.String)
        {
            context.Error(DiagnosticCodes.InvalidEnvoyFilterPatch, $"{path}.{EnvoyName}", $"name must be a string in a {CommonRules.EnumName(applyTo)} value, not {Describe(name)}.");
        }

        List<string>? unknownTypes = null;
        CheckAnyValues(value, path, ref unknownTypes, context);
        if (unknownTypes is not null)
        {
            context.Error(
                DiagnosticCodes.UnknownEnvoyType,
                path,
                $"referenced type {string.Join(", ", unknownTypes)} is unknown: Envoy's v2 API is gone; use the v3 type (envoy.extensions.….v3.…).");
        }

        // Envoy no longer finds a filter by its name: a filter object needs typed_config (or, for ECDS, config_discovery).
        if (applyTo is ApplyTo.NetworkFilter or ApplyTo.HttpFilter or ApplyTo.ListenerFilter or ApplyTo.ExtensionConfig
            && !value.ContainsKey("typed_config") && !value.ContainsKey("typedConfig")
            && !value.ContainsKey("config_discovery") && !value.ContainsKey("configDiscovery"))
        {
            var filterName = name?.GetValueKind() == JsonValueKind.String ? name.GetValue<string>() : string.Empty;
            context.Warning(
                DiagnosticCodes.DeprecatedEnvoyFilterName,
                path,
                $"the filter '{filterName}' is configured by name without typed_config, which Envoy no longer supports; add typed_config with the filter's @type.");
        }
    }

    /// <summary>Every <c>Any</c> in the value: <c>typed_config</c> is an object, <c>@type</c> a string naming a type Istio knows.</summary>
    private static void CheckAnyValues(JsonNode? node, string path, ref List<string>? unknownTypes, RuleContext context)
    {
        switch (node)
        {
            case JsonObject entries:
                foreach (var (key, child) in entries)
                {
                    // Paths are made only for a report or a nested container, not for every leaf.
                    if (key == "@type")
                    {
                        if (child?.GetValueKind() != JsonValueKind.String)
                        {
                            context.Error(DiagnosticCodes.InvalidEnvoyFilterPatch, $"{path}.{key}", $"@type must be a type URL string such as type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua, not {Describe(child)}.");
                        }
                        else if (child.GetValue<string>() is var url && IsEnvoyV2Type(url) && !(unknownTypes ??= []).Contains(url))
                        {
                            unknownTypes.Add(url);
                        }
                    }
                    else if (key is "typed_config" or "typedConfig" && child is not JsonObject)
                    {
                        context.Error(DiagnosticCodes.InvalidEnvoyFilterPatch, $"{path}.{key}", $"{key} must be an object with an @type and the fields of that type, not {Describe(child)}.");
                    }
                    else if (child is JsonObject or JsonArray)
                    {
                        CheckAnyValues(child, $"{path}.{key}", ref unknownTypes, context);
                    }
                }

                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is JsonObject or JsonArray)
                    {
                        CheckAnyValues(items[i], $"{path}[{i}]", ref unknownTypes, context);
                    }
                }

                break;
        }
    }

    /// <summary>
    /// Whether a type URL names a message of Envoy's v2 API (a package version v2, v2alpha or v2alpha1), which istiod no
    /// longer resolves. Istio's own types (istio.*, such as the v2alpha1 ALPN filter) and udpa/xds types are still known.
    /// </summary>
    internal static bool IsEnvoyV2Type(string url)
    {
        var typeName = url.AsSpan(url.LastIndexOf('/') + 1);
        if (!typeName.StartsWith("envoy.", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var range in typeName.Split('.'))
        {
            var segment = typeName[range];
            if (segment.StartsWith("v2", StringComparison.Ordinal) && (segment.Length == 2 || segment[2..].StartsWith("alpha", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {node.ToJsonString()}",
        JsonValueKind.Number => $"the number {node.ToJsonString()}",
        JsonValueKind.String => $"the string {node.ToJsonString()}",
        JsonValueKind.Array => "a list",
        _ => "an object",
    };
}
