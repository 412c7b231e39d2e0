namespace Mesh.Dsl.Serialization.Comments;

/// <summary>
/// The comments of a Kubernetes <c>List</c> document (<c>kubectl get -o yaml</c> of several objects), shared out among
/// its items, which the formatter writes as documents of their own: each item gets the comments above it and inside
/// it, at the same paths as in a document of its own (the item's <c>spec.hosts</c> is the List's
/// <c>items[i].spec.hosts</c>), so they move with its fields exactly as a top-level document's do. The List's own
/// comments (its head, those beside <c>apiVersion</c>, <c>kind</c>, <c>metadata</c> and <c>items</c>, its end) are
/// kept too: those that stand before the first item go above the first document, the others after the last.
/// </summary>
internal static class ListItemComments
{
    /// <summary>The comments of each item of the List whose comments are <paramref name="list"/>.</summary>
    /// <param name="list">The comments of the whole List document.</param>
    /// <param name="itemLines">The line of the List document's text (1-based) at which each item starts, in order.</param>
    public static DocumentComments[] Split(DocumentComments list, IReadOnlyList<int> itemLines)
    {
        var count = itemLines.Count;
        var items = new DocumentComments[count];
        if (list.IsEmpty || count == 0)
        {
            Array.Fill(items, DocumentComments.None);
            return items;
        }

        // An item's comments are those its node in the tree holds: the lines above it and everything below it.
        var itemsNode = list.Root.Key("items");
        var nodes = new CommentNode[count];
        var ofAnItem = new bool[list.Count];
        var collected = new List<SourceComment>();
        for (var i = 0; i < count; i++)
        {
            nodes[i] = itemsNode?.Item(i) ?? new CommentNode();
            collected.Clear();
            nodes[i].CollectAll(collected);
            foreach (var comment in collected)
            {
                ofAnItem[comment.Ordinal] = true;
            }
        }

        var before = new List<SourceComment>();
        foreach (var comment in list.AllInSourceOrder())
        {
            if (ofAnItem[comment.Ordinal])
            {
                continue;
            }

            if (comment.Position.Line < itemLines[0])
            {
                before.Add(comment);
            }
            else
            {
                // After the last item's own comments: the writer closes a document with what is left, in source order.
                nodes[count - 1].AddEnd(comment);
            }
        }

        for (var i = 0; i < count; i++)
        {
            // The lines above an item head its document; after the List's own head for the first.
            var head = i == 0 ? before : [];
            if (nodes[i].Before is { } above)
            {
                head.AddRange(above);
            }

            items[i] = new DocumentComments(head, nodes[i], list.Count);
        }

        return items;
    }
}
