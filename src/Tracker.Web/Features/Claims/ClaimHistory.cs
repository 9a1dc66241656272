using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tracker.Data;

namespace Tracker.Web.Features.Claims;

/// <summary>One audit entry of a claim, told as a person reads it: who, when, what changed.</summary>
public sealed record ClaimHistoryLine(DateTimeOffset At, string Actor, string Action, IReadOnlyList<string> Changes);

/// <summary>The audit log of one claim for the reader's edit panel; the API serves the raw entries.</summary>
public sealed class ClaimHistoryHandler(TrackerDbContext db)
{
    private static readonly string[] Fields = ["quote", "holders", "stance", "intensity", "topic", "target", "implicit", "negated", "note", "status"];

    public async Task<List<ClaimHistoryLine>> HandleAsync(int claimId, CancellationToken cancellationToken)
    {
        var key = claimId.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "claim" && a.EntityId == key)
            .OrderByDescending(a => a.Id)
            .ToListAsync(cancellationToken);
        return entries.Select(e => new ClaimHistoryLine(e.At, e.Actor, e.Action, Changes(e.Before, e.After))).ToList();
    }

    private static List<string> Changes(string? before, string? after)
    {
        if (before is null || after is null)
        {
            return [];
        }

        using var a = JsonDocument.Parse(before);
        using var b = JsonDocument.Parse(after);
        var changes = new List<string>();
        foreach (var field in Fields)
        {
            var old = Show(a.RootElement, field);
            var now = Show(b.RootElement, field);
            if (old != now)
            {
                changes.Add($"{field}: {old} → {now}");
            }
        }

        return changes;
    }

    private static string Show(JsonElement claim, string field)
    {
        if (!claim.TryGetProperty(field, out var value))
        {
            return "–";
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null => "–",
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => Name(v))),
            JsonValueKind.Object => Name(value),
            _ => value.ToString(),
        };
    }

    private static string Name(JsonElement value) =>
        value.ValueKind != JsonValueKind.Object ? value.ToString()
        : value.TryGetProperty("label", out var label) ? label.ToString()
        : value.TryGetProperty("name", out var name) ? name.ToString()
        : value.ToString();
}
