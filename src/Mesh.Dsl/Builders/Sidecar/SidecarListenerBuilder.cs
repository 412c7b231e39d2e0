using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Base of the builders of Sidecar listeners: port, bind address and capture mode.</summary>
/// <typeparam name="TSelf">The concrete builder.</typeparam>
/// <typeparam name="TListener">The listener message.</typeparam>
public abstract class SidecarListenerBuilder<TSelf, TListener> : PortListenerBuilder<TSelf, TListener>
    where TSelf : SidecarListenerBuilder<TSelf, TListener>
    where TListener : class, ISidecarListener
{
    /// <summary>Creates a builder over a listener.</summary>
    /// <param name="target">The listener to fill in.</param>
    protected SidecarListenerBuilder(TListener target)
        : base(target)
    {
    }

    /// <summary>Sets how traffic reaches the listener.</summary>
    /// <param name="mode">The capture mode.</param>
    /// <returns>This builder.</returns>
    public TSelf CaptureMode(CaptureMode mode)
    {
        Target.CaptureMode = mode;
        return Self;
    }
}
