using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Warmglow.Web.Tests;

/// <summary>The first visit on an empty database: /Setup creates the admin; there is no default password.</summary>
public sealed partial class SetupTests : IAsyncLifetime
{
    readonly SqliteApp _app = new();
    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [Fact]
    public async Task FirstVisit_LeadsToSetup_WhichCreatesTheAdmin_AndThenCloses()
    {
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var home = await browser.GetAsync("/");
        Assert.Equal("/Setup", home.Headers.Location?.OriginalString);
        Assert.Equal("/Setup", (await browser.GetAsync("/Account/Login")).Headers.Location?.OriginalString);

        var form = await browser.GetStringAsync("/Setup");
        var token = Antiforgery().Match(form).Groups[1].Value;
        FormUrlEncodedContent Body(string password) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.WorkspaceName"] = "Mindful Glow", ["Input.DisplayName"] = "Ada Admin",
            ["Input.Email"] = "ada@mindfulglow.example", ["Input.Password"] = password,
        });

        var weak = await browser.PostAsync("/Setup", Body("short"));
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("at least 10 characters", await weak.Content.ReadAsStringAsync());

        var created = await browser.PostAsync("/Setup", Body(TestApp.Password));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var dashboard = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Load demo data", await dashboard.Content.ReadAsStringAsync());

        // Setup is closed now: a stranger is sent to sign in, and a token works for the new admin.
        var stranger = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal("/Account/Login", (await stranger.GetAsync("/")).Headers.Location?.AbsolutePath);
        Assert.Equal("/", (await stranger.GetAsync("/Setup")).Headers.Location?.OriginalString);
        Assert.NotEmpty(await _app.TokenAsync("ada@mindfulglow.example"));
    }
}
