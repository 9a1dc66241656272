namespace Tracker.Web.Infrastructure.Auth;

public static class Roles
{
    public const string Admin = "admin";
    public const string Curator = "curator";
    public const string Viewer = "viewer";
}

public static class Policies
{
    /// <summary>Any signed-in user or valid token.</summary>
    public const string Read = "read";

    /// <summary>Curators and admins: every write.</summary>
    public const string Curate = "curate";

    public const string Admin = "admin";
}
