using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Api.Data;
using OneOnOne.Api.Documents;
using OneOnOne.Api.Graph;
using OneOnOne.Api.Pane;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;

namespace OneOnOne.Api.Tests.Documents;

/// <summary>
/// "Store in OneDrive" against a local Graph stub (a real HTTP server) that plays a OneDrive: the test checks what the
/// Graph SDK sent (path, method, token, body) and edits the stored file the way Word for the web would.
/// </summary>
public sealed class OneDriveTests(OneDriveTests.GraphFactory api) : IClassFixture<OneDriveTests.GraphFactory>
{
    private const string Token = "stub-graph-token";
    private const string DriveId = "b!drive-1";
    private const string ItemId = "01ITEM";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The API with Graph at the stub and a token source that is available, as in EntraId mode.</summary>
    public sealed class GraphFactory : ApiFactory
    {
        public HttpStub Graph { get; private set; } = null!;

        /// <summary>The files of the stub's OneDrive, by path.</summary>
        public ConcurrentDictionary<string, byte[]> Files { get; } = new();

        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        protected override string ConnectionString => $"Data Source={Path.Combine(DataFolder, "oneonone.db")};Pooling=False";

        public override async ValueTask InitializeAsync()
        {
            Graph = await HttpStub.StartAsync();
            Graph.Respond = (request, _) => OneDrive(request);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Graph:BaseUrl", $"{Graph.BaseUrl}/v1.0");
            builder.ConfigureTestServices(services => services.AddScoped<IGraphTokenSource, StubTokens>());
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Graph.DisposeAsync();
        }

        private IResult OneDrive(HttpStub.Recorded request)
        {
            if (request.Authorization != $"Bearer {Token}")
            {
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            var rootPrefix = $"/v1.0/drives/{DriveId}/root:/";
            var path = Uri.UnescapeDataString(request.Path);
            if (request.Method == "GET" && path == "/v1.0/me/drive")
            {
                return Results.Json(new { id = DriveId, driveType = "business" });
            }

            if (path.StartsWith(rootPrefix, StringComparison.Ordinal))
            {
                var rest = path[rootPrefix.Length..];
                var isContent = rest.EndsWith(":/content", StringComparison.Ordinal);
                var file = isContent ? rest[..^":/content".Length] : rest.TrimEnd(':');
                switch (request.Method, isContent)
                {
                    case ("PUT", true):
                        Files[file] = request.Body;
                        return Results.Json(Item(file), statusCode: StatusCodes.Status201Created);
                    case ("GET", true):
                        return Files.TryGetValue(file, out var content) ? Results.Bytes(content, "application/octet-stream") : NotFound();
                    case ("GET", false):
                        return Files.ContainsKey(file) ? Results.Json(Item(file)) : NotFound();
                }
            }

            if (request.Method == "POST" && path == $"/v1.0/drives/{DriveId}/items/{ItemId}/invite")
            {
                return Results.Json(new { value = new[] { new { id = "permission-1", roles = new[] { "write" } } } });
            }

            return Results.Json(new { error = new { code = "invalidRequest", message = $"The stub does not know {request.Method} {path}" } }, statusCode: StatusCodes.Status400BadRequest);
        }

        private static object Item(string file) => new
        {
            id = ItemId,
            name = Path.GetFileName(file),
            webUrl = $"https://contoso-my.sharepoint.com/personal/mia/Documents/{Uri.EscapeDataString(file)}?web=1",
        };

        private static IResult NotFound() =>
            Results.Json(new { error = new { code = "itemNotFound", message = "The resource could not be found." } }, statusCode: StatusCodes.Status404NotFound);
    }

    private sealed class StubTokens : IGraphTokenSource
    {
        public bool IsAvailable => true;

        public Task<string> ForUserAsync(string[] scopes, CancellationToken cancellationToken) =>
            Task.FromResult(scopes.SequenceEqual(["Files.ReadWrite"]) ? Token : "wrong-scopes");

        public Task<string> ForApplicationAsync(string? tenantId, CancellationToken cancellationToken) => Task.FromResult("an-application-token-is-not-for-onedrive");
    }

    [Fact]
    public async Task The_document_goes_into_a_series_folder_in_OneDrive_is_shared_and_comes_back_with_its_edits()
    {
        var pair = await OneOnOnePair.CreateAsync(api);
        var url = $"/api/meetings/{pair.Meeting.MeetingId}/notes.docx/onedrive";
        api.Graph.Requests.Clear();

        var stored = await pair.ManagerClient.PostAsync<OneDriveDocument>(url, new { });
        var requests = api.Graph.Requests.ToList();
        var storedAgain = await pair.ManagerClient.PostAsync<OneDriveDocument>(url, new { });
        var put = Assert.Single(api.Graph.Requests, r => r.Method == "PUT");
        var invite = Assert.Single(requests, r => r.Method == "POST");
        var folder = $"OneOnOne/Manager Mia - Report Rik ({pair.Meeting.SeriesId.ToString("N")[..8]})";

        Assert.True(stored.Created);
        Assert.Equal($"{folder}/1-on-1 2030-03-04.docx", stored.Path);
        Assert.StartsWith("https://contoso-my.sharepoint.com/personal/mia/Documents/", stored.WebUrl, StringComparison.Ordinal);
        Assert.Equal(
            ["GET /v1.0/me/drive", $"GET /v1.0/drives/{DriveId}/root:/{stored.Path}:", $"PUT /v1.0/drives/{DriveId}/root:/{stored.Path}:/content", $"POST /v1.0/drives/{DriveId}/items/{ItemId}/invite"],
            requests.Select(r => $"{r.Method} {Uri.UnescapeDataString(r.Path)}"));
        Assert.All(requests, r => Assert.Equal($"Bearer {Token}", r.Authorization));
        // The folders of the path are real path segments: an encoded slash would make OneDrive look for one odd file name.
        Assert.All(requests, r => Assert.DoesNotContain("%2F", r.Path, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(pair.Meeting.MeetingId, NotesDocumentReader.Read(put.Body).MeetingId);
        Assert.Empty(WordUser.ValidationErrors(put.Body));
        using (var body = JsonDocument.Parse(invite.Body))
        {
            Assert.Equal(pair.Report.Email, body.RootElement.GetProperty("recipients")[0].GetProperty("email").GetString());
            Assert.Equal("write", body.RootElement.GetProperty("roles")[0].GetString());
            Assert.False(body.RootElement.GetProperty("sendInvitation").GetBoolean());
        }

        // Stored once: a second "store" links to the file people may have edited, it does not overwrite it.
        Assert.False(storedAgain.Created);
        Assert.Equal(stored.WebUrl, storedAgain.WebUrl);

        // Edited in Word for the web, then pulled back: twice, and the second time nothing changes.
        api.Files[stored.Path] = WordUser.Edit(put.Body, body =>
        {
            WordUser.FillBlankRow(body, "Share the roadmap", "Report Rik", "2030-03-11", "");
            WordUser.WriteNotes(body, "Written in Word for the web");
        });
        var pulled = await pair.ReportClient.PostAsync<DocumentChanges>($"{url}/import", new { });
        var pulledAgain = await pair.ReportClient.PostAsync<DocumentChanges>($"{url}/import", new { });
        var pane = await pair.ReportClient.GetAsync<PaneResponse>($"/api/meetings/{pair.Meeting.MeetingId}/pane");

        Assert.Equal(["Share the roadmap"], pulled.Created.Select(c => c.Text));
        Assert.True(pulled.SharedNotesUpdated);
        Assert.False(pulledAgain.Changed);
        Assert.Equal("Written in Word for the web", pane.Notes.Shared!.Text);
        Assert.Equal("Share the roadmap", Assert.Single(pane.NewActions).Text);
    }

    [Fact]
    public async Task A_missing_file_is_404_and_a_failing_graph_is_a_502_that_changes_nothing()
    {
        var pair = await OneOnOnePair.CreateAsync(api);
        var url = $"/api/meetings/{pair.Meeting.MeetingId}/notes.docx/onedrive";

        var missing = await pair.ManagerClient.SendJsonAsync(HttpMethod.Post, $"{url}/import", null);
        var respond = api.Graph.Respond;
        api.Graph.Respond = (_, _) => Results.Json(new { error = new { code = "generalException", message = "Boom" } }, statusCode: StatusCodes.Status500InternalServerError);
        HttpResponseMessage failing;
        try
        {
            failing = await pair.ManagerClient.SendJsonAsync(HttpMethod.Post, url, null);
        }
        finally
        {
            api.Graph.Respond = respond;
        }

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no document of this meeting in your OneDrive", await missing.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadGateway, failing.StatusCode);
        Assert.Equal("application/problem+json", failing.Content.Headers.ContentType?.MediaType);
    }
}
