using System.Net.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Meetings;

/// <summary>What Office.js knows of the event open in Outlook.</summary>
public sealed record ResolveMeetingRequest(
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? Subject,
    EmailAddressInput? Organizer,
    EmailAddressInput[]? Attendees,
    string? ItemId,
    string? SeriesId,
    RecurrenceInput? Recurrence);

public sealed record EmailAddressInput(string? Email, string? DisplayName);

public sealed record ResolveMeetingResponse(Guid MeetingId, Guid SeriesId, ParticipantRole Role, bool Created, Guid? NextMeetingId);

/// <summary>
/// Turns an Outlook event into the 1-on-1 it belongs to: the pair's series (created the first time, organizer as
/// manager) and the meeting for that start (a moved occurrence is updated, not duplicated).
/// </summary>
public static class ResolveMeeting
{
    public static async Task<Results<Ok<ResolveMeetingResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        ResolveMeetingRequest request, Caller caller, OneOnOneDb db, HttpContext context, CancellationToken cancellationToken)
    {
        var validation = new Validation(caller.Language);
        var (start, end) = ReadTimes(request, validation);
        var people = ReadPeople(request, validation);
        var zone = ReadRecurrence(request.Recurrence, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (people.Count != 2)
        {
            return NotAOneOnOne(context, Texts.NotAOneOnOneCount, people.Count);
        }

        if (!people.Any(p => Person.Normalize(p.Email) == caller.Person.NormalizedEmail))
        {
            return NotAOneOnOne(context, Texts.NotAOneOnOneWithoutYou);
        }

        var other = people.Single(p => Person.Normalize(p.Email) != caller.Person.NormalizedEmail);
        var otherPerson = await FindOrAddPersonAsync(db, caller.TenantId, other, cancellationToken);
        var organizerIsOther = request.Organizer?.Email is { } organizer && Person.Normalize(organizer) == otherPerson.NormalizedEmail;
        var series = await FindOrAddSeriesAsync(
            db, caller.TenantId, managerId: organizerIsOther ? otherPerson.Id : caller.PersonId, reportId: organizerIsOther ? caller.PersonId : otherPerson.Id, cancellationToken);

        var subject = UserText.CleanLine(request.Subject);
        subject = subject.Length > Limits.Subject ? subject[..Limits.Subject] : subject;
        var itemId = Hint(request.ItemId);
        var (meeting, created) = await FindOrAddMeetingAsync(db, series, start, end, subject, itemId, Hint(request.SeriesId), cancellationToken);

        Guid? nextMeetingId = null;
        if (request.Recurrence is { } recurrence && zone is not null)
        {
            var nextStart = Truncate(Recurrence.NextStartUtc(meeting.StartUtc, recurrence, zone));
            var (next, _) = await FindOrAddMeetingAsync(db, series, nextStart, nextStart + (end - start), subject, itemId: null, Hint(request.SeriesId), cancellationToken);
            nextMeetingId = next.Id;
        }

        return TypedResults.Ok(new ResolveMeetingResponse(meeting.Id, series.Id, series.RoleOf(caller.PersonId), created, nextMeetingId));
    }

    private static (DateTime Start, DateTime End) ReadTimes(ResolveMeetingRequest request, Validation validation)
    {
        if (request.Start is null)
        {
            validation.Add("start", Texts.Required);
        }

        if (request.End is null)
        {
            validation.Add("end", Texts.Required);
        }
        else if (request.Start is not null && request.End <= request.Start)
        {
            validation.Add("end", Texts.EndBeforeStart);
        }

        return (Truncate(request.Start?.UtcDateTime ?? default), Truncate(request.End?.UtcDateTime ?? default));
    }

    private sealed record Invitee(string Email, string? DisplayName);

    private static List<Invitee> ReadPeople(ResolveMeetingRequest request, Validation validation)
    {
        var everyone = new List<(string Field, EmailAddressInput Input)>();
        if (request.Organizer is not null)
        {
            everyone.Add(("organizer.email", request.Organizer));
        }

        everyone.AddRange((request.Attendees ?? []).Select((a, i) => ($"attendees[{i}].email", a)));
        foreach (var (field, input) in everyone)
        {
            if (!IsEmail(input.Email))
            {
                validation.Add(field, Texts.InvalidEmail);
            }
        }

        // The organizer usually appears among the attendees too: count people, not entries.
        return everyone
            .Where(e => IsEmail(e.Input.Email))
            .Select(e => new Invitee(e.Input.Email!.Trim(), e.Input.DisplayName))
            .DistinctBy(e => Person.Normalize(e.Email))
            .ToList();
    }

    private static TimeZoneInfo? ReadRecurrence(RecurrenceInput? recurrence, Validation validation)
    {
        if (recurrence is null)
        {
            return null;
        }

        if (!Recurrence.IsReadable(recurrence))
        {
            validation.Add("recurrence", Texts.UnknownRecurrence);
            return null;
        }

        var zone = Recurrence.FindTimeZone(recurrence.TimeZone);
        if (zone is null)
        {
            validation.Add("recurrence.timeZone", Texts.UnknownTimeZone);
        }

        return zone;
    }

    private static bool IsEmail(string? email) =>
        email is { Length: > 0 and <= Limits.Email } && MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim();

    private static ProblemHttpResult NotAOneOnOne(HttpContext context, Text reason, params object[] args) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = Texts.NotAOneOnOneTitle.In(ProblemSetup.LanguageOf(context)),
            Detail = reason.In(ProblemSetup.LanguageOf(context), args),
        });

    private static async Task<Person> FindOrAddPersonAsync(OneOnOneDb db, string tenantId, Invitee input, CancellationToken cancellationToken)
    {
        var normalized = Person.Normalize(input.Email);
        var person = await db.People.FirstOrDefaultAsync(p => p.NormalizedEmail == normalized, cancellationToken);
        if (person is not null)
        {
            return person;
        }

        var name = UserText.CleanLine(input.DisplayName);
        person = new Person { TenantId = tenantId, DisplayName = name.Length is > 0 and <= Limits.DisplayName ? name : input.Email.Trim() };
        person.SetEmail(input.Email);
        db.People.Add(person);
        await SaveOrReloadAsync(db, cancellationToken);
        return await db.People.FirstAsync(p => p.NormalizedEmail == normalized, cancellationToken);
    }

    private static async Task<Series> FindOrAddSeriesAsync(OneOnOneDb db, string tenantId, Guid managerId, Guid reportId, CancellationToken cancellationToken)
    {
        var pairKey = Series.PairKeyOf(managerId, reportId);
        var series = await db.Series.FirstOrDefaultAsync(s => s.PairKey == pairKey, cancellationToken);
        if (series is not null)
        {
            return series;
        }

        series = new Series { TenantId = tenantId };
        series.SetParticipants(managerId, reportId);
        db.Series.Add(series);
        await SaveOrReloadAsync(db, cancellationToken);
        return await db.Series.FirstAsync(s => s.PairKey == pairKey, cancellationToken);
    }

    private static async Task<(Meeting Meeting, bool Created)> FindOrAddMeetingAsync(
        OneOnOneDb db, Series series, DateTime start, DateTime end, string subject, string? itemId, string? outlookSeriesId, CancellationToken cancellationToken)
    {
        // Same start: the same meeting. Same Outlook item at another start: the occurrence was moved.
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.SeriesId == series.Id && m.StartUtc == start, cancellationToken)
            ?? (itemId is null ? null : await db.Meetings.FirstOrDefaultAsync(m => m.SeriesId == series.Id && m.OutlookItemId == itemId, cancellationToken));
        var created = meeting is null;
        if (meeting is null)
        {
            meeting = new Meeting { TenantId = series.TenantId, SeriesId = series.Id };
            db.Meetings.Add(meeting);
        }

        meeting.StartUtc = start;
        meeting.EndUtc = end;
        meeting.Status = MeetingStatus.Scheduled;
        if (subject.Length > 0)
        {
            meeting.Subject = subject;
        }

        meeting.OutlookItemId ??= itemId;
        meeting.OutlookSeriesId ??= outlookSeriesId;
        if (!created && db.Entry(meeting).State == EntityState.Unchanged)
        {
            return (meeting, false);
        }

        await SaveOrReloadAsync(db, cancellationToken);
        return (await db.Meetings.FirstAsync(m => m.SeriesId == series.Id && m.StartUtc == start, cancellationToken), created);
    }

    // Both participants may open the invite at the same moment: the loser of a unique-index race reads the winner's row.
    private static async Task SaveOrReloadAsync(OneOnOneDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
        }
    }

    private static string? Hint(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Length > Limits.OutlookId ? null : value.Trim();

    // Outlook works in minutes; whole seconds keep the (series, start) key equal on every provider.
    private static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
