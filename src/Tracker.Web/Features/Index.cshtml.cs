using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tracker.Web.Features;

/// <summary>The start page is the claims table: it is what analysts open the tracker for.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect("/claims");
}
