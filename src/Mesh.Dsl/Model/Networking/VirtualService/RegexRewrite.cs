using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>A regular-expression rewrite of the path (Istio message <c>RegexRewrite</c>).</summary>
public sealed class RegexRewrite
{
    internal static readonly MessageSchema<RegexRewrite> Schema = new MessageSchema<RegexRewrite>("RegexRewrite", () => new())
        .Field("match", x => x.Match, (x, v) => x.Match = v, Codecs.String)
        .Field("rewrite", x => x.Rewrite, (x, v) => x.Rewrite = v, Codecs.String);

    /// <summary>The RE2 expression to match, e.g. <c>^/service/([^/]+)(/.*)$</c>.</summary>
    public string? Match { get; set; }

    /// <summary>The substitution, with numbered groups, e.g. <c>\2/instance/\1</c>.</summary>
    public string? Rewrite { get; set; }
}
