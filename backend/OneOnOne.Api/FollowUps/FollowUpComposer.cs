using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Data;
using OneOnOne.Api.Guide;
using OneOnOne.Api.Localization;
using OneOnOne.Api.Prompts;

namespace OneOnOne.Api.FollowUps;

/// <summary>
/// Writes the mail for one follow-up row. It reads as the recipient (their caller scope), so the same query filters
/// that protect the API protect the mails: another person's private note cannot end up in one.
/// </summary>
public sealed class FollowUpComposer(
    OneOnOneDb db, CallerScope scope, IOptions<FollowUpOptions> options, IOptions<MailOptions> mail, FollowUpLinks links, TenantGuides guides, TimeProvider clock)
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
        var (from, replyTo) = Addresses(sender);
        return new OutgoingMail(from, new MailAddress(recipient.Email, recipient.DisplayName), replyTo, subject, html, text, row.Id, unsubscribeUrl);
    }

    /// <summary>
    /// Mail about a meeting comes from the event's organizer, whose mailbox keeps the copy; where the administrator named
    /// one service mailbox for Graph, from that mailbox with the organizer to reply to. The digest is the product's own.
    /// </summary>
    private (MailAddress From, MailAddress? ReplyTo) Addresses(Person? organizer)
    {
        var settings = mail.Value;
        var graphSender = settings.Transport == MailTransportKind.Graph && settings.GraphSender is { Length: > 0 } sender ? sender : null;
        var service = new MailAddress(graphSender ?? settings.FromAddress, settings.FromName);
        if (organizer is null)
        {
            return (service, null);
        }

        var person = new MailAddress(organizer.Email, organizer.DisplayName);
        return graphSender is null ? (person, null) : (service, person);
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
        var other = meeting.Series.OtherPerson(recipient.Id);
        var agenda = await AgendaQueries.ForMeeting(db, meeting)
            .OrderBy(a => a.Position).Select(a => new { a.Text, Discussed = a.DiscussedInMeetingId == meeting.Id }).ToListAsync(cancellationToken);
        var discussed = agenda.Where(a => a.Discussed).Select(a => a.Text).ToList();
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

        if (discussed.Count > 0 || agenda.Count == 0)
        {
            body.Heading(FollowUpTexts.Discussed.In(language)).List(discussed, FollowUpTexts.EmptyAgendaInMeeting.In(language));
        }
        else
        {
            // Nobody ticked what was discussed: say so, and show what was on the agenda rather than "(nothing)".
            body.Heading(FollowUpTexts.OnTheAgenda.In(language)).Paragraph(FollowUpTexts.NothingMarkedDiscussed.In(language))
                .List(agenda.Select(a => a.Text), whenEmpty: "");
        }

        body.Heading(FollowUpTexts.SharedNotes.In(language)).Paragraph(string.IsNullOrWhiteSpace(sharedNote) ? FollowUpTexts.Nothing.In(language) : sharedNote)
            .Heading(FollowUpTexts.AgreedActions.In(language)).List(agreed, FollowUpTexts.Nothing.In(language))
            .Heading(FollowUpTexts.StillOpen.In(language)).List(stillOpen, FollowUpTexts.Nothing.In(language));
        if (next is { } nextStart)
        {
            body.Paragraph(FollowUpTexts.NextMeeting.In(language, Format(nextStart, recipient, language)));
        }

        var (notesLink, notesLinkExpires) = links.NotesDocument(meeting.Id, recipient);
        var linkWorksUntil = TimeZoneInfo.ConvertTime(notesLinkExpires, options.Value.MailTimeZone(recipient)).ToString("d MMMM yyyy", Culture(language));
        body.Link(FollowUpTexts.OpenNotes.In(language, linkWorksUntil), notesLink);
        return (FollowUpTexts.RecapSubject.In(language, other.DisplayName, Format(meeting.StartUtc, recipient, language)), body, await OrganizerAsync(meeting, cancellationToken));
    }

    private async Task<(string, MailBody, Person?)> ReminderAsync(Guid meetingId, Person recipient, string language, CancellationToken cancellationToken)
    {
        var meeting = await LoadMeetingAsync(meetingId, cancellationToken);
        var other = meeting.Series.OtherPerson(recipient.Id);
        var role = meeting.Series.RoleOf(recipient.Id);
        var agenda = await AgendaQueries.ForMeeting(db, meeting).OrderBy(a => a.Position)
            .Select(a => a.Text).ToListAsync(cancellationToken);
        var open = await db.ActionItems.Where(a => a.SeriesId == meeting.SeriesId && a.Status == ActionStatus.Open)
            .OrderBy(a => a.DueDate).Select(a => new { a.Text, a.OwnerId, OwnerName = a.Owner.DisplayName }).ToListAsync(cancellationToken);
        var meetingNumber = await PromptLibrary.MeetingNumberAsync(db, meeting, cancellationToken);
        var prompt = PromptLibrary.ForReminder(meeting.SeriesId, meetingNumber, role, await guides.PromptsAsync(meeting.TenantId, cancellationToken));

        var when = Format(meeting.StartUtc, recipient, language);
        var body = new MailBody()
            .Paragraph(FollowUpTexts.ReminderIntro.In(language, other.DisplayName, when))
            .Paragraph(role == ParticipantRole.Report ? FollowUpTexts.NudgeReport.In(language) : FollowUpTexts.NudgeManager.In(language, other.DisplayName))
            .Heading(FollowUpTexts.AgendaSoFar.In(language)).List(agenda, FollowUpTexts.EmptyAgenda.In(language))
            .Heading(FollowUpTexts.OpenActions.In(language))
            .List(open.Select(a => $"{a.Text} ({(a.OwnerId == recipient.Id ? FollowUpTexts.You.In(language) : a.OwnerName)})"), FollowUpTexts.Nothing.In(language))
            .Heading(FollowUpTexts.ThinkAbout.In(language)).Paragraph(prompt.Text(language));
        return (FollowUpTexts.ReminderSubject.In(language, other.DisplayName, when), body, await OrganizerAsync(meeting, cancellationToken));
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

    /// <summary>Whose calendar holds the event: not whoever holds the manager role, which the two can swap.</summary>
    private Task<Person?> OrganizerAsync(Meeting meeting, CancellationToken cancellationToken) =>
        db.LinkedEvents.IgnoreQueryFilters().Where(l => l.Id == meeting.LinkedEventId).Select(l => l.Organizer).FirstOrDefaultAsync(cancellationToken);

    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == Languages.Dutch ? "nl-NL" : "en-GB");

    private string Format(DateTime utc, Person recipient, string language) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, options.Value.MailTimeZone(recipient)).ToString("dddd d MMMM yyyy, HH:mm", Culture(language));
}
