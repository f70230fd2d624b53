using System.Net.Http.Json;
using System.Text.Json;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Documents;

public sealed class DocumentsOpenApiTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task The_openapi_document_describes_the_download_the_file_upload_and_the_json_import_with_an_example()
    {
        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = document.GetProperty("paths");

        var docx = paths.GetProperty("/api/meetings/{meetingId}/notes.docx");
        var upload = docx.GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        var example = document.GetProperty("components").GetProperty("schemas").GetProperty("NotesImportRequest").GetProperty("examples")[0];

        Assert.True(docx.TryGetProperty("get", out _));
        var form = Resolve(document, upload);
        Assert.Equal("binary", Resolve(document, form.GetProperty("properties").GetProperty("file")).GetProperty("format").GetString());
        Assert.True(paths.TryGetProperty("/api/meetings/{meetingId}/notes/import", out _));
        Assert.True(paths.TryGetProperty("/api/meetings/{meetingId}/notes.docx/onedrive", out _));
        Assert.True(paths.TryGetProperty("/api/meetings/{meetingId}/notes.docx/onedrive/import", out _));
        Assert.Equal("Send the slides", example.GetProperty("actions")[0].GetProperty("text").GetString());
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
}
