namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// What a rule is and what it may report, declared before it runs, as istioctl's analyzers declare theirs
/// (<c>analysis.Metadata</c>: name, description, inputs). The codes are the diagnostic catalogue's
/// (<see cref="DiagnosticCodes"/>); a test checks that every catalogue code has a rule and every rule's codes
/// are in the catalogue, and Debug builds refuse a report with a code the reporting rule did not declare.
/// </summary>
internal sealed class RuleMetadata
{
    /// <param name="name">A unique name, <c>kind.what</c> in lower case (<c>serviceentry.fields</c>, <c>virtualservice.destinations</c>).</param>
    /// <param name="description">What the rule checks, with the catalogue's rule IDs (validation-rules.md).</param>
    /// <param name="kinds">The kinds whose resources the rule reads; empty for every kind.</param>
    /// <param name="codes">Every code the rule may report.</param>
    /// <param name="advice">Whether the rule is security advice, skipped when <see cref="MeshValidator.SecurityAdvice"/> is off.</param>
    /// <remarks>
    /// Arrays, not lists: a collection expression given for an <c>IReadOnlyList</c> parameter becomes a type the
    /// compiler makes for this assembly, whose members the JIT compiles in every run; an array's come precompiled.
    /// </remarks>
    public RuleMetadata(string name, string description, string[] kinds, string[] codes, bool advice = false)
    {
        Name = name;
        Description = description;
        Kinds = kinds;
        Codes = codes;
        IsAdvice = advice;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>
    /// The names of the kinds the rule reads (<c>ServiceEntry</c>); empty for every kind. A mesh rule reports only on
    /// resources of these kinds: it is not run on a mesh that holds none of them (<see cref="MeshRule.AppliesTo"/>).
    /// </summary>
    public IReadOnlyList<string> Kinds { get; }

    public IReadOnlyList<string> Codes { get; }

    public bool IsAdvice { get; }

    /// <summary>Whether <paramref name="code"/> is one this rule declared; compared by reference first, as codes are the catalogue's constants.</summary>
    public bool Declares(string code)
    {
        foreach (var declared in Codes)
        {
            if (ReferenceEquals(declared, code) || declared == code)
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Name;
}
