using Microsoft.Extensions.Options;

namespace Tracker.Web.Infrastructure;

/// <summary>A request that carries a document's text.</summary>
public interface IHasText
{
    string? Text { get; }
}

/// <summary>Refuses texts over the configured limit with 413 before any other work is done on them.</summary>
public sealed class TextLimitFilter<TRequest>(IOptionsSnapshot<TrackerOptions> options) : IEndpointFilter
    where TRequest : IHasText
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var limit = options.Value.MaxDocumentLength;
        if (context.Arguments.OfType<TRequest>().FirstOrDefault()?.Text is { } text && text.Length > limit)
        {
            throw new PayloadTooLargeException($"The text has {text.Length:N0} characters; the limit is {limit:N0} (Tracker:MaxDocumentLength).");
        }

        return next(context);
    }
}

public static class TextLimitFilterExtensions
{
    public static RouteHandlerBuilder LimitText<TRequest>(this RouteHandlerBuilder builder)
        where TRequest : IHasText =>
        builder.AddEndpointFilter<TextLimitFilter<TRequest>>().ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
