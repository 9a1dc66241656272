namespace Tracker.Domain.Claims;

public enum ClaimStatus
{
    Suggested,
    Accepted,
    Rejected,
}
