namespace Tracker.Domain;

/// <summary>The languages Tracker reads, as BCP 47 tags.</summary>
public static class Languages
{
    public const string ChineseSimplified = "zh-Hans";
    public const string ChineseTraditional = "zh-Hant";
    public const string English = "en";
    public const string Russian = "ru";

    public static IReadOnlyList<string> All { get; } = [ChineseSimplified, ChineseTraditional, English, Russian];

    public static bool IsSupported(string? tag) => tag is not null && All.Contains(tag, StringComparer.Ordinal);

    /// <summary>Accepts the common spellings curators type ("zh", "zh-CN", "EN") and returns the canonical tag.</summary>
    public static string? Canonical(string? tag) => tag?.Trim().ToLowerInvariant() switch
    {
        "zh" or "zh-hans" or "zh-cn" or "zh-sg" => ChineseSimplified,
        "zh-hant" or "zh-tw" or "zh-hk" or "zh-mo" => ChineseTraditional,
        "en" or "en-us" or "en-gb" => English,
        "ru" or "ru-ru" => Russian,
        _ => null,
    };
}
