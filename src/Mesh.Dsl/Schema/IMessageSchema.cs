namespace Mesh.Dsl.Schema;

/// <summary>A <see cref="MessageSchema{T}"/> seen without its type: what a field path needs to resolve names through it.</summary>
internal interface IMessageSchema
{
    /// <summary>The Istio message name, e.g. "ServicePort".</summary>
    string MessageName { get; }

    /// <summary>Finds a field by its wire name (<see cref="MessageSchema{T}.Find"/>).</summary>
    /// <param name="name">The name to look up.</param>
    /// <param name="nested">The schema of the message the field holds, or null for a scalar field.</param>
    /// <returns>Whether the message has the field.</returns>
    bool TryFindField(string name, out IMessageSchema? nested);
}
