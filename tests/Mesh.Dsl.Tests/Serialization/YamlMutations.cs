using System.Text;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>Random small edits of YAML text, with the characters most likely to confuse a YAML reader.</summary>
internal static class YamlMutations
{
    private const string Alphabet = "-:[]{},#&*!|>'\"%@`?\t\n \\~.09azAZ\r\u00a0\u2028\0\uFEFF";

    /// <summary>One of <paramref name="texts"/> with 1 to <paramref name="maxEdits"/> characters inserted, removed or replaced.</summary>
    public static string Mutate(Random random, string[] texts, int maxEdits)
    {
        var text = new StringBuilder(texts[random.Next(texts.Length)]);
        for (var m = random.Next(1, maxEdits + 1); m > 0; m--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0:
                    text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 1:
                    text.Remove(at, 1);
                    break;
                default:
                    text[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
            }
        }

        return text.ToString();
    }
}
