using FluentValidation;
using Tracker.Data;
using Tracker.Domain;

namespace Tracker.Web.Infrastructure;

/// <summary>Validation shared by everything that has names and aliases per language (actors, topics).</summary>
public static class AliasRules
{
    public static void NamesAndAliases<T>(
        this AbstractValidator<T> validator,
        Func<T, Dictionary<string, string>?> names,
        Func<T, Dictionary<string, List<string>>?> aliases)
    {
        validator.RuleFor(x => names(x))
            .NotEmpty().WithName("names").WithMessage("Give a name in at least one language, e.g. {\"en\": \"China\"}.")
            .Must(n => n!.Keys.All(Languages.IsSupported)).WithName("names")
            .WithMessage($"Names are keyed by language: {string.Join(", ", Languages.All)}.")
            .Must(n => n!.Values.All(v => !string.IsNullOrWhiteSpace(v) && v.Length <= Limits.Alias)).WithName("names")
            .WithMessage($"Every name must be non-empty text of at most {Limits.Alias} characters.");

        validator.RuleFor(x => aliases(x))
            .Must(a => a is null || a.Keys.All(Languages.IsSupported)).WithName("aliases")
            .WithMessage($"Aliases are keyed by language: {string.Join(", ", Languages.All)}.")
            .Must(a => a is null || a.Values.All(list => list.All(v => !string.IsNullOrWhiteSpace(v) && v.Length <= Limits.Alias))).WithName("aliases")
            .WithMessage($"Every alias must be non-empty text of at most {Limits.Alias} characters.");
    }

    public static IRuleBuilderOptions<T, string?> Slug<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(s => s is null || (s.Length <= Limits.Slug && s == AliasKey.Slugify(s) && s.Length > 0))
            .WithMessage("A slug is lower-case letters and digits joined by single dashes, e.g. 'missile-defense'.");
}
