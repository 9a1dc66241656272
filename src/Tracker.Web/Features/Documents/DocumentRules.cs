using System.Globalization;
using FluentValidation;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Documents;

/// <summary>Validation of a document's details, the same when it is imported and when they are corrected.</summary>
public static class DocumentRules
{
    public const string DateFormat = "yyyy-MM-dd";

    public static DateOnly ParseDate(string date) => DateOnly.ParseExact(date, DateFormat, CultureInfo.InvariantCulture);

    public static IRuleBuilderOptions<T, string?> IssuedOnDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .Must(d => DateOnly.TryParseExact(d, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .WithMessage("'{PropertyValue}' is not a date; write it as YYYY-MM-DD, e.g. 2025-05-08.");

    public static IRuleBuilderOptions<T, string?> SourceUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(u => string.IsNullOrEmpty(u)
                || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            .WithMessage("The source URL must be an absolute http or https address.")
            .MaximumLength(2000);

    /// <summary>At least one signatory, each naming exactly one actor by slug or alias.</summary>
    public static void Signatories<T>(this AbstractValidator<T> validator, Func<T, List<string>?> signatories, NameDirectory directory)
    {
        validator.RuleFor(x => signatories(x)).Configure(rule => rule.PropertyName = "Signatories").NotEmpty()
            .WithMessage("Name at least one signatory (slug or any alias of an actor).");
        validator.RuleForEach(x => signatories(x)).Configure(rule => rule.PropertyName = "Signatories").CustomAsync(async (name, context, ct) =>
        {
            var resolution = await directory.ActorAsync(name, ct);
            if (resolution.IsAmbiguous)
            {
                context.AddFailure($"'{name}' names several actors ({string.Join(", ", resolution.Candidates.Select(a => a.Slug))}); use a slug.");
            }
            else if (!resolution.IsFound)
            {
                context.AddFailure($"'{name}' is not a known actor. Add it first (POST /api/actors) or use an existing slug or alias.");
            }
        });
    }
}
