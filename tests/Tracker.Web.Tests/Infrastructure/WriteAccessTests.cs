using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.Infrastructure;

/// <summary>
/// Every write the app offers, found in the running app rather than listed by hand: each API endpoint that is not a
/// GET, and each POST handler of each page. Each is tried by a visitor, by a viewer, and without the antiforgery
/// token. A write added tomorrow is held to the same rules the moment it exists; one that should be open to more
/// people than curators must be named in <see cref="Open"/>.
/// </summary>
public sealed partial class WriteAccessTests(TrackerApp app)
{
    private enum Who
    {
        /// <summary>Signing in, the error page, one-click unsubscribe: no session needed.</summary>
        Anyone,

        /// <summary>Any signed-in user, viewers included: their own account, their own digests, a dry-run split.</summary>
        SignedIn,

        Curator,
        Admin,
    }

    /// <summary>Writes open to more than curators and admins, or closed to all but admins, by route prefix.</summary>
    private static readonly (string Method, string Prefix, Who Who)[] Open =
    [
        ("POST", "/account/sign-in", Who.Anyone),
        ("POST", "/account/first-sign-in", Who.Anyone),
        ("POST", "/error", Who.Anyone),
        ("POST", "/unsubscribe", Who.Anyone),
        ("POST", "/account", Who.SignedIn),
        ("POST", "/digests", Who.SignedIn),
        ("*", "/api/subscriptions", Who.SignedIn),
        ("POST", "/api/documents/split", Who.SignedIn),
        ("*", "/admin", Who.Admin),
        ("*", "/api/digests", Who.Admin),
    ];

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>Writes that need a session or a token: a visitor is sent away, a session needs the antiforgery token.</summary>
    public static TheoryData<string, string> ClosedToVisitors() => WritesFor(who => who is not Who.Anyone);

    /// <summary>Writes for curators and admins only.</summary>
    public static TheoryData<string, string> ClosedToViewers() => WritesFor(who => who is Who.Curator or Who.Admin);

    /// <summary>Writes for admins only.</summary>
    public static TheoryData<string, string> ClosedToCurators() => WritesFor(who => who is Who.Admin);

    private static TheoryData<string, string> WritesFor(Func<Who, bool> rule)
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path) in DiscoveredWrites.Value.Where(w => rule(RuleFor(w.Method, w.Path))))
        {
            data.Add(method, path);
        }

        return data;
    }

    // Theory data is read before the shared app starts, so a throwaway instance of the same program is asked for
    // its routes, once: nothing here is listed by hand.
    private static readonly Lazy<List<(string Method, string Path)>> DiscoveredWrites = new(() =>
    {
        using var probe = new RouteProbe();
        return probe.Writes().ToList();
    });

    [Theory]
    [MemberData(nameof(ClosedToVisitors))]
    public async Task Visitors_are_sent_to_sign_in_or_refused_by_every_write(string method, string path)
    {
        using var client = app.Browser();
        using var response = await SendAsync(client.Client, method, path);

        if (IsApi(path))
        {
            // Asked as a browser asks (Accept: text/html), the API still explains itself as a problem.
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(AuthSetup.SignInPath, new Uri(client.Client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        }
    }

    [Theory]
    [MemberData(nameof(ClosedToViewers))]
    public async Task Viewers_get_403_from_every_write_meant_for_curators(string method, string path)
    {
        using var viewer = await app.SignInAsNewAsync(Roles.Viewer);
        var token = await viewer.AntiforgeryTokenAsync();
        using var response = await SendAsync(viewer.Client, method, path, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ClosedToCurators))]
    public async Task Curators_get_403_from_every_write_meant_for_admins(string method, string path)
    {
        using var curator = await app.SignInAsNewAsync(Roles.Curator);
        var token = await curator.AntiforgeryTokenAsync();
        using var response = await SendAsync(curator.Client, method, path, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ClosedToVisitors))]
    public async Task Every_write_with_a_session_but_without_the_antiforgery_token_is_refused(string method, string path)
    {
        using var admin = await app.SignInAsync(TrackerApp.AdminEmail, TrackerApp.AdminPassword);
        using var response = await SendAsync(admin.Client, method, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void The_app_offers_the_writes_this_test_is_meant_to_cover()
    {
        var writes = DiscoveredWrites.Value.Select(w => $"{w.Method} {w.Path}").ToList();

        // A guard against the discovery finding nothing and every theory above passing vacuously.
        Assert.Contains("POST /api/actors", writes);
        Assert.Contains("PUT /api/claims/1", writes);
        Assert.Contains("POST /actors/x?handler=Merge", writes);
        Assert.Contains("POST /admin/users?handler=Disable", writes);
    }

    private static bool IsApi(string path) => path.StartsWith("/api/", StringComparison.Ordinal);

    private static Who RuleFor(string method, string path)
    {
        var route = path.Split('?')[0];
        foreach (var rule in Open)
        {
            if ((rule.Method == "*" || rule.Method == method)
                && (route == rule.Prefix || route.StartsWith(rule.Prefix + "/", StringComparison.Ordinal)))
            {
                return rule.Who;
            }
        }

        return Who.Curator;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? antiforgery = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Content = IsApi(path)
            ? JsonContent.Create(new { })
            : new FormUrlEncodedContent(antiforgery is null ? [] : [new("__RequestVerificationToken", antiforgery)]);
        if (antiforgery is not null)
        {
            request.Headers.Add("RequestVerificationToken", antiforgery);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return await client.SendAsync(request, _ct);
    }

    /// <summary>The app started just far enough to list its endpoints and pages.</summary>
    private sealed class RouteProbe : TrackerApp
    {
        protected override bool Seed => false;

        public RouteProbe() => StartServer();

        public IEnumerable<(string Method, string Path)> Writes()
        {
            foreach (var endpoint in Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
            {
                var pattern = "/" + endpoint.RoutePattern.RawText?.Trim('/');
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
                if (!pattern.StartsWith("/api/", StringComparison.Ordinal) && pattern != "/unsubscribe")
                {
                    continue;
                }

                foreach (var method in methods.Where(m => m is not ("GET" or "HEAD" or "OPTIONS")))
                {
                    yield return (method, Fill(pattern));
                }
            }

            // Each page is compiled as on its first request, which tells its handler methods.
            var loader = Services.GetRequiredService<PageLoader>();
            foreach (var page in Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>())
            {
                var compiled = loader.LoadAsync(page, EndpointMetadataCollection.Empty).GetAwaiter().GetResult();
                var route = "/" + page.AttributeRouteInfo?.Template?.Trim('/');
                foreach (var handler in compiled.HandlerMethods.Where(h => h.HttpMethod == "Post").Select(h => h.Name).Distinct())
                {
                    var path = Fill(route);
                    yield return ("POST", string.IsNullOrEmpty(handler) ? path : $"{path}?handler={handler}");
                }
            }
        }

        // Route values that exist in a seeded database do not matter here: access is decided before any lookup.
        private static string Fill(string pattern) =>
            RouteParameter().Replace(pattern, m => m.Groups["constraint"].Value is "int" or "long" ? "1" : "x");
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:(?<constraint>\w+))?\??\}")]
    private static partial Regex RouteParameter();
}
