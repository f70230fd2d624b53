using Microsoft.Playwright;

namespace OneOnOne.AddIn.Tests;

/// <summary>
/// One backend and one Debian Chromium for all browser tests. Playwright never downloads a browser here: it drives
/// /usr/bin/chromium (override with ONEONONE_CHROMIUM).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public PaneServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright playwright = null!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("ONEONONE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Where screenshots go: test-output/screenshots beside the test assembly.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "test-output", "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // `dotnet test OneOnOne.sln` builds and runs the other test assemblies beside these on two cores: a pane that
        // answers in a second alone may take several then. What is awaited still has to appear; it may take longer.
        Assertions.SetDefaultExpectTimeout(15_000);
        Server = new PaneServer();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
