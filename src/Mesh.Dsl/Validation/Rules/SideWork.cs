using System.Runtime.ExceptionServices;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// Work handed to a thread-pool thread while the starting thread does its own share, then joined. Whichever
/// thread comes first runs it: when the caller joins before a pool thread has picked it up (a busy or starved
/// pool, or a caller that is itself the pool's only thread), the caller runs it inline, so joining never
/// waits on a queue. The pool thread runs it in the caller's execution context (culture included), so its
/// messages are formatted as the caller's would be.
/// </summary>
internal sealed class SideWork
{
    private readonly Action _work;
    // An object, not a System.Threading.Lock: Monitor.Wait and PulseAll need a monitor.
    private readonly object _gate = new();
    private int _claimed;
    private bool _done;
    private ExceptionDispatchInfo? _failure;

    private SideWork(Action work) => _work = work;

    /// <summary>Queues <paramref name="work"/> to the thread pool.</summary>
    public static SideWork Start(Action work)
    {
        var side = new SideWork(work);
        ThreadPool.QueueUserWorkItem(static s => s.TryRun(s._work), side, preferLocal: false);
        return side;
    }

    /// <summary>
    /// Waits for the work (running it here if no pool thread has started it) and rethrows what it threw, as
    /// itself (not wrapped in an <see cref="AggregateException"/>) and with its original stack trace.
    /// </summary>
    public void Join()
    {
        if (!TryRun(_work))
        {
            WaitDone();
        }

        _failure?.Throw();
    }

    /// <summary>
    /// For a caller that is failing with its own exception: drops the work if no thread has started it,
    /// otherwise waits for it to end (so nothing runs on after the caller returns), ignoring its failure.
    /// </summary>
    public void Abandon()
    {
        if (!TryRun(static () => { }))
        {
            WaitDone();
        }
    }

    private void WaitDone()
    {
        lock (_gate)
        {
            while (!_done)
            {
                Monitor.Wait(_gate);
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> (the work, or nothing to drop it) unless a thread has claimed the work already.</summary>
    private bool TryRun(Action work)
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0)
        {
            return false;
        }

        try
        {
            work();
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            lock (_gate)
            {
                _done = true;
                Monitor.PulseAll(_gate);
            }
        }

        return true;
    }
}
