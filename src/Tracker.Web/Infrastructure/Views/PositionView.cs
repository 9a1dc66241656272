using System.Globalization;
using Tracker.Domain.Claims;
using Tracker.Web.Features.Positions;

namespace Tracker.Web.Infrastructure.Views;

/// <summary>How the comparison pages show a position: the same words and colours as the claims table's tags.</summary>
public static class PositionView
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Polarity(int polarity) => polarity < 0 ? "negative" : "positive";

    public static string Polarity(PositionDto position) => Polarity(position.Polarity);

    public static string Polarity(string stance) => StanceRules.TryParse(stance, out var s) ? Polarity(s.Polarity()) : "";

    public static string Stance(string stance, bool negated = false) => StanceRules.Words(stance, negated);

    public static string Stance(PositionDto position) => Stance(position.Stance, position.Negated);

    public static string Intensity(int intensity) => new string('●', intensity) + new string('○', 3 - intensity);

    /// <summary>Signed strength, −3 to +3: what the timeline chart plots.</summary>
    public static int Strength(PositionDto position) => position.Polarity * position.Intensity;

    /// <summary>
    /// The language of a quote, for its lang attribute (font choice, line breaking): the positions carry no
    /// document language, and the script says enough. Han text is tagged zh, Cyrillic ru, anything else en.
    /// </summary>
    public static string Lang(string? text)
    {
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (rune.Value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF)
            {
                return "zh";
            }

            if (rune.Value is >= 0x0400 and <= 0x04FF)
            {
                return "ru";
            }
        }

        return "en";
    }
}
