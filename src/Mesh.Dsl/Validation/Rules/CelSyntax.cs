using System.Globalization;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// The syntax of Common Expression Language (CEL) expressions, as istiod checks a Telemetry access-log filter: it parses
/// the expression (cel-go's <c>Env.Parse</c>, with the standard macros) and does not type-check it, so any identifiers
/// and functions are allowed. The grammar is CEL's (github.com/google/cel-spec, doc/langdef.md): the conditional,
/// logical, relational (with <c>in</c>), arithmetic and unary operators, member selection, indexing, calls, list and
/// map literals, message construction, and the literals with their escapes; the macros' argument forms are checked
/// as cel-go's parser does (<c>has</c> takes a field selection, the comprehensions a variable name).
/// </summary>
internal static class CelSyntax
{
    // cel-go's default limits: the expression's length in code points and the parser's nesting depth.
    private const int MaxLength = 100_000;
    private const int MaxDepth = 250;

    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
        "namespace", "return", "var", "void", "while",
    };

    private static readonly HashSet<string> ComprehensionMacros = new(StringComparer.Ordinal) { "all", "exists", "exists_one", "filter", "map" };

    /// <summary>Returns null when <paramref name="expression"/> parses, otherwise what is wrong and where (1-based column).</summary>
    public static string? Check(string expression)
    {
        if (expression.Length > MaxLength)
        {
            return $"the expression is longer than {MaxLength} characters";
        }

        try
        {
            var parser = new Parser(Lex(expression));
            parser.ParseExpression();
            parser.ExpectEnd();
            return null;
        }
        catch (SyntaxException e)
        {
            return e.Message;
        }
    }

    private enum Kind
    {
        Identifier,
        Literal,
        Operator,
        End,
    }

    private readonly record struct Token(Kind Kind, string Text, int Column);

    private sealed class SyntaxException(string message) : Exception(message);

    private static List<Token> Lex(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                i++;
            }
            else if (c == '/' && i + 1 < s.Length && s[i + 1] == '/')
            {
                while (i < s.Length && s[i] != '\n')
                {
                    i++;
                }
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
            {
                tokens.Add(new Token(Kind.Literal, "number", i + 1));
                i = LexNumber(s, i);
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(new Token(Kind.Literal, "string", i + 1));
                i = LexString(s, i, raw: false);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_'))
                {
                    i++;
                }

                var word = s[start..i];
                var isPrefix = word.ToLowerInvariant() is "r" or "b" or "rb" or "br";
                if (isPrefix && i < s.Length && s[i] is '"' or '\'')
                {
                    tokens.Add(new Token(Kind.Literal, "string", start + 1));
                    i = LexString(s, i, raw: word.Contains('r', StringComparison.OrdinalIgnoreCase));
                }
                else if (word is "true" or "false" or "null")
                {
                    tokens.Add(new Token(Kind.Literal, word, start + 1));
                }
                else if (word == "in")
                {
                    tokens.Add(new Token(Kind.Operator, word, start + 1));
                }
                else
                {
                    tokens.Add(new Token(Kind.Identifier, word, start + 1));
                }
            }
            else
            {
                var two = i + 1 < s.Length ? s.Substring(i, 2) : string.Empty;
                if (two is "==" or "!=" or "<=" or ">=" or "&&" or "||")
                {
                    tokens.Add(new Token(Kind.Operator, two, i + 1));
                    i += 2;
                }
                else if ("<>+-*/%!?:.,()[]{}".Contains(c))
                {
                    tokens.Add(new Token(Kind.Operator, c.ToString(), i + 1));
                    i++;
                }
                else
                {
                    throw new SyntaxException($"unexpected character '{c}' at column {i + 1}");
                }
            }
        }

        tokens.Add(new Token(Kind.End, "end of expression", s.Length + 1));
        return tokens;
    }

    private static int LexNumber(string s, int i)
    {
        var start = i;
        if (s[i] == '0' && i + 1 < s.Length && s[i + 1] is 'x' or 'X')
        {
            i += 2;
            var digits = i;
            while (i < s.Length && char.IsAsciiHexDigit(s[i]))
            {
                i++;
            }

            if (i == digits || !ulong.TryParse(s.AsSpan(digits, i - digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _))
            {
                throw new SyntaxException($"invalid hexadecimal literal at column {start + 1}");
            }

            return i < s.Length && s[i] is 'u' or 'U' ? i + 1 : i;
        }

        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        var isDouble = false;
        if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
        {
            isDouble = true;
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            var exponent = i + 1;
            if (exponent < s.Length && s[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < s.Length && char.IsAsciiDigit(s[exponent]))
            {
                isDouble = true;
                i = exponent;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }
            }
        }

        if (isDouble)
        {
            return i;
        }

        // An integer literal must fit a 64-bit integer (2^63 only as the operand of a minus, which is not told apart here).
        if (!ulong.TryParse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || (value > 9_223_372_036_854_775_808UL && !(i < s.Length && s[i] is 'u' or 'U')))
        {
            throw new SyntaxException($"integer literal out of range at column {start + 1}");
        }

        return i < s.Length && s[i] is 'u' or 'U' ? i + 1 : i;
    }

    private static int LexString(string s, int i, bool raw)
    {
        var start = i;
        var quote = s[i];
        var triple = i + 2 < s.Length && s[i + 1] == quote && s[i + 2] == quote;
        i += triple ? 3 : 1;
        while (i < s.Length)
        {
            var c = s[i];
            if (triple ? c == quote && i + 2 < s.Length && s[i + 1] == quote && s[i + 2] == quote : c == quote)
            {
                return i + (triple ? 3 : 1);
            }

            if (!triple && c is '\n' or '\r')
            {
                break;
            }

            if (c == '\\' && !raw)
            {
                i = LexEscape(s, i, start);
            }
            else
            {
                i++;
            }
        }

        throw new SyntaxException($"unterminated string literal at column {start + 1}");
    }

    private static int LexEscape(string s, int i, int start)
    {
        if (i + 1 >= s.Length)
        {
            throw new SyntaxException($"unterminated string literal at column {start + 1}");
        }

        var e = s[i + 1];
        int HexDigits(int count)
        {
            for (var k = 0; k < count; k++)
            {
                if (i + 2 + k >= s.Length || !char.IsAsciiHexDigit(s[i + 2 + k]))
                {
                    throw new SyntaxException($"invalid escape sequence at column {i + 1}");
                }
            }

            return i + 2 + count;
        }

        return e switch
        {
            '\\' or '?' or '"' or '\'' or '`' or 'a' or 'b' or 'f' or 'n' or 'r' or 't' or 'v' => i + 2,
            'x' or 'X' => HexDigits(2),
            'u' => HexDigits(4),
            'U' => HexDigits(8),
            >= '0' and <= '3' when i + 3 < s.Length && s[i + 2] is >= '0' and <= '7' && s[i + 3] is >= '0' and <= '7' => i + 4,
            _ => throw new SyntaxException($"invalid escape sequence at column {i + 1}"),
        };
    }

    /// <summary>The recursive-descent parser of CEL's grammar; it only accepts or rejects, building nothing but the forms macros need.</summary>
    private sealed class Parser(List<Token> tokens)
    {
        private int _position;
        private int _depth;

        // What an expression is, as far as the macros' argument checks need to know.
        private enum Form
        {
            Other,
            Identifier,
            Selection,
        }

        private Token Current => tokens[_position];

        public void ExpectEnd()
        {
            if (Current.Kind != Kind.End)
            {
                throw Unexpected();
            }
        }

        public void ParseExpression() => ParseNested();

        private Form ParseNested()
        {
            if (++_depth > MaxDepth)
            {
                throw new SyntaxException($"the expression nests more than {MaxDepth} levels deep");
            }

            var form = ParseOr();
            if (Accept("?"))
            {
                ParseOr();
                Expect(":");
                ParseNested();
                form = Form.Other;
            }

            _depth--;
            return form;
        }

        private Form ParseOr() => ParseBinary(ParseAnd, "||");

        private Form ParseAnd() => ParseBinary(ParseRelation, "&&");

        private Form ParseRelation() => ParseBinary(ParseAddition, "<", "<=", ">", ">=", "==", "!=", "in");

        private Form ParseAddition() => ParseBinary(ParseMultiplication, "+", "-");

        private Form ParseMultiplication() => ParseBinary(ParseUnary, "*", "/", "%");

        private Form ParseBinary(Func<Form> operand, params string[] operators)
        {
            var form = operand();
            while (Current.Kind == Kind.Operator && Array.IndexOf(operators, Current.Text) >= 0)
            {
                _position++;
                operand();
                form = Form.Other;
            }

            return form;
        }

        private Form ParseUnary()
        {
            if (Current.Kind == Kind.Operator && Current.Text is "!" or "-")
            {
                var op = Current.Text;
                while (Accept(op))
                {
                }

                ParseMember();
                return Form.Other;
            }

            return ParseMember();
        }

        private Form ParseMember()
        {
            var (form, qualifiedName) = ParsePrimary();
            while (true)
            {
                if (Accept("."))
                {
                    var name = ExpectIdentifier();
                    if (Accept("("))
                    {
                        var arguments = ParseArguments(")");
                        CheckMacro(name.Text, arguments, receiver: true, name.Column);
                        form = Form.Other;
                        qualifiedName = false;
                    }
                    else
                    {
                        form = Form.Selection;
                    }
                }
                else if (Accept("["))
                {
                    ParseNested();
                    Expect("]");
                    form = Form.Other;
                    qualifiedName = false;
                }
                else if (qualifiedName && Current is { Kind: Kind.Operator, Text: "{" })
                {
                    // Message construction: a (qualified) type name, then field initialisers.
                    _position++;
                    ParseFieldInitialisers();
                    form = Form.Other;
                    qualifiedName = false;
                }
                else
                {
                    return form;
                }
            }
        }

        private (Form Form, bool QualifiedName) ParsePrimary()
        {
            var token = Current;
            if (token.Kind == Kind.Literal)
            {
                _position++;
                return (Form.Other, false);
            }

            if (token.Kind == Kind.Identifier || (token is { Kind: Kind.Operator, Text: "." } && tokens[_position + 1].Kind == Kind.Identifier))
            {
                var leadingDot = Accept(".");
                var name = ExpectIdentifier();

                // As in cel-go, a reserved word is no variable or function name, yet may name a field (source.namespace).
                if (ReservedWords.Contains(name.Text))
                {
                    throw new SyntaxException($"reserved identifier '{name.Text}' at column {name.Column}");
                }
                if (Accept("("))
                {
                    var arguments = ParseArguments(")");
                    if (!leadingDot)
                    {
                        CheckMacro(name.Text, arguments, receiver: false, name.Column);
                    }

                    return (Form.Other, false);
                }

                return (Form.Identifier, true);
            }

            if (Accept("("))
            {
                ParseNested();
                Expect(")");
                return (Form.Other, false);
            }

            if (Accept("["))
            {
                ParseArguments("]", allowTrailingComma: true);
                return (Form.Other, false);
            }

            if (Accept("{"))
            {
                if (!Accept("}"))
                {
                    do
                    {
                        if (Current is { Kind: Kind.Operator, Text: "}" })
                        {
                            break;
                        }

                        ParseNested();
                        Expect(":");
                        ParseNested();
                    }
                    while (Accept(","));

                    Expect("}");
                }

                return (Form.Other, false);
            }

            throw Unexpected();
        }

        private void ParseFieldInitialisers()
        {
            if (Accept("}"))
            {
                return;
            }

            do
            {
                if (Current is { Kind: Kind.Operator, Text: "}" })
                {
                    break;
                }

                ExpectIdentifier();
                Expect(":");
                ParseNested();
            }
            while (Accept(","));

            Expect("}");
        }

        private List<Form> ParseArguments(string close, bool allowTrailingComma = false)
        {
            var forms = new List<Form>();
            if (Accept(close))
            {
                return forms;
            }

            do
            {
                if (allowTrailingComma && forms.Count > 0 && Current.Kind == Kind.Operator && Current.Text == close)
                {
                    break;
                }

                forms.Add(ParseNested());
            }
            while (Accept(","));

            Expect(close);
            return forms;
        }

        private static void CheckMacro(string name, List<Form> arguments, bool receiver, int column)
        {
            if (!receiver && name == "has" && arguments.Count == 1 && arguments[0] != Form.Selection)
            {
                throw new SyntaxException($"invalid argument to has() macro at column {column}: it takes a field selection such as has(request.headers.x)");
            }

            if (receiver && ComprehensionMacros.Contains(name) && (arguments.Count == 2 || (arguments.Count == 3 && name == "map")) && arguments[0] != Form.Identifier)
            {
                throw new SyntaxException($"the first argument of {name}() at column {column} must be a simple variable name");
            }
        }

        private bool Accept(string text)
        {
            if (Current.Kind == Kind.Operator && Current.Text == text)
            {
                _position++;
                return true;
            }

            return false;
        }

        private void Expect(string text)
        {
            if (!Accept(text))
            {
                throw Unexpected(text);
            }
        }

        private Token ExpectIdentifier()
        {
            if (Current.Kind != Kind.Identifier)
            {
                throw Unexpected("an identifier");
            }

            return tokens[_position++];
        }

        private SyntaxException Unexpected(string? expected = null)
        {
            var found = Current.Kind switch
            {
                Kind.End => "end of expression",
                Kind.Literal => $"{Current.Text} literal",
                _ => $"'{Current.Text}'",
            };
            return new SyntaxException(expected is null
                ? $"unexpected {found} at column {Current.Column}"
                : $"expected {(expected.Length == 1 ? $"'{expected}'" : expected)} but found {found} at column {Current.Column}");
        }
    }
}
