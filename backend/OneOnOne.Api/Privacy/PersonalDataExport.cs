using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.Privacy;

/// <summary>Everything the product holds about one person, as they may take it with them.</summary>
public sealed record PersonalDataExport(
    DateTimeOffset ExportedAt,
    ExportedPerson Person,
    ExportedSeries[] Series,
    ExportedFollowUp[] FollowUps,
    ExportedActionChange[] ActionChanges);

public sealed record ExportedPerson(
    Guid Id, string DisplayName, string Email, string? Language, string? TimeZone, DateTimeOffset CreatedAt, ExportedMailPreferences MailPreferences);

/// <summary>true = the person receives that kind of mail.</summary>
public sealed record ExportedMailPreferences(bool Recaps, bool Reminders, bool Digests);

public sealed record ExportedSeries(
    Guid Id, ParticipantRole MyRole, string OtherPersonName, DateTimeOffset CreatedAt, ExportedMeeting[] Meetings, ExportedAction[] Actions);

public sealed record ExportedMeeting(
    Guid Id,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Subject,
    string? Goal,
    MeetingStatus Status,
    ExportedAgendaItem[] MyAgendaItems,
    ExportedNote? SharedNote,
    ExportedNote? MyPrivateNote);

public sealed record ExportedAgendaItem(Guid Id, string Text, bool Discussed, DateTimeOffset CreatedAt);

public sealed record ExportedNote(string Text, DateTimeOffset UpdatedAt, bool LastWrittenByMe);

public sealed record ExportedAction(
    Guid Id, string Text, string OwnerName, bool OwnedByMe, bool CreatedByMe, DateOnly? DueDate, ActionStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

public sealed record ExportedFollowUp(FollowUpKind Kind, Guid? MeetingId, DateTimeOffset Due, FollowUpStatus Status, DateTimeOffset? SentAt);

public sealed record ExportedActionChange(Guid ActionId, DateTimeOffset At, AuditChange Change, AuditedField[] Fields);

public static class PersonalData
{
    /// <summary>
    /// Reads through the context's query filters (the caller's tenant, their series, their own private notes) and
    /// narrows further to what is theirs, so another person's private note cannot reach the export.
    /// </summary>
    public static async Task<PersonalDataExport> ExportAsync(Caller caller, OneOnOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = caller.PersonId;
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == me, cancellationToken);
        var series = await db.Series.AsNoTracking().Include(s => s.Manager).Include(s => s.Report)
            .OrderBy(s => s.CreatedUtc).ToListAsync(cancellationToken);
        var seriesIds = series.Select(s => s.Id).ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => seriesIds.Contains(m.SeriesId)).OrderBy(m => m.StartUtc).ToListAsync(cancellationToken);
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.AuthorId == me && meetingIds.Contains(a.MeetingId))
            .OrderBy(a => a.CreatedUtc).ToListAsync(cancellationToken);
        var notes = await db.Notes.AsNoTracking()
            .Where(n => meetingIds.Contains(n.MeetingId) && (n.OwnerKey == Guid.Empty || n.OwnerKey == me))
            .ToListAsync(cancellationToken);
        var actions = await db.ActionItems.AsNoTracking().Include(a => a.Owner)
            .Where(a => seriesIds.Contains(a.SeriesId) && (a.OwnerId == me || a.CreatedById == me))
            .OrderBy(a => a.CreatedUtc).ToListAsync(cancellationToken);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.RecipientId == me).OrderBy(f => f.DueUtc).ToListAsync(cancellationToken);
        var changes = await db.ActionAuditEntries.AsNoTracking().Where(a => a.ChangedById == me).OrderBy(a => a.ChangedUtc).ToListAsync(cancellationToken);

        return new PersonalDataExport(
            clock.GetUtcNow(),
            new ExportedPerson(person.Id, person.DisplayName, person.Email, person.Language, person.TimeZone, Utc(person.CreatedUtc),
                new ExportedMailPreferences(!person.NoRecaps, !person.NoReminders, !person.NoDigests)),
            series.Select(s => new ExportedSeries(
                s.Id,
                s.RoleOf(me),
                (s.OtherParticipant(me) == s.ManagerId ? s.Manager : s.Report).DisplayName,
                Utc(s.CreatedUtc),
                meetings.Where(m => m.SeriesId == s.Id).Select(m => new ExportedMeeting(
                    m.Id, Utc(m.StartUtc), Utc(m.EndUtc), m.Subject, m.Goal, m.Status,
                    agenda.Where(a => a.MeetingId == m.Id)
                        .Select(a => new ExportedAgendaItem(a.Id, a.Text, a.DiscussedInMeetingId is not null, Utc(a.CreatedUtc))).ToArray(),
                    Note(notes.FirstOrDefault(n => n.MeetingId == m.Id && n.OwnerKey == Guid.Empty), me),
                    Note(notes.FirstOrDefault(n => n.MeetingId == m.Id && n.OwnerKey == me), me))).ToArray(),
                actions.Where(a => a.SeriesId == s.Id).Select(a => new ExportedAction(
                    a.Id, a.Text, a.Owner.DisplayName, a.OwnerId == me, a.CreatedById == me, a.DueDate, a.Status, Utc(a.CreatedUtc),
                    a.CompletedUtc is { } done ? Utc(done) : null)).ToArray())).ToArray(),
            followUps.Select(f => new ExportedFollowUp(f.Kind, f.MeetingId, Utc(f.DueUtc), f.Status, f.SentUtc is { } sent ? Utc(sent) : null)).ToArray(),
            changes.Select(c => new ExportedActionChange(c.ActionItemId, Utc(c.ChangedUtc), c.Change, [.. ActionAudit.Read(c.Changes)])).ToArray());
    }

    private static ExportedNote? Note(Note? note, Guid me) =>
        note is null ? null : new ExportedNote(note.Text, Utc(note.UpdatedUtc), note.AuthorId == me);

    /// <summary>A stored UTC time as the API writes times (also the audit trail's, PrivacyEndpoints).</summary>
    internal static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
