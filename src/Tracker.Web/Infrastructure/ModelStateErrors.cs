using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Tracker.Web.Infrastructure;

/// <summary>Puts a shared validator's errors next to the form fields they concern.</summary>
public static class ModelStateErrors
{
    public static void AddValidationErrors(this ModelStateDictionary modelState, ValidationException exception, Func<string, string> fieldOf)
    {
        foreach (var error in exception.Errors)
        {
            modelState.AddModelError(fieldOf(error.PropertyName), error.ErrorMessage);
        }
    }

    /// <summary>
    /// The validators of actors and topics name JSON fields ("names", "parent"); their edit forms bind the same
    /// values as Names.Names, Names.Aliases and Parent.
    /// </summary>
    public static string NamedEntityField(string property) => property.ToLowerInvariant() switch
    {
        "names" => "Names.Names",
        "aliases" => "Names.Aliases",
        var other when other.Length > 0 => char.ToUpperInvariant(other[0]) + other[1..],
        _ => "",
    };
}
