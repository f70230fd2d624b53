using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Actions;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Notes;
using OneOnOne.Api.Pane;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;
using Target = OneOnOne.Api.Tests.Meetings.AuthorizationMatrixTests.Target;

namespace OneOnOne.Api.Tests.Privacy;

/// <summary>What the privacy tests share: a 1-on-1 with content from both people, a raw call, and a database snapshot.</summary>
public static class PrivacyScenario
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// The 1-on-1 the authorization matrix and the privacy tests use: an agenda item, a done action (so that the
    /// matrix's "reopen" row has something to do), a shared note and a private note each.
    /// </summary>
    public static async Task<Target> CreateTargetAsync(ApiFactory api)
    {
        var pair = await OneOnOnePair.CreateAsync(api);
        var meetingId = pair.Meeting.MeetingId;
        var managerSecret = $"manager-secret-{Guid.NewGuid():N}";
        var reportSecret = $"report-secret-{Guid.NewGuid():N}";
        var item = await pair.ManagerClient.PostAsync<AgendaItemResponse>($"/api/meetings/{meetingId}/agenda", new { text = "Point" }, HttpStatusCode.Created);
        var action = await pair.ManagerClient.PostAsync<ActionItemResponse>($"/api/series/{pair.Meeting.SeriesId}/actions", new { text = "Act", meetingId }, HttpStatusCode.Created);
        await pair.ManagerClient.PutAsync<NoteResponse>($"/api/meetings/{meetingId}/notes/shared", new { text = "Both see this", version = (Guid?)null });
        await pair.ManagerClient.PutAsync<NoteResponse>($"/api/meetings/{meetingId}/notes/private", new { text = managerSecret, version = (Guid?)null });
        await pair.ReportClient.PutAsync<NoteResponse>($"/api/meetings/{meetingId}/notes/private", new { text = reportSecret, version = (Guid?)null });
        // Completing again would be a no-op that answers 200.
        action = await pair.ManagerClient.PostAsync<ActionItemResponse>($"/api/actions/{action.Id}/complete", new { meetingId, version = action.Version });
        var pane = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{meetingId}/pane");
        return new Target(pair, meetingId, pair.Meeting.SeriesId, item, action, pane, managerSecret, reportSecret);
    }

    public sealed record Answer(HttpStatusCode Status, string? ContentType, string Body, HttpResponseMessage Response);

    public static async Task<Answer> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content = null)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = content }, Cancel);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, Readable(response, bytes), response);
    }

    /// <summary>The answer as text; a Word document is unpacked, so a secret inside its XML is found as well.</summary>
    private static string Readable(HttpResponseMessage response, byte[] bytes)
    {
        if (response.Content.Headers.ContentType?.MediaType?.Contains("wordprocessingml", StringComparison.Ordinal) != true)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }

    public static StringContent JsonBody(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);

    /// <summary>Everything a write could change in a tenant, straight from the database.</summary>
    public static Task<string> SnapshotAsync(ApiFactory api, string tenantId) => api.WithDbAsync(async db =>
    {
        var people = await db.People.IgnoreQueryFilters().Where(p => p.TenantId == tenantId).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.DisplayName, p.Email, p.ObjectId, p.Language, p.NoRecaps, p.NoReminders, p.NoDigests }).ToListAsync(Cancel);
        var series = await db.Series.IgnoreQueryFilters().Where(s => s.TenantId == tenantId).OrderBy(s => s.Id).Select(s => new { s.Id, s.ManagerId, s.Version }).ToListAsync(Cancel);
        var meetings = await db.Meetings.IgnoreQueryFilters().Where(m => m.TenantId == tenantId).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Goal, m.Subject, m.Status, m.StartUtc, m.Version }).ToListAsync(Cancel);
        var agenda = await db.AgendaItems.IgnoreQueryFilters().Where(a => a.TenantId == tenantId).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Text, a.Position, a.DiscussedInMeetingId, a.Version }).ToListAsync(Cancel);
        var actions = await db.ActionItems.IgnoreQueryFilters().Where(a => a.TenantId == tenantId).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Text, a.OwnerId, a.DueDate, a.Status, a.Version }).ToListAsync(Cancel);
        var notes = await db.Notes.IgnoreQueryFilters().Where(n => n.TenantId == tenantId).OrderBy(n => n.Id).Select(n => new { n.Id, n.Text, n.Version }).ToListAsync(Cancel);
        var audit = await db.ActionAuditEntries.IgnoreQueryFilters().Where(a => a.TenantId == tenantId).CountAsync(Cancel);
        return JsonSerializer.Serialize(new { people, series, meetings, agenda, actions, notes, audit });
    });
}
