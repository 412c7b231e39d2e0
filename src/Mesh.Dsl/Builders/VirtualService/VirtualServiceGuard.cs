namespace Mesh.Dsl.Builders;

/// <summary>The range checks of the VirtualService builders, beyond the general ones of <see cref="Guard"/>.</summary>
internal static class VirtualServiceGuard
{
    private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

    /// <summary>A route weight: 0 to 100.</summary>
    public static int Weight(int weight, string parameter = "weight")
        => weight is >= 0 and <= 100
            ? weight
            : throw new ArgumentOutOfRangeException(parameter, weight, $"Weight {weight} is out of range: a weight is a share of the traffic from 0 to 100.");

    /// <summary>An Istio duration field: at least 1ms, as the CRD's CEL rule requires.</summary>
    public static TimeSpan Duration(TimeSpan value, string parameter)
        => value >= OneMillisecond
            ? value
            : throw new ArgumentOutOfRangeException(parameter, value, $"The duration {value} is too short: Istio needs at least 1ms.");

    /// <summary>An HTTP status Istio accepts for direct responses and aborts: 200 to 600.</summary>
    public static uint HttpStatus(int status, string parameter = "status")
        => status is >= 200 and <= 600
            ? (uint)status
            : throw new ArgumentOutOfRangeException(parameter, status, $"HTTP status {status} is out of range: Istio accepts 200 to 600.");

    /// <summary>A redirect status: 300 to 399.</summary>
    public static uint RedirectCode(int code, string parameter = "code")
        => code is >= 300 and <= 399
            ? (uint)code
            : throw new ArgumentOutOfRangeException(parameter, code, $"Redirect code {code} is out of range: a redirect status is 300 to 399.");

    /// <summary>A gateway reference: <c>name</c>, <c>namespace/name</c> or <c>mesh</c>, without blanks.</summary>
    public static string GatewayName(string gateway, string parameter = "gateway")
    {
        Guard.NotEmpty(gateway, parameter);
        if (gateway.Any(char.IsWhiteSpace) || gateway.Count(c => c == '/') > 1 || gateway.StartsWith('/') || gateway.EndsWith('/'))
        {
            throw new ArgumentException($"\"{gateway}\" is not a gateway reference: give \"name\", \"namespace/name\" or \"mesh\".", parameter);
        }

        return gateway;
    }

    /// <summary>A percentage message, 0 to 100.</summary>
    public static Model.Networking.Percent Percent(double value, string parameter = "percentage")
        => new() { Value = Guard.Percentage(value, parameter) };
}
