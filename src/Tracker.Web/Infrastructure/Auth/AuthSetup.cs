using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Tracker.Data;
using Tracker.Data.Identity;

namespace Tracker.Web.Infrastructure.Auth;

/// <summary>
/// Pages sign in with a cookie (ASP.NET Core Identity); /api takes bearer tokens. A policy scheme picks one
/// per request, so one set of policies serves both.
/// </summary>
public static class AuthSetup
{
    public const string PolicySchemeName = "CookieOrToken";
    public const string CookieName = "tracker.auth";
    public const string SignInPath = "/account/sign-in";
    public const int MaxFailedSignIns = 5;

    public static IServiceCollection AddTrackerAuth(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Tracker");
        // The keys live beside the database: cookies and sign-in links survive a restart, and a backup of the
        // data directory is a backup of everything. Resolved from options so tests' data directories count.
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<TrackerOptions>, ILoggerFactory>((options, tracker, loggers) =>
        {
            var keys = Directory.CreateDirectory(Path.Combine(Path.GetFullPath(tracker.Value.DataDirectory), "keys"));
            options.XmlRepository = new FileSystemXmlRepository(keys, loggers);
        });

        services.AddIdentityCore<TrackerUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): long passphrases, no forced symbol soup.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TrackerDbContext>()
            .AddSignInManager<TrackerSignInManager>()
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(1));
        // Role changes and disabling reach open sessions within this interval.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromSeconds(30));

        services.AddAuthentication(PolicySchemeName)
            .AddPolicyScheme(PolicySchemeName, "Cookie for pages, bearer token for scripts", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count > 0
                    || (IsApi(context.Request) && !context.Request.Cookies.ContainsKey(CookieName))
                        ? ApiTokenAuthenticationHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = SignInPath;
                options.ExpireTimeSpan = TimeSpan.FromDays(7);
                options.SlidingExpiration = true;
                options.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
                    OnRedirectToLogin = RedirectToSignInAsync,
                    OnRedirectToAccessDenied = ForbidAsync,
                };
            });
        return services;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static async Task RedirectToSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        if (IsApi(http.Request))
        {
            // A browser session that expired on an API call is answered like a script without a token.
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteProblemAsync(http, "Unauthorized", "This call needs an API token or a signed-in session.");
        }
        else if (http.Request.Headers.ContainsKey("HX-Request"))
        {
            // htmx would follow a 302 and paste the sign-in page into a fragment; send the whole page there.
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers["HX-Redirect"] = context.RedirectUri;
        }
        else
        {
            http.Response.Redirect(context.RedirectUri);
        }
    }

    // Pages answer 403 in place (the status page explains it) instead of bouncing to an access-denied URL.
    private static async Task ForbidAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (IsApi(http.Request))
        {
            await WriteProblemAsync(http, "Forbidden", "Your role does not allow this change; curators and admins make changes.");
        }
    }

    private static Task WriteProblemAsync(HttpContext http, string title, string detail) =>
        http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = http.Response.StatusCode, Title = title, Detail = detail },
        }).AsTask();
}
