using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;
using Tracker.Domain;
using Tracker.Domain.Digests;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Digests;

/// <summary>What the subscription form posts (bound as "Input"); it becomes the API's save request.</summary>
public sealed class SubscriptionInput
{
    public string? Email { get; set; }
    public string? Name { get; set; }
    public string Cadence { get; set; } = "weekly";
    public string DayOfWeek { get; set; } = "monday";
    public int? Hour { get; set; } = 8;
    public string? TimeZone { get; set; }
    public bool ChangesOnly { get; set; } = true;
    public List<string> Actors { get; set; } = [];
    public List<string> Topics { get; set; } = [];

    public SaveSubscriptionRequest ToRequest() => new(
        Email?.Trim(), string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(), Cadence, Hour,
        string.IsNullOrWhiteSpace(TimeZone) ? "UTC" : TimeZone, DayOfWeek, ChangesOnly,
        Actors.Where(a => !string.IsNullOrWhiteSpace(a)).ToList(), Topics.Where(t => !string.IsNullOrWhiteSpace(t)).ToList());

    public static SubscriptionInput From(SubscriptionDto dto) => new()
    {
        Email = dto.Email, Name = dto.Name, Cadence = dto.Cadence, DayOfWeek = dto.DayOfWeek, Hour = dto.Hour,
        TimeZone = dto.TimeZone, ChangesOnly = dto.ChangesOnly, Actors = [.. dto.Actors], Topics = [.. dto.Topics],
    };
}

/// <summary>One choice of the actor or topic picker; <see cref="Search"/> holds every alias, folded, for the filter box.</summary>
public sealed record PickerOption(string Slug, string Label, string Search, int Depth);

/// <summary>Everything the subscription form shows besides the input: pickers, zones, who may address whom.</summary>
public sealed record SubscriptionFormView(
    SubscriptionInput Input,
    IReadOnlyList<PickerOption> Actors,
    IReadOnlyList<PickerOption> Topics,
    bool IsAdmin,
    bool IsNew,
    string SubmitLabel);

public static partial class SubscriptionForm
{
    public static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>IANA zones the server knows, UTC first; the validator accepts exactly these.</summary>
    public static IReadOnlyList<string> TimeZones { get; } = ["UTC", .. TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id)
        .Where(id => id.Contains('/', StringComparison.Ordinal) && !id.StartsWith("Etc/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)];

    /// <summary>Actors by name; topics as a tree (parents before children), each with all its aliases to search.</summary>
    public static async Task<(List<PickerOption> Actors, List<PickerOption> Topics)> OptionsAsync(TrackerDbContext db, CancellationToken cancellationToken)
    {
        var actors = await db.Actors.AsNoTracking().Include(a => a.Aliases).ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().Include(t => t.Aliases).ToListAsync(cancellationToken);
        static string Fold(string slug, IEnumerable<string> aliases) => string.Join(" | ", aliases.Prepend(slug)).ToLowerInvariant();

        var children = topics.ToLookup(t => t.ParentId);
        var tree = new List<PickerOption>();
        void Walk(int? parentId, int depth)
        {
            foreach (var topic in children[parentId].OrderBy(t => t.DisplayName(Languages.English), StringComparer.OrdinalIgnoreCase))
            {
                tree.Add(new PickerOption(topic.Slug, topic.DisplayName(Languages.English), Fold(topic.Slug, topic.Aliases.Select(a => a.Text)), depth));
                Walk(topic.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return (
            actors.Select(a => new PickerOption(a.Slug, a.DisplayName(Languages.English), Fold(a.Slug, a.Aliases.Select(x => x.Text)), 0))
                .OrderBy(o => o.Label, StringComparer.OrdinalIgnoreCase).ToList(),
            tree);
    }

    /// <summary>Puts the validator's and handler's errors next to the form's fields ("Actors[1]" → "Input.Actors").</summary>
    public static void AddErrors(ModelStateDictionary modelState, ValidationException exception) =>
        modelState.AddValidationErrors(exception, property => "Input." + Index().Replace(property, ""));

    [GeneratedRegex(@"\[\d+\]$")]
    private static partial Regex Index();
}
