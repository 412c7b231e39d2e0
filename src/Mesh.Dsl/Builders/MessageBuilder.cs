namespace Mesh.Dsl.Builders;

/// <summary>
/// Base of every builder: a fluent view over one model message. The builder writes straight into
/// <see cref="Target"/>, so a builder made over an existing object edits that object.
/// </summary>
/// <typeparam name="TSelf">The concrete builder, returned by every method so calls chain.</typeparam>
/// <typeparam name="TMessage">The model message being built.</typeparam>
public abstract class MessageBuilder<TSelf, TMessage>
    where TSelf : MessageBuilder<TSelf, TMessage>
    where TMessage : class
{
    /// <summary>Creates a builder over <paramref name="target"/>.</summary>
    /// <param name="target">The message to fill in.</param>
    protected MessageBuilder(TMessage target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;
    }

    /// <summary>The plain model object this builder fills in: the escape hatch for anything unusual.</summary>
    public TMessage Target { get; }

    /// <summary>The builder itself, typed as the concrete builder.</summary>
    protected TSelf Self => (TSelf)this;

    /// <summary>Edits the plain model object directly, for what the fluent methods do not cover.</summary>
    /// <param name="edit">The edit to apply.</param>
    /// <returns>This builder.</returns>
    public TSelf Edit(Action<TMessage> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        edit(Target);
        return Self;
    }

    /// <summary>Configures a child message through its builder, creating the child if it is not there yet.</summary>
    /// <typeparam name="TChild">The child message type.</typeparam>
    /// <typeparam name="TChildBuilder">The child's builder.</typeparam>
    /// <param name="get">Reads the child.</param>
    /// <param name="set">Stores a new child.</param>
    /// <param name="createBuilder">Makes the child's builder.</param>
    /// <param name="configure">The caller's configuration.</param>
    /// <returns>This builder.</returns>
    protected TSelf Child<TChild, TChildBuilder>(Func<TMessage, TChild?> get, Action<TMessage, TChild> set, Func<TChild, TChildBuilder> createBuilder, Action<TChildBuilder>? configure)
        where TChild : class, new()
    {
        var child = get(Target);
        if (child is null)
        {
            child = new TChild();
            set(Target, child);
        }

        configure?.Invoke(createBuilder(child));
        return Self;
    }

    /// <summary>Appends a new item to a list of messages, configured through its builder.</summary>
    /// <typeparam name="TChild">The item type.</typeparam>
    /// <typeparam name="TChildBuilder">The item's builder.</typeparam>
    /// <param name="list">The list to append to.</param>
    /// <param name="createBuilder">Makes the item's builder.</param>
    /// <param name="configure">The caller's configuration.</param>
    /// <returns>This builder.</returns>
    protected TSelf AddChild<TChild, TChildBuilder>(List<TChild> list, Func<TChild, TChildBuilder> createBuilder, Action<TChildBuilder>? configure)
        where TChild : class, new()
    {
        var child = new TChild();
        configure?.Invoke(createBuilder(child));
        AddItem(list, child);
        return Self;
    }

    /// <summary>As the protected <c>Child</c> overload, with the child made by <paramref name="create"/> instead of through the <c>new()</c> constraint (which costs a reflection call per child in shared generic code).</summary>
    private protected TSelf Child<TChild, TChildBuilder>(Func<TMessage, TChild?> get, Action<TMessage, TChild> set, Func<TChild> create, Func<TChild, TChildBuilder> createBuilder, Action<TChildBuilder>? configure)
        where TChild : class
    {
        var child = get(Target);
        if (child is null)
        {
            child = create();
            set(Target, child);
        }

        configure?.Invoke(createBuilder(child));
        return Self;
    }

    /// <summary>As the protected <c>AddChild</c> overload, with the item made by <paramref name="create"/> instead of through the <c>new()</c> constraint.</summary>
    private protected TSelf AddChild<TChild, TChildBuilder>(List<TChild> list, Func<TChild> create, Func<TChild, TChildBuilder> createBuilder, Action<TChildBuilder>? configure)
        where TChild : class
    {
        var child = create();
        configure?.Invoke(createBuilder(child));
        AddItem(list, child);
        return Self;
    }

    /// <summary>
    /// Appends an item to a list of the model, sizing a new list for one item where <see cref="List{T}"/>
    /// would make room for four: most such lists (routes, matches, destinations, port settings) hold one.
    /// </summary>
    private protected static void AddItem<TItem>(List<TItem> list, TItem item)
    {
        if (list.Capacity == 0)
        {
            list.Capacity = 1;
        }

        list.Add(item);
    }
}
