namespace Mesh.Dsl.Serialization.Comments;

/// <summary>
/// Cuts a multi-document text at its <c>---</c> lines, each piece keeping its own <c>---</c> line (and
/// the file's head comment staying with the first), so each resource can be given the comments of its
/// document. Lines are counted as the readers count them (CR LF, CR, LF, NEL, LS, PS), so a resource's
/// <see cref="ResourceSource.Position"/> says which piece it came from.
/// </summary>
internal static class DocumentSegments
{
    /// <summary>A piece of the text: where it starts, how long it is, and its first and last line (1-based).</summary>
    public readonly record struct Segment(int Start, int Length, int FirstLine, int LastLine);

    public static List<Segment> Split(string text)
    {
        var segments = new List<Segment>();
        var segmentStart = 0;
        var segmentLine = 1;
        var line = 1;
        var lineStart = 0;
        while (true)
        {
            if (lineStart > segmentStart && IsDocumentStart(text, lineStart))
            {
                segments.Add(new Segment(segmentStart, lineStart - segmentStart, segmentLine, line - 1));
                (segmentStart, segmentLine) = (lineStart, line);
            }

            var next = NextLineStart(text, lineStart);
            if (next < 0)
            {
                break;
            }

            (lineStart, line) = (next, line + 1);
        }

        segments.Add(new Segment(segmentStart, text.Length - segmentStart, segmentLine, line));
        return segments;
    }

    private static bool IsDocumentStart(string text, int lineStart)
        => text.AsSpan(lineStart).StartsWith("---") && (lineStart + 3 == text.Length || text[lineStart + 3] is ' ' or '\t' or '\n' or '\r' or '\u0085' or '\u2028' or '\u2029');

    /// <summary>Where the line after the one at <paramref name="lineStart"/> starts, or -1 at the last line.</summary>
    private static int NextLineStart(string text, int lineStart)
    {
        var i = text.AsSpan(lineStart).IndexOfAny("\n\r\u0085\u2028\u2029");
        if (i < 0)
        {
            return -1;
        }

        i += lineStart;
        return text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
    }
}
