using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Tracker.Web.Infrastructure.Auth;

/// <summary>
/// The API takes a browser session as well as a bearer token, so that htmx in the pages can call it. A change
/// made with the session cookie must then carry the antiforgery token too (htmx sends it as a header on every
/// request), or another site could make a signed-in browser post to the API. Bearer-token calls carry no
/// ambient credential and are not affected.
/// </summary>
public static class SessionAntiforgery
{
    public static IApplicationBuilder UseSessionAntiforgeryOnApi(this IApplicationBuilder app) =>
        app.UseWhen(IsSessionWriteToApi, api => api.Use(async (context, next) =>
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (await antiforgery.IsRequestValidAsync(context))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Missing or invalid antiforgery token",
                    Detail = "A change made with a browser session must send the page's antiforgery token in the RequestVerificationToken header; scripts use an API token instead.",
                },
            });
        }));

    private static bool IsSessionWriteToApi(HttpContext context) =>
        AuthSetup.IsApi(context.Request)
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        && context.Request.Headers.Authorization.Count == 0
        && context.Request.Cookies.ContainsKey(AuthSetup.CookieName);
}
