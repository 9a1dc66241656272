namespace Tracker.Web.Infrastructure;

/// <summary>The thing asked for does not exist (404).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The request conflicts with the current state, e.g. a stale version (409).</summary>
public sealed class ConflictException(string message, IDictionary<string, object?>? extensions = null) : Exception(message)
{
    public IDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

/// <summary>The payload is larger than the configured limit (413).</summary>
public sealed class PayloadTooLargeException(string message) : Exception(message);
