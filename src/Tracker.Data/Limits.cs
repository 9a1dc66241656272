namespace Tracker.Data;

/// <summary>Column lengths shared by the configurations and the request validators.</summary>
public static class Limits
{
    public const int Slug = 100;
    public const int Language = 16;
    public const int Alias = 300;
    public const int Title = 500;
    public const int Quote = 4000;
    public const int UserName = 256;
}
