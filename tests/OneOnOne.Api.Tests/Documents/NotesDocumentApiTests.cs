using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Actions;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Data;
using OneOnOne.Api.Documents;
using OneOnOne.Api.Notes;
using OneOnOne.Api.Pane;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;

namespace OneOnOne.Api.Tests.Documents;

public abstract class NotesDocumentApiTests(ApiFactory api) : ProviderTests(api)
{
    /// <summary>
    /// A pair in their second meeting: an action carried in from the first, an agenda item from each, a shared note and a
    /// private note of each (the secrets no document may hold).
    /// </summary>
    public sealed record Scene(OneOnOnePair Pair, Guid FirstMeetingId, Guid MeetingId, ActionItemResponse Carried, string ManagerSecret, string ReportSecret)
    {
        public string DocumentUrl => $"/api/meetings/{MeetingId}/notes.docx";
    }

    protected async Task<Scene> SceneAsync()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var first = pair.Meeting.MeetingId;
        var carried = await pair.ManagerClient.PostAsync<ActionItemResponse>(
            $"/api/series/{pair.Meeting.SeriesId}/actions", new { text = "Book the training", meetingId = first, dueDate = "2030-03-08" }, HttpStatusCode.Created);
        var second = (await pair.ResolveAsync(OneOnOnePair.FirstStart.AddDays(7))).MeetingId;
        await pair.ManagerClient.PostAsync<AgendaItemResponse>($"/api/meetings/{second}/agenda", new { text = "Budget for the conference" }, HttpStatusCode.Created);
        await pair.ReportClient.PostAsync<AgendaItemResponse>($"/api/meetings/{second}/agenda", new { text = "Holiday plans" }, HttpStatusCode.Created);
        await pair.ManagerClient.PutAsync<NoteResponse>($"/api/meetings/{second}/notes/shared", new { text = "Both of us see this", version = (Guid?)null });
        var managerSecret = $"manager-secret-{Guid.NewGuid():N}";
        var reportSecret = $"report-secret-{Guid.NewGuid():N}";
        await pair.ManagerClient.PutAsync<NoteResponse>($"/api/meetings/{second}/notes/private", new { text = managerSecret, version = (Guid?)null });
        await pair.ReportClient.PutAsync<NoteResponse>($"/api/meetings/{second}/notes/private", new { text = reportSecret, version = (Guid?)null });
        return new Scene(pair, first, second, carried, managerSecret, reportSecret);
    }

    protected static async Task<byte[]> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal(NotesDocument.ContentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(Cancel);
    }

    protected static Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] package, string field = "file")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(package);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(NotesDocument.ContentType);
        form.Add(file, field, "notes.docx");
        return client.PostAsync(url, form, Cancel);
    }

    protected Task<string> SnapshotAsync(Guid seriesId) => Api.WithDbAsync(async db =>
    {
        var actions = await db.ActionItems.IgnoreQueryFilters().Where(a => a.SeriesId == seriesId).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Text, a.OwnerId, a.DueDate, a.Status, a.Version }).ToListAsync(Cancel);
        var notes = await db.Notes.IgnoreQueryFilters().Where(n => n.Meeting.SeriesId == seriesId).OrderBy(n => n.Id)
            .Select(n => new { n.Id, n.Text, n.Version }).ToListAsync(Cancel);
        return JsonSerializer.Serialize(new { actions, notes });
    });

    private static PaneParticipant Person(PaneResponse pane, string name) => pane.Participants.Single(p => p.DisplayName == name);

    [Fact]
    public async Task A_document_edited_as_in_Word_comes_back_into_the_meeting_and_the_same_upload_twice_changes_nothing()
    {
        var scene = await SceneAsync();
        var pair = scene.Pair;
        var original = await DownloadAsync(pair.ManagerClient, scene.DocumentUrl);
        var text = WordUser.BodyText(original);

        var edited = WordUser.Edit(original, body =>
        {
            WordUser.FillBlankRow(body, "Send the slides", "Report Rik", "2030-03-20", "");
            WordUser.AddRow(body, "Plan the offsite", pair.Manager.Email.ToUpperInvariant(), "", "");
            WordUser.SetCell(WordUser.Row(body, scene.Carried.Id), 3, "Done");
            WordUser.WriteNotes(body, "We agreed on the budget.", "Next time: holidays.");
        });
        var changes = await (await UploadAsync(pair.ReportClient, scene.DocumentUrl, edited)).ReadAsync<DocumentChanges>();
        var pane = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{scene.MeetingId}/pane");
        var again = await (await UploadAsync(pair.ReportClient, scene.DocumentUrl, edited)).ReadAsync<DocumentChanges>();
        var paneAfterAgain = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{scene.MeetingId}/pane");

        Assert.Empty(WordUser.ValidationErrors(original));
        Assert.Contains("Budget for the conference", text, StringComparison.Ordinal);
        Assert.Contains("Holiday plans — added by Report Rik", text, StringComparison.Ordinal);
        Assert.Contains("Book the training", text, StringComparison.Ordinal);
        Assert.Contains("Both of us see this", text, StringComparison.Ordinal);

        Assert.True(changes.Changed);
        Assert.Equal(["Send the slides", "Plan the offsite"], changes.Created.Select(c => c.Text));
        Assert.Equal(["status"], Assert.Single(changes.Updated).Fields);
        Assert.True(changes.SharedNotesUpdated);
        var slides = Assert.Single(pane.NewActions, a => a.Text == "Send the slides");
        Assert.Equal(Person(pane, "Report Rik").Id, slides.OwnerId);
        Assert.Equal(new DateOnly(2030, 3, 20), slides.DueDate);
        var offsite = Assert.Single(pane.NewActions, a => a.Text == "Plan the offsite");
        Assert.Equal(Person(pane, "Manager Mia").Id, offsite.OwnerId);
        Assert.Null(offsite.DueDate);
        var carried = Assert.Single(pane.OpenActions, a => a.Id == scene.Carried.Id);
        Assert.Equal(ActionStatus.Done, carried.Status);
        Assert.Equal(scene.MeetingId, carried.CompletedInMeetingId);
        Assert.Equal("We agreed on the budget.\nNext time: holidays.", pane.Notes.Shared!.Text);

        Assert.False(again.Changed);
        Assert.Empty(again.Created);
        Assert.Empty(again.Updated);
        Assert.Equal(JsonSerializer.Serialize(pane, Json.Options), JsonSerializer.Serialize(paneAfterAgain, Json.Options));
    }

    [Fact]
    public async Task A_fresh_document_in_Dutch_lists_the_new_actions_as_tagged_rows_and_a_stale_one_does_not_undo_later_changes()
    {
        var scene = await SceneAsync();
        var pair = scene.Pair;
        var stale = await DownloadAsync(pair.ManagerClient, scene.DocumentUrl);
        var withRow = WordUser.Edit(stale, body => WordUser.FillBlankRow(body, "Call the supplier", "", "", ""));
        await (await UploadAsync(pair.ManagerClient, scene.DocumentUrl, withRow)).ReadAsync<DocumentChanges>();
        // Changed in the pane after the document was made: the stale document, uploaded again, must not undo it.
        await pair.ReportClient.PatchAsync<ActionItemResponse>($"/api/actions/{scene.Carried.Id}", new { dueDate = "2030-04-01", version = scene.Carried.Version });
        await pair.ReportClient.PutAsync<NoteResponse>($"/api/meetings/{scene.MeetingId}/notes/shared", new
        {
            text = "Changed in the pane",
            version = (await pair.ReportClient.GetAsync<MeetingNotesResponse>($"/api/meetings/{scene.MeetingId}/notes")).Shared!.Version,
        });

        var staleAgain = await (await UploadAsync(pair.ManagerClient, scene.DocumentUrl, withRow)).ReadAsync<DocumentChanges>();
        var dutch = await DownloadAsync(pair.Api.ClientFor(pair.Report, "nl"), scene.DocumentUrl);
        var pane = await pair.ReportClient.GetAsync<PaneResponse>($"/api/meetings/{scene.MeetingId}/pane");
        var content = NotesDocumentReader.Read(dutch);

        Assert.False(staleAgain.Changed);
        Assert.Equal(new DateOnly(2030, 4, 1), Assert.Single(pane.OpenActions, a => a.Id == scene.Carried.Id).DueDate);
        Assert.Equal("Changed in the pane", pane.Notes.Shared!.Text);
        Assert.Empty(WordUser.ValidationErrors(dutch));
        Assert.Contains("Nieuwe actiepunten", WordUser.BodyText(dutch), StringComparison.Ordinal);
        var supplier = Assert.Single(pane.NewActions);
        Assert.Equal(pane.Participants.Single(p => p.DisplayName == "Manager Mia").Id, supplier.OwnerId);
        Assert.Contains(content.Rows, r => r.ActionId == supplier.Id && r.Table == NotesDocumentReader.NewTable && r.Status == "Openstaand");
        Assert.Contains(content.Rows, r => r.ActionId == scene.Carried.Id && r.Table == NotesDocumentReader.EarlierTable && r.DueDate == "2030-04-01");
    }

    [Fact]
    public async Task A_row_copied_with_its_content_control_becomes_a_new_action_and_leaves_the_original_alone()
    {
        var scene = await SceneAsync();
        var document = WordUser.Edit(await DownloadAsync(scene.Pair.ManagerClient, scene.DocumentUrl), body =>
        {
            // Copy and paste in Word copies the content control, tag and all.
            var copy = (SdtRow)WordUser.Row(body, scene.Carried.Id).Parent!.Parent!.CloneNode(true);
            WordUser.SetCells(copy.Descendants<TableRow>().First(), "Book the follow-up training", "Report Rik", "2030-04-15", "");
            WordUser.Table(body, NotesDocument.NewActionsTag).Append(copy);
        });

        var changes = await (await UploadAsync(scene.Pair.ManagerClient, scene.DocumentUrl, document)).ReadAsync<DocumentChanges>();
        var again = await (await UploadAsync(scene.Pair.ManagerClient, scene.DocumentUrl, document)).ReadAsync<DocumentChanges>();
        var pane = await scene.Pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{scene.MeetingId}/pane");

        Assert.Equal(["Book the follow-up training"], changes.Created.Select(c => c.Text));
        Assert.Empty(changes.Updated);
        Assert.False(again.Changed);
        Assert.Equal(scene.Carried.Version, Assert.Single(pane.OpenActions, a => a.Id == scene.Carried.Id).Version);
    }

    [Fact]
    public async Task Private_notes_are_in_no_ones_document_and_strangers_get_404()
    {
        var scene = await SceneAsync();
        var pair = scene.Pair;
        var stranger = Api.ClientFor(TestPerson.New(pair.Manager.TenantId));
        var otherTenant = Api.ClientFor(TestPerson.New());
        var before = await SnapshotAsync(pair.Meeting.SeriesId);
        var document = await DownloadAsync(pair.ManagerClient, scene.DocumentUrl);

        foreach (var client in new[] { pair.ManagerClient, pair.ReportClient })
        {
            var all = WordUser.AllParts(await DownloadAsync(client, scene.DocumentUrl));
            Assert.DoesNotContain(scene.ManagerSecret, all, StringComparison.Ordinal);
            Assert.DoesNotContain(scene.ReportSecret, all, StringComparison.Ordinal);
        }

        foreach (var client in new[] { stranger, otherTenant })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(scene.DocumentUrl, Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(client, scene.DocumentUrl, document)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendJsonAsync(HttpMethod.Post, $"/api/meetings/{scene.MeetingId}/notes/import", new { actions = Array.Empty<object>(), sharedNotes = "Hacked" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendJsonAsync(HttpMethod.Post, $"{scene.DocumentUrl}/onedrive", null)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().GetAsync(scene.DocumentUrl, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(Api.CreateClient(), scene.DocumentUrl, document)).StatusCode);
        Assert.Equal(before, await SnapshotAsync(pair.Meeting.SeriesId));
    }

    [Fact]
    public async Task The_word_pane_posts_the_same_rows_as_json_with_the_same_rules_and_the_same_answer()
    {
        var scene = await SceneAsync();
        var pair = scene.Pair;
        var url = $"/api/meetings/{scene.MeetingId}/notes/import";
        var body = new
        {
            actions = new object[]
            {
                new { id = (Guid?)null, text = "Call the client", ownerEmailOrName = pair.Report.Email, dueDate = "2030-04-01" },
                new { id = scene.Carried.Id, text = scene.Carried.Text, status = "Done", baseline = new { text = scene.Carried.Text, status = "Open" } },
            },
            sharedNotes = "From the Word pane",
        };

        var first = await pair.ManagerClient.PostAsync<DocumentChanges>(url, body);
        var second = await pair.ManagerClient.PostAsync<DocumentChanges>(url, body);
        var unknown = await pair.ManagerClient.SendJsonAsync(HttpMethod.Post, url, new { actions = new[] { new { id = Guid.NewGuid(), text = "Who am I" } } });
        var twice = await pair.ManagerClient.SendJsonAsync(HttpMethod.Post, url, new { actions = new[] { new { id = scene.Carried.Id, text = "A" }, new { id = scene.Carried.Id, text = "B" } } });
        var pane = await pair.ReportClient.GetAsync<PaneResponse>($"/api/meetings/{scene.MeetingId}/pane");

        Assert.Equal(["Call the client"], first.Created.Select(c => c.Text));
        Assert.Equal(["status"], Assert.Single(first.Updated).Fields);
        Assert.True(first.SharedNotesUpdated);
        Assert.False(second.Changed);
        Assert.Equal("Nothing changed: everything in it was already here.", second.Summary);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("actions[0].id", await unknown.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("actions[1].id", await twice.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("From the Word pane", pane.Notes.Shared!.Text);
        Assert.Equal(pane.Participants.Single(p => p.IsMe).Id, Assert.Single(pane.NewActions).OwnerId);
    }

    public sealed record BadUpload(string Name, HttpStatusCode Status, string Says, Func<Scene, byte[], Task<byte[]>> Make, string Field = "file");

    public static readonly BadUpload[] BadUploads =
    [
        new("not a zip", HttpStatusCode.BadRequest, "is not a Word document (.docx): it cannot be opened", (_, _) => Task.FromResult(Encoding.UTF8.GetBytes("%PDF-1.7 this is not a zip"))),
        new("a zip that is not Word", HttpStatusCode.BadRequest, "is not a Word document (.docx), or it is damaged", (_, _) => Task.FromResult(Zip(("hello.txt", Encoding.UTF8.GetBytes("hello"))))),
        new("a Word document not made by OneOnOne", HttpStatusCode.BadRequest, "was not made by OneOnOne", (_, _) => Task.FromResult(PlainWordDocument())),
        new("a document of another meeting", HttpStatusCode.BadRequest, "belongs to another meeting", async (scene, _) =>
            await DownloadAsync(scene.Pair.ManagerClient, $"/api/meetings/{scene.FirstMeetingId}/notes.docx")),
        new("no tagged table", HttpStatusCode.BadRequest, "table of new action items is missing", (_, document) =>
            Task.FromResult(WordUser.Edit(document, body => WordUser.Block(body, NotesDocument.NewActionsTag).Remove()))),
        new("a zip bomb", HttpStatusCode.BadRequest, "unpacks to too much data", (_, document) =>
            Task.FromResult(WithEntries(document, ("word/media/bomb.bin", new byte[80 * 1024 * 1024])))),
        new("thousands of parts", HttpStatusCode.BadRequest, "unpacks to too much data", (_, document) =>
            Task.FromResult(WithEntries(document, [.. Enumerable.Range(0, 600).Select(i => ($"word/media/{i}.bin", new byte[] { 1 }))]))),
        new("XML nested a thousand deep", HttpStatusCode.BadRequest, "or it is damaged", (_, document) =>
            Task.FromResult(WithEntries(document, ("word/named-to-hide.dat", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<a>", 1000)) + string.Concat(Enumerable.Repeat("</a>", 1000))))))),
        new("a row with no text", HttpStatusCode.BadRequest, "newActions[1].text", (_, document) =>
            Task.FromResult(WordUser.Edit(document, body => WordUser.FillBlankRow(body, "", "Report Rik", "2030-03-20", "")))),
        new("an owner who is not a participant", HttpStatusCode.BadRequest, "newActions[1].owner", (_, document) =>
            Task.FromResult(WordUser.Edit(document, body => WordUser.FillBlankRow(body, "Do it", "Somebody Else", "", "")))),
        new("a date that is not one", HttpStatusCode.BadRequest, "newActions[1].dueDate", (_, document) =>
            Task.FromResult(WordUser.Edit(document, body => WordUser.FillBlankRow(body, "Do it", "", "next week", "")))),
        new("a status that is not one", HttpStatusCode.BadRequest, "earlierActions[1].status", (scene, document) =>
            Task.FromResult(WordUser.Edit(document, body => WordUser.SetCell(WordUser.Row(body, scene.Carried.Id), 3, "Maybe")))),
        new("more than 10 MB", HttpStatusCode.RequestEntityTooLarge, "larger than 10 MB", (_, _) => Task.FromResult(new byte[PackageGuard.MaxUploadBytes + 1])),
        new("far more than 10 MB", HttpStatusCode.RequestEntityTooLarge, "larger than 10 MB", (_, _) => Task.FromResult(new byte[3 * PackageGuard.MaxUploadBytes])),
        new("no file field", HttpStatusCode.BadRequest, "in a field named", (_, document) => Task.FromResult(document), Field: "document"),
    ];

    public static TheoryData<string> BadUploadNames => new(BadUploads.Select(b => b.Name));

    [Theory]
    [MemberData(nameof(BadUploadNames))]
    public async Task A_bad_upload_is_a_problem_that_names_what_is_wrong_and_changes_nothing(string name)
    {
        var bad = BadUploads.Single(b => b.Name == name);
        var scene = await SceneAsync();
        // Valid edits beside the bad part, so "changes nothing" means the whole upload was refused.
        var document = WordUser.Edit(await DownloadAsync(scene.Pair.ManagerClient, scene.DocumentUrl), body =>
        {
            WordUser.AddRow(body, "A valid new action", "", "", "");
            WordUser.WriteNotes(body, "Valid notes");
        });
        var before = await SnapshotAsync(scene.Pair.Meeting.SeriesId);

        var response = await UploadAsync(scene.Pair.ManagerClient, scene.DocumentUrl, await bad.Make(scene, document), bad.Field);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.True(response.StatusCode == bad.Status, $"{name}: {response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(bad.Says, body, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(scene.Pair.Meeting.SeriesId));
    }

    [Fact]
    public async Task Problems_speak_the_callers_language_and_an_unknown_time_zone_is_refused()
    {
        var scene = await SceneAsync();
        var dutch = Api.ClientFor(scene.Pair.Report, "nl");

        var response = await UploadAsync(dutch, scene.DocumentUrl, Encoding.UTF8.GetBytes("not a zip"));
        var zone = await dutch.GetAsync($"{scene.DocumentUrl}?timeZone=Mars/Olympus", Cancel);
        var amsterdam = WordUser.BodyText(await DownloadAsync(scene.Pair.ManagerClient, $"{scene.DocumentUrl}?timeZone=Europe/Amsterdam"));

        Assert.Contains("geen Word-document", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, zone.StatusCode);
        Assert.Contains("10:00–10:30 (Europe/Amsterdam)", amsterdam, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_file_is_named_after_the_other_person_and_the_time_in_the_readers_language()
    {
        var scene = await SceneAsync();
        var english = await scene.Pair.ManagerClient.GetAsync($"{scene.DocumentUrl}?timeZone=Europe/Amsterdam", Cancel);
        var dutch = await Api.ClientFor(scene.Pair.Report, "nl").GetAsync($"{scene.DocumentUrl}?timeZone=Europe/Amsterdam", Cancel);

        Assert.Equal("1-on-1 with Report Rik 2030-03-11 10.00.docx", english.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("1-op-1 met Manager Mia 2030-03-11 10.00.docx", dutch.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Without_entra_id_storing_in_onedrive_says_it_is_not_available()
    {
        var scene = await SceneAsync();

        var response = await scene.Pair.ManagerClient.SendJsonAsync(HttpMethod.Post, $"{scene.DocumentUrl}/onedrive", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Microsoft Entra ID", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entryName, content) in entries)
            {
                using var entry = zip.CreateEntry(entryName, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static byte[] WithEntries(byte[] package, params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var (entryName, content) in entries)
            {
                using var entry = zip.CreateEntry(entryName, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static byte[] PlainWordDocument()
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("Minutes")))));
        }

        return stream.ToArray();
    }
}

public sealed class SqliteNotesDocumentApiTests(SqliteApiFactory api) : NotesDocumentApiTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresNotesDocumentApiTests(PostgresApiFactory api) : NotesDocumentApiTests(api), IClassFixture<PostgresApiFactory>;
