using System.Globalization;
using System.Text.RegularExpressions;

namespace Tracker.Domain.Comparison;

/// <summary>
/// Finds the date a commitment promises in its quote: "计划于2025年…", "2030年前", "by 2030", "by March 2026",
/// "within 60 days", "до 2030 года", "к 2030 году". A year alone is due at its end, a month at its last day.
/// </summary>
public static partial class Deadlines
{
    private static readonly string[] EnglishMonths =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    // Genitive forms, as they follow a day number ("до 1 марта 2026 года").
    private static readonly string[] RussianMonths =
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    private static readonly Dictionary<string, int> EnglishNumbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ten"] = 10, ["fifteen"] = 15, ["thirty"] = 30, ["forty-five"] = 45, ["sixty"] = 60, ["ninety"] = 90, ["one hundred twenty"] = 120, ["one hundred eighty"] = 180,
    };

    /// <summary>
    /// The due date, or null when the quote names none. Only a date introduced as a limit counts, and never
    /// one before the statement itself: "落实2018年5月17日签署的协定" and "2030年可持续发展议程" name dates, not
    /// deadlines.
    /// </summary>
    public static DateOnly? Find(string quote, DateOnly issuedOn)
    {
        var due = Chinese(quote) ?? English(quote, issuedOn) ?? Russian(quote);
        return due is { } d && d >= issuedOn ? d : null;
    }

    private static DateOnly? Chinese(string quote)
    {
        var match = ChineseDate().Match(quote);
        return match.Success ? Due(Int(match.Groups["y"]), Int(match.Groups["m"]), Int(match.Groups["d"])) : null;
    }

    private static DateOnly? English(string quote, DateOnly issuedOn)
    {
        var within = EnglishWithin().Match(quote);
        if (within.Success)
        {
            var count = int.TryParse(within.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : EnglishNumbers.GetValueOrDefault(within.Groups["n"].Value.Trim(), 0);
            if (count > 0)
            {
                var unit = within.Groups["unit"].Value.ToLowerInvariant();
                return unit.StartsWith("day", StringComparison.Ordinal) ? issuedOn.AddDays(count)
                    : unit.StartsWith("month", StringComparison.Ordinal) ? issuedOn.AddMonths(count)
                    : issuedOn.AddYears(count);
            }
        }

        var by = EnglishBy().Match(quote);
        if (!by.Success)
        {
            return null;
        }

        var month = by.Groups["m"].Success ? Array.IndexOf(EnglishMonths, by.Groups["m"].Value.ToLowerInvariant()) + 1 : (int?)null;
        return Due(Int(by.Groups["y"]), month, Int(by.Groups["d"]));
    }

    private static DateOnly? Russian(string quote)
    {
        var match = RussianDate().Match(quote);
        if (!match.Success)
        {
            return null;
        }

        var month = match.Groups["m"].Success ? Array.IndexOf(RussianMonths, match.Groups["m"].Value.ToLowerInvariant()) + 1 : (int?)null;
        return Due(Int(match.Groups["y"]), month, Int(match.Groups["d"]));
    }

    private static int? Int(Group group) =>
        group.Success ? int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture) : null;

    private static DateOnly? Due(int? year, int? month, int? day)
    {
        if (year is not { } y || y is < 1900 or > 2200 || month is < 1 or > 12)
        {
            return null;
        }

        if (month is not { } m)
        {
            return new DateOnly(y, 12, 31);
        }

        var last = DateTime.DaysInMonth(y, m);
        return day is { } d && d >= 1 && d <= last ? new DateOnly(y, m, d) : new DateOnly(y, m, last);
    }

    // 于/在/到/至/不迟于 before the date, or 底/前/之前/以前/内 after the year: the date is a limit, not a mention.
    [GeneratedRegex(@"(?:(?:于|在|到|至|截至|不迟于|不晚于)\s*(?<y>\d{4})\s*年(?:\s*(?<m>\d{1,2})\s*月(?:\s*(?<d>\d{1,2})\s*日)?)?)|(?:(?<y>\d{4})\s*年(?:\s*(?<m>\d{1,2})\s*月(?:\s*(?<d>\d{1,2})\s*日)?)?\s*(?:年底|底|之前|以前|前|内))")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"\b(?:by|before|no later than|not later than)\s+(?:the\s+end\s+of\s+)?(?:(?<m>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:(?<d>\d{1,2}),?\s+)?)?(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishBy();

    [GeneratedRegex(@"\bwithin\s+(?<n>\d{1,4}|ten|fifteen|thirty|forty-five|sixty|ninety|one hundred twenty|one hundred eighty)(?:\s*\(\d+\))?\s+(?<unit>days?|months?|years?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWithin();

    [GeneratedRegex(@"(?:\b(?:до|не позднее)\s+(?:(?<d>\d{1,2})\s+(?<m>января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+)?(?<y>\d{4})\s+года)|(?:\bк\s+(?<y>\d{4})\s+году)", RegexOptions.IgnoreCase)]
    private static partial Regex RussianDate();
}
