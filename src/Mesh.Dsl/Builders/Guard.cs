namespace Mesh.Dsl.Builders;

/// <summary>
/// Rejects impossible single values at the call that makes them, with an <see cref="ArgumentException"/>
/// that names the value and says why.
/// </summary>
internal static class Guard
{
    /// <summary>
    /// Checks a string a builder stores: not null, and whole characters, since a lone UTF-16 surrogate (half of a
    /// character) cannot be written to YAML, JSON or UTF-8. The generated builders call it for every string they take.
    /// </summary>
    /// <param name="value">The string.</param>
    /// <param name="parameter">The parameter name for the exception.</param>
    /// <returns>The string.</returns>
    public static string Text(string value, string parameter)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        if (Serialization.LoneSurrogates.IndexOf(value) is >= 0 and var at)
        {
            throw new ArgumentException($"{Serialization.LoneSurrogates.Describe(value, at)}; give whole characters.", parameter);
        }

        return value;
    }

    /// <summary>Checks the strings of a <c>params</c> array with <see cref="Text"/>: the array and each item.</summary>
    /// <param name="values">The strings.</param>
    /// <param name="parameter">The parameter name for the exception, with the item's index (<c>values[1]</c>).</param>
    /// <returns>The strings.</returns>
    public static string[] Texts(string[] values, string parameter)
    {
        ArgumentNullException.ThrowIfNull(values, parameter);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null || Serialization.LoneSurrogates.IndexOf(values[i]) >= 0)
            {
                Text(values[i]!, $"{parameter}[{i}]");
            }
        }

        return values;
    }

    /// <summary>Checks a free-form value (EnvoyFilter's <c>patch.value</c>, WasmPlugin's <c>pluginConfig</c>): every key and string of it is whole characters.</summary>
    /// <param name="value">The value.</param>
    /// <param name="parameter">The parameter name for the exception.</param>
    /// <returns>The value.</returns>
    public static System.Text.Json.Nodes.JsonObject FreeForm(System.Text.Json.Nodes.JsonObject value, string parameter)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        if (Serialization.LoneSurrogates.Find(value) is { } found)
        {
            throw new ArgumentException($"{parameter}{found.Path}: {Serialization.LoneSurrogates.Describe(found.Text, found.Index)}; give whole characters.", parameter);
        }

        return value;
    }


    /// <summary>Checks a resource name: a lowercase DNS-1123 subdomain of at most 253 characters.</summary>
    /// <param name="name">The name.</param>
    /// <param name="parameter">The parameter name for the exception.</param>
    /// <returns>The name.</returns>
    public static string ResourceName(string name, string parameter = "name")
    {
        ArgumentNullException.ThrowIfNull(name, parameter);
        if (name.Length is 0 or > 253 || !IsDns1123Subdomain(name))
        {
            throw new ArgumentException(
                $"\"{name}\" is not a valid resource name: use at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit.",
                parameter);
        }

        return name;
    }

    /// <summary>Checks a namespace name: a lowercase DNS-1123 label of at most 63 characters.</summary>
    /// <param name="name">The namespace.</param>
    /// <param name="parameter">The parameter name for the exception.</param>
    /// <returns>The namespace.</returns>
    public static string NamespaceName(string name, string parameter = "namespace")
    {
        ArgumentNullException.ThrowIfNull(name, parameter);
        if (name.Length is 0 or > 63 || !IsDns1123Label(name))
        {
            throw new ArgumentException(
                $"\"{name}\" is not a valid namespace: use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit.",
                parameter);
        }

        return name;
    }

    /// <summary>Checks a port number: 1 to 65535.</summary>
    /// <param name="number">The port.</param>
    /// <param name="parameter">The parameter name for the exception.</param>
    /// <returns>The port as the model stores it.</returns>
    public static uint Port(int number, string parameter = "number")
    {
        if (number is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(parameter, number, $"Port {number} is out of range: a port is a number from 1 to 65535.");
        }

        return (uint)number;
    }

    /// <summary>Checks a host: not empty, no blanks, no scheme or path.</summary>
    /// <param name="host">A DNS name, optionally with a wildcard prefix (<c>*.example.com</c>), or a short name.</param>
    /// <param name="parameter">The parameter name for the exception.</param>
    /// <returns>The host.</returns>
    public static string Host(string host, string parameter = "host")
    {
        Text(host, parameter);
        if (host.Length == 0)
        {
            throw new ArgumentException("A host cannot be empty.", parameter);
        }

        if (HasWhiteSpace(host) || host.Contains("://", StringComparison.Ordinal) || host.Contains('/'))
        {
            throw new ArgumentException($"\"{host}\" is not a host: give a DNS name such as \"api.example.com\" or \"*.example.com\", without scheme, path or blanks.", parameter);
        }

        return host;
    }

    /// <summary>
    /// Checks a host with an optional namespace prefix, as Gateway servers and Sidecar egress
    /// listeners take them: <c>[namespace/]dnsName</c>, where the namespace may be <c>*</c> (any) or
    /// <c>.</c> (the resource's own) and the DNS name may be <c>*</c> or start with <c>*.</c>.
    /// </summary>
    /// <param name="host">The host, e.g. <c>prod/*.example.com</c>, <c>*/foo.example.com</c> or <c>www.aliyun.com</c>.</param>
    /// <param name="parameter">The parameter name for the exception.</param>
    /// <param name="requireNamespace">True where Istio requires the <c>namespace/</c> prefix (Sidecar egress hosts).</param>
    /// <returns>The host.</returns>
    public static string NamespacedHost(string host, string parameter = "host", bool requireNamespace = false)
    {
        ArgumentNullException.ThrowIfNull(host, parameter);
        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            if (requireNamespace)
            {
                throw new ArgumentException($"\"{host}\" needs a namespace: write it as \"namespace/dnsName\", e.g. \"./{host}\" or \"*/{host}\".", parameter);
            }

            return Host(host, parameter);
        }

        var ns = host[..slash];
        if (ns is not ("*" or ".") && (ns.Length is 0 or > 63 || !IsDns1123Label(ns)))
        {
            throw new ArgumentException($"\"{host}\" does not start with a namespace: write \"namespace/dnsName\" with a namespace name, \"*\" or \".\".", parameter);
        }

        Host(host[(slash + 1)..], parameter);
        return host;
    }

    /// <summary>Checks that a string is not null or empty.</summary>
    /// <param name="value">The value.</param>
    /// <param name="parameter">The parameter name for the exception.</param>
    /// <returns>The value.</returns>
    public static string NotEmpty(string value, string parameter)
    {
        Text(value, parameter);
        if (value.Length == 0)
        {
            throw new ArgumentException($"{parameter} cannot be empty.", parameter);
        }

        return value;
    }

    /// <summary>Checks a percentage: 0 to 100.</summary>
    /// <param name="value">The percentage.</param>
    /// <param name="parameter">The parameter name for the exception.</param>
    /// <returns>The value.</returns>
    public static double Percentage(double value, string parameter = "percentage")
    {
        if (double.IsNaN(value) || value is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(parameter, value, $"{value} is not a percentage: give a number from 0 to 100.");
        }

        return value;
    }

    /// <summary>Checks a duration: positive.</summary>
    /// <param name="value">The duration.</param>
    /// <param name="parameter">The parameter name for the exception.</param>
    /// <returns>The value.</returns>
    public static TimeSpan PositiveDuration(TimeSpan value, string parameter)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameter, value, $"The duration {value} must be positive.");
        }

        return value;
    }

    /// <summary>Checks a count or limit: zero or more.</summary>
    /// <param name="value">The value.</param>
    /// <param name="parameter">The parameter name for the exception.</param>
    /// <returns>The value.</returns>
    public static int NotNegative(int value, string parameter)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(parameter, value, $"{parameter} is {value}: it cannot be negative.");
        }

        return value;
    }

    /// <summary>Checks a subset name: a lowercase DNS-1123 label of at most 63 characters.</summary>
    /// <param name="name">The subset name.</param>
    /// <param name="parameter">The parameter name for the exception.</param>
    /// <returns>The name.</returns>
    public static string SubsetName(string name, string parameter = "name")
    {
        ArgumentNullException.ThrowIfNull(name, parameter);
        if (name.Length is 0 or > 63 || !IsDns1123Label(name))
        {
            throw new ArgumentException(
                $"\"{name}\" is not a valid subset name: use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit.",
                parameter);
        }

        return name;
    }

    /// <summary>Checks each item with <paramref name="check"/> and adds it to <paramref name="list"/>.</summary>
    internal static void AddAll(List<string> list, string[] items, Func<string, string, string> check, string parameter)
    {
        ArgumentNullException.ThrowIfNull(items, parameter);
        if (list.Count == 0 && list.Capacity < items.Length)
        {
            // Sized to fit: a new list would grow to four items for the usual single host.
            list.Capacity = items.Length;
        }

        foreach (var item in items)
        {
            list.Add(check(item, parameter));
        }
    }

    /// <summary>Lowercase DNS-1123 labels joined by dots (no length limit here; the callers check it).</summary>
    private static bool IsDns1123Subdomain(ReadOnlySpan<char> name)
    {
        foreach (var label in name.Split('.'))
        {
            if (!IsDns1123Label(name[label]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One lowercase DNS-1123 label: <c>[a-z0-9]([-a-z0-9]*[a-z0-9])?</c> (no length limit here).</summary>
    private static bool IsDns1123Label(ReadOnlySpan<char> label)
    {
        if (label.IsEmpty || label[0] == '-' || label[^1] == '-')
        {
            return false;
        }

        foreach (var c in label)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasWhiteSpace(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
