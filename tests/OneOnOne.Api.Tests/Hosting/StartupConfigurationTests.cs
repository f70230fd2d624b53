using System.Diagnostics;

namespace OneOnOne.Api.Tests.Hosting;

/// <summary>The real app process, misconfigured: it must refuse to start with one line that says what to set.</summary>
public sealed class StartupConfigurationTests
{
    public static TheoryData<string, Dictionary<string, string>, string> Misconfigurations => new()
    {
        { "Production", new() { }, "Authentication:Mode is not set" },
        { "Production", new() { ["Authentication__Mode"] = "Development" }, "allowed only in the Development environment" },
        { "Development", new() { ["Authentication__Mode"] = "Kerberos" }, "Authentication:Mode 'Kerberos' is not known" },
        { "Production", new() { ["Authentication__Mode"] = "EntraId", ["AzureAd__TenantId"] = "t" }, "set AzureAd:ClientId" },
        {
            "Production", new() { ["Authentication__Mode"] = "EntraId", ["AzureAd__TenantId"] = "t", ["AzureAd__ClientId"] = "c" },
            "App:PublicBaseUrl is not set"
        },
        {
            "Production", new() { ["Authentication__Mode"] = "EntraId", ["AzureAd__TenantId"] = "t", ["AzureAd__ClientId"] = "c", ["App__PublicBaseUrl"] = "https://oneonone.example" },
            "the Data Protection keys must be encrypted at rest"
        },
        { "Development", new() { ["Database__Provider"] = "Oracle" }, "Database:Provider 'Oracle' is not known" },
        { "Development", new() { ["Database__Provider"] = "PostgreSql" }, "ConnectionStrings:OneOnOne is required when Database:Provider is PostgreSql" },
    };

    [Theory]
    [MemberData(nameof(Misconfigurations))]
    public async Task The_app_refuses_to_start_with_one_clear_line(string environment, Dictionary<string, string> settings, string expected)
    {
        var dataFolder = Directory.CreateTempSubdirectory("oneonone-misconfig-").FullName;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "OneOnOne.Api.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = dataFolder,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["App__DataFolder"] = dataFolder;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single(lines);
        Assert.StartsWith("OneOnOne cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}
