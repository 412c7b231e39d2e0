using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// DestinationRule load balancer rules LB-01…LB-16 (catalogue §2.4). LB-01 and LB-03 (one algorithm, one
/// hash key, one hash algorithm) are one-of groups the model and the reader enforce already: setting one
/// member clears the others, and a document with two is a read error.
/// </summary>
internal static class LoadBalancerRules
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath InLoadBalancerSettings = FieldPath.In(() => LoadBalancerSettings.Schema);
    private static readonly FieldPath InZoneAwareLoadBalancerSetting = FieldPath.In(() => ZoneAwareLoadBalancerSetting.Schema);
    private static readonly FieldPath InWarmupConfiguration = FieldPath.In(() => WarmupConfiguration.Schema);
    private static readonly FieldPath LoadBalancerSettingsSimple = InLoadBalancerSettings.Field("simple");
    private static readonly FieldPath LoadBalancerSettingsConsistentHash = InLoadBalancerSettings.Field("consistentHash");
    private static readonly FieldPath LoadBalancerSettingsZoneAwareLbSetting = InLoadBalancerSettings.Field("zoneAwareLbSetting");
    private static readonly FieldPath LoadBalancerSettingsLocalityLbSetting = InLoadBalancerSettings.Field("localityLbSetting");
    private static readonly FieldPath ZoneAwareLoadBalancerSettingMinClusterSize = InZoneAwareLoadBalancerSetting.Field("minClusterSize");
    private static readonly FieldPath LoadBalancerSettingsWarmup = InLoadBalancerSettings.Field("warmup");
    private static readonly FieldPath WarmupConfigurationDuration = InWarmupConfiguration.Field("duration");
    private static readonly FieldPath WarmupConfigurationMinimumPercent = InWarmupConfiguration.Field("minimumPercent");
    private static readonly FieldPath WarmupConfigurationAggression = InWarmupConfiguration.Field("aggression");
    private static readonly FieldPath LoadBalancerSettingsWarmupDurationSecs = InLoadBalancerSettings.Field("warmupDurationSecs");
    private static readonly FieldPath InConsistentHashLB = FieldPath.In(() => ConsistentHashLB.Schema);
    private static readonly FieldPath ConsistentHashLBHttpCookieAttributes = InConsistentHashLB.Field("httpCookie.attributes");
    private static readonly FieldPath HttpCookieAttributeName = ConsistentHashLBHttpCookieAttributes.Item.Field("name");
    private static readonly FieldPath ConsistentHashLBHttpCookieName = InConsistentHashLB.Field("httpCookie.name");
    private static readonly FieldPath ConsistentHashLBMinimumRingSize = InConsistentHashLB.Field("minimumRingSize");
    private static readonly FieldPath ConsistentHashLBMaglevTableSize = InConsistentHashLB.Field("maglev.tableSize");
    private static readonly FieldPath InLocalityLoadBalancerSetting = FieldPath.In(() => LocalityLoadBalancerSetting.Schema);
    private static readonly FieldPath InLocalityDistribute = FieldPath.In(() => LocalityDistribute.Schema);
    private static readonly FieldPath LocalityLoadBalancerSettingFailover = InLocalityLoadBalancerSetting.Field("failover");
    private static readonly FieldPath LocalityLoadBalancerSettingFailoverPriority = InLocalityLoadBalancerSetting.Field("failoverPriority");
    private static readonly FieldPath LocalityLoadBalancerSettingDistribute = InLocalityLoadBalancerSetting.Field("distribute");
    private static readonly FieldPath LocalityDistributeFrom = InLocalityDistribute.Field("from");
    private static readonly FieldPath LocalityDistributeTo = InLocalityDistribute.Field("to");

    /// <summary>Exclusive upper bound of maglev.tableSize (Istio's <c>isPrime</c> check).</summary>
    private const long MaxMaglevTableSize = 5000011;

    private static readonly string[] TopologyLabels = ["topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone"];

    public static void Check(LoadBalancerSettings loadBalancer, string path, bool hasOutlierDetection, RuleContext context)
    {
        CommonRules.CheckEnum(context, loadBalancer.Simple, path, LoadBalancerSettingsSimple);
        if (loadBalancer.ConsistentHash is { } hash)
        {
            CheckConsistentHash(hash, context.Path(path, LoadBalancerSettingsConsistentHash), context);
        }

        if (loadBalancer.LocalityLbSetting is not null && loadBalancer.ZoneAwareLbSetting is not null)
        {
            context.Error(DiagnosticCodes.ConflictingFields, path + LoadBalancerSettingsZoneAwareLbSetting, "only one of localityLbSetting and zoneAwareLbSetting may be set; keep one.");
        }

        if (loadBalancer.LocalityLbSetting is { } locality)
        {
            CheckLocality(locality, context.Path(path, LoadBalancerSettingsLocalityLbSetting), hasOutlierDetection, context);
        }

        if (loadBalancer.ZoneAwareLbSetting is { } zoneAware)
        {
            var zonePath = context.Path(path, LoadBalancerSettingsZoneAwareLbSetting);
            CheckFailover(zoneAware.FailoverOrEmpty, zonePath, context);
            CheckFailoverPriority(zoneAware.FailoverPriorityOrEmpty, zonePath, "zoneAwareLbSetting", context);
            if (zoneAware.MinClusterSize is 0)
            {
                context.Error(DiagnosticCodes.InvalidTrafficPolicy, zonePath + ZoneAwareLoadBalancerSettingMinClusterSize, "zoneAwareLbSetting.minClusterSize must be at least 1; set 1 or more, or remove it.");
            }

            AdviseOutlierDetection(zoneAware.FailoverOrEmpty.Count > 0 || zoneAware.FailoverPriorityOrEmpty.Count > 0, hasOutlierDetection, zonePath, context);
        }

        if (loadBalancer.Warmup is { } warmup)
        {
            var warmupPath = context.Path(path, LoadBalancerSettingsWarmup);
            if (warmup.Duration is null)
            {
                context.Error(DiagnosticCodes.MissingField, warmupPath + WarmupConfigurationDuration, "warmup needs a duration; set e.g. duration: 60s.");
            }

            DestinationRuleRules.Duration(warmup.Duration, warmupPath, WarmupConfigurationDuration, context);
            if (warmup.MinimumPercent is { } minimum && minimum is < 0 or > 100)
            {
                context.Error(DiagnosticCodes.InvalidPercentage, warmupPath + WarmupConfigurationMinimumPercent, $"warmup.minimumPercent is {minimum}; it must be between 0 and 100.");
            }

            // LB-15: the CRD allows 0, the webhook requires > 0; we follow the webhook.
            if (warmup.Aggression is { } aggression && aggression <= 0)
            {
                context.Error(DiagnosticCodes.InvalidTrafficPolicy, warmupPath + WarmupConfigurationAggression, $"warmup.aggression is {aggression}; it must be greater than 0 (1 is linear).");
            }
        }

        // LB-16: only CEL checks warmupDurationSecs (>= 1ms, no precision rule).
        if (loadBalancer.WarmupDurationSecs is { } seconds && seconds < TimeSpan.FromMilliseconds(1))
        {
            context.Error(DiagnosticCodes.InvalidDuration, path + LoadBalancerSettingsWarmupDurationSecs, $"warmupDurationSecs {seconds} must be at least 1ms; better, use warmup.duration.");
        }
    }

    private static void CheckConsistentHash(ConsistentHashLB hash, string path, RuleContext context)
    {
        if (hash.HttpCookie is { } cookie)
        {
            if (string.IsNullOrEmpty(cookie.Name))
            {
                context.Error(DiagnosticCodes.MissingField, path + ConsistentHashLBHttpCookieName, "httpCookie needs a name; set the name of the cookie to hash on.");
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < cookie.AttributesOrEmpty.Count; i++)
            {
                var name = cookie.AttributesOrEmpty[i].Name;
                var attributePath = $"{path}{ConsistentHashLBHttpCookieAttributes}[{i}]{HttpCookieAttributeName}";
                if (string.IsNullOrEmpty(name))
                {
                    context.Error(DiagnosticCodes.MissingField, attributePath, "a cookie attribute needs a name, e.g. SameSite.");
                }
                else if (!names.Add(name))
                {
                    context.Error(DiagnosticCodes.InvalidTrafficPolicy, attributePath, $"cookie attribute '{name}' is listed twice; attribute names must be unique.");
                }
            }
        }

#pragma warning disable CS0618 // Istio's deprecated fields are still checked while Istio accepts them.
        if (hash.MinimumRingSize is not null)
#pragma warning restore CS0618
        {
            if (hash.RingHash is not null || hash.Maglev is not null)
            {
                context.Error(DiagnosticCodes.ConflictingFields, path + ConsistentHashLBMinimumRingSize, "minimumRingSize cannot be combined with ringHash or maglev; move it to ringHash.minimumRingSize.");
            }
            else
            {
                context.Warning(DiagnosticCodes.Deprecated, path + ConsistentHashLBMinimumRingSize, "minimumRingSize is deprecated; use ringHash.minimumRingSize.");
            }
        }

        if (hash.Maglev is { } maglev && !(maglev.TableSize is { } size && size < MaxMaglevTableSize && IsPrime(size)))
        {
            context.Error(DiagnosticCodes.InvalidTrafficPolicy, path + ConsistentHashLBMaglevTableSize, $"maglev.tableSize {maglev.TableSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(unset)"} must be a prime number below {MaxMaglevTableSize}, e.g. 65537.");
        }
    }

    private static void CheckLocality(LocalityLoadBalancerSetting locality, string path, bool hasOutlierDetection, RuleContext context)
    {
        if (locality.DistributeOrEmpty.Count > 0 && locality.FailoverOrEmpty.Count > 0)
        {
            context.Error(DiagnosticCodes.ConflictingFields, path + LocalityLoadBalancerSettingFailover, "distribute and failover are mutually exclusive; keep one.");
        }

        if (locality.FailoverOrEmpty.Count > 0)
        {
            foreach (var label in locality.FailoverPriorityOrEmpty)
            {
                if (TopologyLabels.Contains(label))
                {
                    context.Error(DiagnosticCodes.ConflictingFields, path + LocalityLoadBalancerSettingFailoverPriority, $"failover cannot be combined with the topology label '{label}' in failoverPriority; remove failover or the label.");
                }
            }
        }

        var sources = new LocalitySet();
        for (var i = 0; i < locality.DistributeOrEmpty.Count; i++)
        {
            var distribute = locality.DistributeOrEmpty[i];
            var entryPath = $"{path}{LocalityLoadBalancerSettingDistribute}[{i}]";
            if (distribute.From is { } from && sources.Add(from) is { } fromProblem)
            {
                context.Error(DiagnosticCodes.InvalidTrafficPolicy, entryPath + LocalityDistributeFrom, $"invalid locality '{from}': {fromProblem}.");
            }

            long total = 0;
            var targets = new LocalitySet();
            foreach (var (to, weight) in distribute.To)
            {
                total += weight;
                if (weight is < 1 or > 100)
                {
                    context.Error(DiagnosticCodes.InvalidTrafficPolicy, $"{entryPath}{LocalityDistributeTo}[{to}]", $"locality weight {weight} must be between 1 and 100.");
                }

                if (targets.Add(to) is { } toProblem)
                {
                    context.Error(DiagnosticCodes.InvalidTrafficPolicy, $"{entryPath}{LocalityDistributeTo}[{to}]", $"invalid locality '{to}': {toProblem}.");
                }
            }

            if (total != 100)
            {
                context.Error(DiagnosticCodes.InvalidTrafficPolicy, entryPath + LocalityDistributeTo, $"the locality weights add up to {total}; they must sum to exactly 100.");
            }
        }

        CheckFailover(locality.FailoverOrEmpty, path, context);
        AdviseOutlierDetection(locality.FailoverOrEmpty.Count > 0 || locality.FailoverPriorityOrEmpty.Count > 0, hasOutlierDetection, path, context);
    }

    private static void CheckFailoverPriority(Items<string> priority, string path, string owner, RuleContext context)
    {
        foreach (var label in priority)
        {
            if (TopologyLabels.Contains(label))
            {
                context.Error(DiagnosticCodes.InvalidTrafficPolicy, path + LocalityLoadBalancerSettingFailoverPriority, $"{owner}.failoverPriority cannot contain the topology label '{label}'; zone-aware balancing already uses the topology, list only other labels.");
            }
        }
    }

    /// <summary>LB-13.</summary>
    private static void CheckFailover(Items<LocalityFailover> failover, string path, RuleContext context)
    {
        for (var i = 0; i < failover.Count; i++)
        {
            var from = failover[i].From ?? string.Empty;
            var to = failover[i].To ?? string.Empty;
            if (from == to || from.Contains('/') || to.Contains('/') || from.Contains('*') || to.Contains('*'))
            {
                context.Error(DiagnosticCodes.InvalidTrafficPolicy, $"{path}{LocalityLoadBalancerSettingFailover}[{i}]", $"failover from '{from}' to '{to}' is invalid; name two different regions without '/' or '*'.");
            }
        }
    }

    /// <summary>LB-12.</summary>
    private static void AdviseOutlierDetection(bool failover, bool hasOutlierDetection, string path, RuleContext context)
    {
        if (failover && !hasOutlierDetection)
        {
            context.Warning(DiagnosticCodes.IgnoredField, path, "failover and failoverPriority take effect only with outlierDetection in the same traffic policy; add outlierDetection (e.g. consecutive5xxErrors: 5).");
        }
    }

    private static bool IsPrime(long n)
    {
        if (n < 2)
        {
            return false;
        }

        for (long d = 2; d * d <= n; d++)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// LB-11: localities <c>region[/zone[/subzone]]</c>, with one trailing <c>*</c>, that must not overlap.
    /// A wildcard stands for its parent, so <c>us/*</c> and <c>us</c> overlap, as do <c>us</c> and <c>us/zone1</c>.
    /// </summary>
    private sealed class LocalitySet
    {
        private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);
        private readonly HashSet<string> _ancestors = new(StringComparer.Ordinal);

        /// <summary>Adds a locality; returns why it is invalid or overlaps, or null.</summary>
        public string? Add(string locality)
        {
            var stars = locality.Count(c => c == '*');
            if (stars > 1 || (stars == 1 && !locality.EndsWith('*')))
            {
                return "use at most one '*', and only at the end";
            }

            var segments = locality.Split('/', 3);
            if (segments.Any(s => s.Length == 0))
            {
                return "region, zone and subzone must not be empty";
            }

            var key = string.Join('/', segments.Where(s => s != "*"));
            var prefix = string.Empty;
            var ancestors = new List<string> { string.Empty };
            foreach (var segment in segments.Where(s => s != "*"))
            {
                prefix = prefix.Length == 0 ? segment : prefix + "/" + segment;
                ancestors.Add(prefix);
            }

            if (ancestors.Any(_claimed.Contains) || _ancestors.Contains(key))
            {
                return "it overlaps a locality listed before it";
            }

            _claimed.Add(key);
            foreach (var ancestor in ancestors)
            {
                _ancestors.Add(ancestor);
            }

            return null;
        }
    }
}
