using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneOnOne.Api.Tests.Infrastructure;

/// <summary>Small JSON helpers that fail with the answer's body, so a failing test says what the API said.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {expected}, got {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<T>(body, Options)!;
    }

    public static async Task<T> GetAsync<T>(this HttpClient client, string url) =>
        await (await client.GetAsync(url, Cancel)).ReadAsync<T>();

    public static async Task<T> PostAsync<T>(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PostAsJsonAsync(url, body, Options, Cancel)).ReadAsync<T>(expected);

    public static async Task<T> PutAsync<T>(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PutAsJsonAsync(url, body, Options, Cancel)).ReadAsync<T>(expected);

    public static async Task<T> PatchAsync<T>(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PatchAsJsonAsync(url, body, Options, Cancel)).ReadAsync<T>(expected);

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: Options) }, Cancel);
}
