using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Tracker.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>Puts a handler's validation errors next to the fields of the form bound at <paramref name="prefix"/>.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationException exception, string prefix = "")
    {
        foreach (var error in exception.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }
    }
}
