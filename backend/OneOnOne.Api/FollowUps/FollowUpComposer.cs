using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Data;
using OneOnOne.Api.Localization;
using OneOnOne.Api.Prompts;

namespace OneOnOne.Api.FollowUps;

/// <summary>
/// Writes the mail for one follow-up row. It reads as the recipient (their caller scope), so the same query filters
/// that protect the API protect the mails: another person's private note cannot end up in one.
/// </summary>
public sealed class FollowUpComposer(
    OneOnOneDb db, CallerScope scope, IOptions<FollowUpOptions> options, IOptions<MailOptions> mail, FollowUpLinks links, TimeProvider clock)
{
    public async Task<OutgoingMail> ComposeAsync(FollowUp row, Person recipient, CancellationToken cancellationToken)
    {
        scope.Set(recipient.TenantId, recipient.Id);
        var language = Languages.Normalize(recipient.Language) ?? Languages.English;
        var (subject, body, sender) = row.Kind switch
        {
            FollowUpKind.Recap => await RecapAsync(row.MeetingId!.Value, recipient, language, cancellationToken),
            FollowUpKind.PreparationReminder => await ReminderAsync(row.MeetingId!.Value, recipient, language, cancellationToken),
            _ => await DigestAsync(recipient, language, cancellationToken),
        };
        var (stopLabel, unsubscribeUrl) = (StopText(row.Kind).In(language), links.Unsubscribe(recipient.Id, row.Kind));
        var (html, text) = body.Footer(FollowUpTexts.Footer.In(language), stopLabel, unsubscribeUrl).Build();
        return new OutgoingMail(
            sender?.Email ?? mail.Value.FromAddress, sender?.DisplayName ?? mail.Value.FromName, recipient.Email, recipient.DisplayName,
            subject, html, text, row.Id, unsubscribeUrl);
    }

    private static Text StopText(FollowUpKind kind) => kind switch
    {
        FollowUpKind.Recap => FollowUpTexts.StopRecaps,
        FollowUpKind.PreparationReminder => FollowUpTexts.StopReminders,
        _ => FollowUpTexts.StopDigests,
    };

    private async Task<(string, MailBody, Person?)> RecapAsync(Guid meetingId, Person recipient, string language, CancellationToken cancellationToken)
    {
        var meeting = await LoadMeetingAsync(meetingId, cancellationToken);
        var other = Other(meeting, recipient);
        var discussed = await AgendaEndpoints.ForMeeting(db, meeting).Where(a => a.DiscussedInMeetingId == meeting.Id)
            .OrderBy(a => a.Position).Select(a => a.Text).ToListAsync(cancellationToken);
        var sharedNote = await db.Notes.Where(n => n.MeetingId == meeting.Id && n.Visibility == NoteVisibility.Shared)
            .Select(n => n.Text).FirstOrDefaultAsync(cancellationToken);
        var actions = await db.ActionItems.Where(a => a.SeriesId == meeting.SeriesId && (a.CreatedInMeetingId == meeting.Id || a.Status == ActionStatus.Open))
            .Select(a => new { a.Text, a.OwnerId, OwnerName = a.Owner.DisplayName, a.DueDate, a.CreatedInMeetingId, a.CreatedUtc })
            .ToListAsync(cancellationToken);
        var next = await db.Meetings.Where(m => m.SeriesId == meeting.SeriesId && m.Status == MeetingStatus.Scheduled && m.StartUtc > meeting.StartUtc)
            .OrderBy(m => m.StartUtc).Select(m => (DateTime?)m.StartUtc).FirstOrDefaultAsync(cancellationToken);

        string Line(string text, Guid ownerId, string ownerName, DateOnly? due)
        {
            var owner = ownerId == recipient.Id ? FollowUpTexts.You.In(language) : ownerName;
            return due is { } date
                ? FollowUpTexts.ActionLineDue.In(language, text, owner, date.ToString("d MMMM", Culture(language)))
                : $"{text} ({owner})";
        }

        var agreed = actions.Where(a => a.CreatedInMeetingId == meeting.Id)
            .OrderBy(a => a.OwnerId != recipient.Id).ThenBy(a => a.CreatedUtc)
            .Select(a => Line(a.Text, a.OwnerId, a.OwnerName, a.DueDate));
        var stillOpen = actions.Where(a => a.CreatedInMeetingId != meeting.Id)
            .OrderBy(a => a.OwnerId != recipient.Id).ThenBy(a => a.DueDate)
            .Select(a => Line(a.Text, a.OwnerId, a.OwnerName, a.DueDate));

        var body = new MailBody().Paragraph(FollowUpTexts.RecapIntro.In(language, other.DisplayName));
        if (!string.IsNullOrWhiteSpace(meeting.Goal))
        {
            body.Heading(FollowUpTexts.Goal.In(language)).Paragraph(meeting.Goal);
        }

        body.Heading(FollowUpTexts.Discussed.In(language)).List(discussed, FollowUpTexts.Nothing.In(language))
            .Heading(FollowUpTexts.SharedNotes.In(language)).Paragraph(string.IsNullOrWhiteSpace(sharedNote) ? FollowUpTexts.Nothing.In(language) : sharedNote)
            .Heading(FollowUpTexts.AgreedActions.In(language)).List(agreed, FollowUpTexts.Nothing.In(language))
            .Heading(FollowUpTexts.StillOpen.In(language)).List(stillOpen, FollowUpTexts.Nothing.In(language));
        if (next is { } nextStart)
        {
            body.Paragraph(FollowUpTexts.NextMeeting.In(language, Format(nextStart, recipient, language)));
        }

        var (notesLink, notesLinkExpires) = links.NotesDocument(meeting.Id, recipient);
        var linkWorksUntil = TimeZoneInfo.ConvertTime(notesLinkExpires, options.Value.MailTimeZone(recipient)).ToString("d MMMM yyyy", Culture(language));
        body.Link(FollowUpTexts.OpenNotes.In(language, linkWorksUntil), notesLink);
        return (FollowUpTexts.RecapSubject.In(language, other.DisplayName, Format(meeting.StartUtc, recipient, language)), body, meeting.Series.Manager);
    }

    private async Task<(string, MailBody, Person?)> ReminderAsync(Guid meetingId, Person recipient, string language, CancellationToken cancellationToken)
    {
        var meeting = await LoadMeetingAsync(meetingId, cancellationToken);
        var other = Other(meeting, recipient);
        var role = meeting.Series.RoleOf(recipient.Id);
        var agenda = await AgendaEndpoints.ForMeeting(db, meeting).OrderBy(a => a.Position)
            .Select(a => a.Text).ToListAsync(cancellationToken);
        var open = await db.ActionItems.Where(a => a.SeriesId == meeting.SeriesId && a.Status == ActionStatus.Open)
            .OrderBy(a => a.DueDate).Select(a => new { a.Text, a.OwnerId, OwnerName = a.Owner.DisplayName }).ToListAsync(cancellationToken);
        var meetingNumber = await PromptLibrary.MeetingNumberAsync(db, meeting, cancellationToken);
        var prompt = PromptLibrary.ForMeeting(meeting.SeriesId, meetingNumber, role, hasOpenActions: false, count: 1)[0];

        var when = Format(meeting.StartUtc, recipient, language);
        var body = new MailBody()
            .Paragraph(FollowUpTexts.ReminderIntro.In(language, other.DisplayName, when))
            .Paragraph(role == ParticipantRole.Report ? FollowUpTexts.NudgeReport.In(language) : FollowUpTexts.NudgeManager.In(language, other.DisplayName))
            .Heading(FollowUpTexts.AgendaSoFar.In(language)).List(agenda, FollowUpTexts.EmptyAgenda.In(language))
            .Heading(FollowUpTexts.OpenActions.In(language))
            .List(open.Select(a => $"{a.Text} ({(a.OwnerId == recipient.Id ? FollowUpTexts.You.In(language) : a.OwnerName)})"), FollowUpTexts.Nothing.In(language))
            .Heading(FollowUpTexts.ThinkAbout.In(language)).Paragraph(prompt.Text(language));
        return (FollowUpTexts.ReminderSubject.In(language, other.DisplayName, when), body, meeting.Series.Manager);
    }

    private async Task<(string, MailBody, Person?)> DigestAsync(Person recipient, string language, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var overdue = await db.ActionItems.Where(a => a.OwnerId == recipient.Id && a.Status == ActionStatus.Open && a.DueDate < today)
            .OrderBy(a => a.DueDate)
            .Select(a => new { a.Text, a.DueDate, Other = a.Series.ManagerId == recipient.Id ? a.Series.Report.DisplayName : a.Series.Manager.DisplayName })
            .ToListAsync(cancellationToken);
        var body = new MailBody()
            .Paragraph(FollowUpTexts.DigestIntro.In(language))
            .List(overdue.Select(a => FollowUpTexts.DigestLine.In(language, a.Text, a.DueDate!.Value.ToString("d MMMM", Culture(language)), a.Other)), FollowUpTexts.Nothing.In(language));
        var subject = overdue.Count == 1 ? FollowUpTexts.DigestSubjectOne.In(language) : FollowUpTexts.DigestSubject.In(language, overdue.Count);
        return (subject, body, null);
    }

    private Task<Meeting> LoadMeetingAsync(Guid meetingId, CancellationToken cancellationToken) =>
        db.Meetings.Include(m => m.Series).ThenInclude(s => s.Manager)
            .Include(m => m.Series).ThenInclude(s => s.Report)
            .AsSplitQuery()
            .SingleAsync(m => m.Id == meetingId, cancellationToken);

    private static Person Other(Meeting meeting, Person recipient) =>
        meeting.Series.ManagerId == recipient.Id ? meeting.Series.Report : meeting.Series.Manager;

    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == Languages.Dutch ? "nl-NL" : "en-GB");

    private string Format(DateTime utc, Person recipient, string language) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, options.Value.MailTimeZone(recipient)).ToString("dddd d MMMM yyyy, HH:mm", Culture(language));
}

/// <summary>
/// Absolute links in mails, each signed, so the link itself is the credential: the notes document of a recap, for the
/// person it was sent to and until it expires, and the one-click unsubscribe link.
/// </summary>
public sealed class FollowUpLinks(IConfiguration configuration, IDataProtectionProvider protection, TimeProvider clock, IOptions<FollowUpOptions> options)
{
    /// <summary>The data protection purpose of the notes links (tests forge links with it).</summary>
    public const string NotesPurpose = "OneOnOne.FollowUps.NotesDocument";

    private readonly IDataProtector unsubscribe = protection.CreateProtector("OneOnOne.FollowUps.Unsubscribe");
    private readonly IDataProtector notes = protection.CreateProtector(NotesPurpose);

    private string BaseUrl => (configuration["App:PublicBaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5080").TrimEnd('/');

    /// <summary>
    /// A mail client has no bearer token, so the recap cannot link to the API's document. This link carries the meeting,
    /// the recipient, the address it was sent to (an erased or renamed person's link stops working) and when it expires.
    /// </summary>
    public (string Url, DateTimeOffset Expires) NotesDocument(Guid meetingId, Person recipient)
    {
        var expires = clock.GetUtcNow().Add(options.Value.NotesLinkLifetime);
        var token = notes.Protect($"{meetingId:N}|{recipient.Id:N}|{expires.ToUnixTimeSeconds()}|{recipient.NormalizedEmail}");
        return ($"{BaseUrl}/follow-ups/notes?t={Uri.EscapeDataString(token)}", expires);
    }

    public NotesLink? ReadNotesToken(string? token) =>
        Unprotect(notes, token, 4) is [var meeting, var person, var expires, var email]
        && Guid.TryParseExact(meeting, "N", out var meetingId) && Guid.TryParseExact(person, "N", out var personId)
        && long.TryParse(expires, out var expiresSeconds)
            ? new NotesLink(meetingId, personId, DateTimeOffset.FromUnixTimeSeconds(expiresSeconds), email)
            : null;

    public string Unsubscribe(Guid personId, FollowUpKind kind) =>
        $"{BaseUrl}/follow-ups/unsubscribe?t={Uri.EscapeDataString(unsubscribe.Protect($"{personId:N}|{kind}"))}";

    public (Guid PersonId, FollowUpKind Kind)? ReadUnsubscribeToken(string? token) =>
        Unprotect(unsubscribe, token, 2) is [var person, var kindName]
        && Guid.TryParseExact(person, "N", out var personId) && Enum.TryParse<FollowUpKind>(kindName, out var kind)
            ? (personId, kind)
            : null;

    /// <summary>The token's fields (the last one may contain the separator); null when the token is forged or damaged.</summary>
    private static string[]? Unprotect(IDataProtector protector, string? token, int fields)
    {
        try
        {
            var parts = protector.Unprotect(token ?? "").Split('|', fields);
            return parts.Length == fields ? parts : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>What a recap's link to the notes document says (see <see cref="FollowUpLinks.NotesDocument"/>).</summary>
public sealed record NotesLink(Guid MeetingId, Guid PersonId, DateTimeOffset Expires, string NormalizedEmail);
