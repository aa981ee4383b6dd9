namespace Crosscheck.Queue;

/// <summary>A work queue that cannot be reached or used; the message is one line naming it and saying what to do.</summary>
public sealed class QueueException(string message, Exception? inner = null) : Exception(message, inner);
