namespace OneOnOne.Api.Hosting;

/// <summary>Where the app keeps its local files (SQLite database, development signing key, mail pickup folder).</summary>
public sealed class AppPaths
{
    public AppPaths(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["App:DataFolder"];
        DataFolder = Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(environment.ContentRootPath, "App_Data")
            : Path.Combine(environment.ContentRootPath, configured));
    }

    public string DataFolder { get; }
}
