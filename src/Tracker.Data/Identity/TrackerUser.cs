using Microsoft.AspNetCore.Identity;

namespace Tracker.Data.Identity;

/// <summary>A person who signs in. The role (admin, curator, viewer) is an Identity role, one per user.</summary>
public class TrackerUser : IdentityUser
{
    /// <summary>
    /// Set when an admin disables the account. Kept apart from lockout, which clears itself after a while
    /// and belongs to failed sign-ins, not to a decision someone made.
    /// </summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsDisabled => DisabledAt is not null;
}
