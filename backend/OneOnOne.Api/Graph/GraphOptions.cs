namespace OneOnOne.Api.Graph;

public sealed class GraphOptions
{
    /// <summary>Where Graph is; tests point it at a local stub.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";
}
