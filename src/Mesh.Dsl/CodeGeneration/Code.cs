using System.Text;

namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// A C# expression or statement as a tree, rendered on one line when it fits and broken over lines
/// otherwise, so the generated code reads like code a person wrote rather than a dump on one line.
/// </summary>
internal abstract class Code
{
    /// <summary>Lines longer than this are broken where the tree allows.</summary>
    public const int LineWidth = 120;

    public static Code Text(string text) => new AtomCode(text);

    /// <summary>The one-line form, or null when the tree must be broken (it holds a statement block).</summary>
    public abstract string? Flat { get; }

    /// <summary>Writes the code at <paramref name="indent"/>; the current line already holds <paramref name="column"/> characters.</summary>
    public abstract void Render(StringBuilder output, int indent, int column);

    protected static bool Fits(string? flat, int column) => flat is not null && column + flat.Length <= LineWidth && !flat.Contains('\n');

    protected static void NewLine(StringBuilder output, int indent) => output.Append('\n').Append(' ', indent);

    public override string ToString()
    {
        var output = new StringBuilder();
        Render(output, 0, 0);
        return output.ToString();
    }
}

/// <summary>A piece of code that is never broken: a literal, a name, a member access.</summary>
internal sealed class AtomCode(string text) : Code
{
    public override string Flat => text;

    public override void Render(StringBuilder output, int indent, int column) => output.Append(text);
}

/// <summary><c>prefix</c> followed by another piece of code (<c>Hosts = [...]</c>, <c>return x</c>).</summary>
internal sealed class PrefixedCode(string prefix, Code inner, string suffix = "") : Code
{
    public override string? Flat => inner.Flat is { } flat ? prefix + flat + suffix : null;

    public override void Render(StringBuilder output, int indent, int column)
    {
        output.Append(prefix);
        inner.Render(output, indent, column + prefix.Length);
        output.Append(suffix);
    }
}

/// <summary>
/// A bracketed list: an object or collection initializer (<c>new T { A = 1 }</c>, <c>[a, b]</c>) or an
/// argument list. Broken, each item goes on its own line with a trailing comma where C# allows one.
/// </summary>
internal sealed class ListCode(string head, string open, IReadOnlyList<Code> items, string close, bool trailingComma, bool breakBeforeOpen, string flatOpen, string flatClose) : Code
{
    public static ListCode ObjectInitializer(string head, IReadOnlyList<Code> items)
        => new(head, "{", items, "}", trailingComma: true, breakBeforeOpen: true, " { ", " }");

    public static ListCode Collection(IReadOnlyList<Code> items)
        => new(string.Empty, "[", items, "]", trailingComma: true, breakBeforeOpen: false, "[", "]");

    public static ListCode Arguments(string head, IReadOnlyList<Code> items)
        => new(head, "(", items, ")", trailingComma: false, breakBeforeOpen: false, "(", ")");

    public override string? Flat
    {
        get
        {
            if (items.Count == 0)
            {
                return breakBeforeOpen ? (head.EndsWith(')') ? head : head + "()") : head + flatOpen.Trim() + flatClose.Trim();
            }

            var parts = new string[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Flat is not { } flat)
                {
                    return null;
                }

                parts[i] = flat;
            }

            return head + flatOpen + string.Join(", ", parts) + flatClose;
        }
    }

    public override void Render(StringBuilder output, int indent, int column)
    {
        var flat = Flat;
        if (Fits(flat, column))
        {
            output.Append(flat);
            return;
        }

        // An argument list whose last argument alone is long (a lambda, an initializer) keeps the others on the line.
        if (!trailingComma && items.Count > 0 && items.Take(items.Count - 1).All(i => i.Flat is not null))
        {
            var leading = head + open + string.Concat(items.Take(items.Count - 1).Select(i => i.Flat + ", "));
            if (column + leading.Length <= LineWidth - 10)
            {
                output.Append(leading);
                items[^1].Render(output, indent, column + leading.Length);
                output.Append(close);
                return;
            }
        }

        output.Append(head);
        if (breakBeforeOpen)
        {
            NewLine(output, indent);
        }

        output.Append(open);
        for (var i = 0; i < items.Count; i++)
        {
            NewLine(output, indent + 4);
            items[i].Render(output, indent + 4, indent + 4);
            if (trailingComma || i < items.Count - 1)
            {
                output.Append(',');
            }
        }

        if (trailingComma)
        {
            NewLine(output, indent);
        }

        output.Append(close);
    }
}

/// <summary>A fluent chain: <c>receiver.A(...).B(...)</c>, broken one call a line, indented under the receiver.</summary>
internal sealed class ChainCode(string receiver, IReadOnlyList<Code> calls) : Code
{
    public override string? Flat
    {
        get
        {
            var builder = new StringBuilder(receiver);
            foreach (var call in calls)
            {
                if (call.Flat is not { } flat)
                {
                    return null;
                }

                builder.Append('.').Append(flat);
            }

            return builder.ToString();
        }
    }

    public override void Render(StringBuilder output, int indent, int column)
    {
        var flat = Flat;
        if (Fits(flat, column) && calls.Count <= 1)
        {
            output.Append(flat);
            return;
        }

        output.Append(receiver);
        foreach (var call in calls)
        {
            var inner = call;
            if (call is CommentedCode commented)
            {
                // The comment goes above the call's line, not after its dot.
                foreach (var comment in commented.Comments)
                {
                    NewLine(output, indent + 4);
                    output.Append(CommentedCode.Line(comment));
                }

                inner = commented.Inner;
            }

            NewLine(output, indent + 4);
            output.Append('.');
            inner.Render(output, indent + 4, indent + 5);
        }
    }
}

/// <summary>A lambda: <c>x => body</c>, or <c>x => { statements }</c> when it has several statements.</summary>
internal sealed class LambdaCode(string parameter, IReadOnlyList<Code> statements, Code? expression) : Code
{
    public static LambdaCode Expression(string parameter, Code body) => new(parameter, [], body);

    public static LambdaCode Block(string parameter, IReadOnlyList<Code> statements)
        => statements.Count == 1 ? new(parameter, [], statements[0]) : new(parameter, statements, null);

    public override string? Flat => expression?.Flat is { } flat ? parameter + " => " + flat : null;

    public override void Render(StringBuilder output, int indent, int column)
    {
        if (expression is not null)
        {
            output.Append(parameter).Append(" => ");
            expression.Render(output, indent, column + parameter.Length + 4);
            return;
        }

        output.Append(parameter).Append(" =>");
        NewLine(output, indent);
        output.Append('{');
        foreach (var statement in statements)
        {
            NewLine(output, indent + 4);
            statement.Render(output, indent + 4, indent + 4);
            output.Append(';');
        }

        NewLine(output, indent);
        output.Append('}');
    }
}

/// <summary>A statement with the comment lines carried over from the YAML above it.</summary>
internal sealed class CommentedCode(IReadOnlyList<string> comments, Code inner) : Code
{
    public IReadOnlyList<string> Comments => comments;

    public Code Inner => inner;

    public override string? Flat => comments.Count == 0 ? inner.Flat : null;

    /// <summary>One YAML comment's text as a C# line comment.</summary>
    public static string Line(string comment) => comment.Length == 0 ? "//" : "// " + comment;

    public override void Render(StringBuilder output, int indent, int column)
    {
        foreach (var comment in comments)
        {
            output.Append(Line(comment));
            NewLine(output, indent);
        }

        inner.Render(output, indent, column);
    }
}
