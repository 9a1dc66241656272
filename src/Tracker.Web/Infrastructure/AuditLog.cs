using System.Text.Json;
using Tracker.Data;
using Tracker.Domain.Auditing;

namespace Tracker.Web.Infrastructure;

/// <summary>Adds audit entries to the unit of work, so they are saved in the same transaction as the change.</summary>
public sealed class AuditLog(TrackerDbContext db, CurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Record(string entityType, object entityId, string action, object? before, object? after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = user.Name,
            EntityType = entityType,
            EntityId = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
}

public sealed record AuditEntryDto(DateTimeOffset At, string Actor, string Action, JsonElement? Before, JsonElement? After);

public static class AuditMapping
{
    public static AuditEntryDto ToDto(this AuditEntry entry) => new(
        entry.At,
        entry.Actor,
        entry.Action,
        Parse(entry.Before),
        Parse(entry.After));

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
