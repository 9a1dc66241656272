using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tracker.Web.Features.Errors;

/// <summary>The page for every failed page request: status codes re-executed here and unhandled exceptions.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    // A failed POST is re-executed as a POST; it gets the same page.
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? (HttpContext.Response.StatusCode >= 400 ? HttpContext.Response.StatusCode : 500);
        (Title, Explanation) = status switch
        {
            404 => ("Page not found", "There is nothing at this address. It may have been moved, or the link has a typo."),
            403 => ("Not allowed", "Your role does not allow this. Viewers can read everything; curators and admins make changes."),
            400 => ("The request was refused", "The form may have expired or come from another page. Go back, reload and try again."),
            _ => ("Something went wrong", "The error was logged. Try again in a moment; if it keeps happening, tell an admin."),
        };
    }
}
