using System.Globalization;
using FluentValidation;
using Tracker.Domain.Actors;
using Tracker.Domain.Topics;

namespace Tracker.Web.Infrastructure;

/// <summary>
/// Rules for query strings that name actors and topics ("china,俄方") and dates. Query values arrive as text so
/// that a bad one is answered with a problem naming the field, not the framework's bare 400.
/// </summary>
public static class QueryRules
{
    public static IReadOnlyList<string> SplitNames(string? list) =>
        string.IsNullOrWhiteSpace(list)
            ? []
            : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static IRuleBuilderOptions<T, string?> IsDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => string.IsNullOrWhiteSpace(value) || ParseDate(value) is not null)
            .WithMessage("'{PropertyValue}' is not a date; use yyyy-MM-dd.");

    public static IRuleBuilderOptionsConditions<T, string?> NamesActors<T>(this IRuleBuilder<T, string?> rule, NameDirectory directory, int max) =>
        rule.Must(list => SplitNames(list).Count <= max).WithMessage($"Name at most {max} actors.")
            .CustomAsync(async (list, context, ct) =>
            {
                await directory.PrefetchActorsAsync(SplitNames(list), ct);
                foreach (var name in SplitNames(list))
                {
                    Check(await directory.ActorAsync(name, ct), name, "actor", context);
                }
            });

    public static IRuleBuilderOptionsConditions<T, string?> NamesTopics<T>(this IRuleBuilder<T, string?> rule, NameDirectory directory, int max) =>
        rule.Must(list => SplitNames(list).Count <= max).WithMessage($"Name at most {max} topics.")
            .CustomAsync(async (list, context, ct) =>
            {
                await directory.PrefetchTopicsAsync(SplitNames(list), ct);
                foreach (var name in SplitNames(list))
                {
                    Check(await directory.TopicAsync(name, ct), name, "topic", context);
                }
            });

    /// <summary>Resolves names a validator has already accepted; two names of one entity give it once.</summary>
    public static async Task<List<Actor>> ActorsAsync(this NameDirectory directory, string? list, CancellationToken cancellationToken)
    {
        var actors = new List<Actor>();
        foreach (var name in SplitNames(list))
        {
            var actor = (await directory.ActorAsync(name, cancellationToken)).Entity!;
            if (actors.TrueForAll(known => known.Id != actor.Id))
            {
                actors.Add(actor);
            }
        }

        return actors;
    }

    /// <summary>Resolves names a validator has already accepted; two names of one entity give it once.</summary>
    public static async Task<List<Topic>> TopicsAsync(this NameDirectory directory, string? list, CancellationToken cancellationToken)
    {
        var topics = new List<Topic>();
        foreach (var name in SplitNames(list))
        {
            var topic = (await directory.TopicAsync(name, cancellationToken)).Entity!;
            if (topics.TrueForAll(known => known.Id != topic.Id))
            {
                topics.Add(topic);
            }
        }

        return topics;
    }

    private static void Check<T, TRequest>(Resolution<T> resolution, string name, string what, ValidationContext<TRequest> context)
        where T : class
    {
        if (resolution.IsAmbiguous)
        {
            context.AddFailure($"'{name}' names several {what}s; use a slug.");
        }
        else if (!resolution.IsFound)
        {
            context.AddFailure($"'{name}' is not a known {what}.");
        }
    }
}
