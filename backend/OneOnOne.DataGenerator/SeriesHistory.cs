using OneOnOne.Api.Data;

namespace OneOnOne.DataGenerator;

/// <summary>The rows of part of the organisation, in the order their foreign keys need.</summary>
internal sealed class Batch
{
    public List<Meeting> Meetings { get; } = [];
    public List<AgendaItem> AgendaItems { get; } = [];
    public List<Note> Notes { get; } = [];
    public List<ActionItem> ActionItems { get; } = [];

    public int PastMeetings { get; set; }

    public int Rows => Meetings.Count + AgendaItems.Count + Notes.Count + ActionItems.Count;
}

/// <summary>
/// The history of one series: weekly meetings in the past (a few cancelled), talking points that are discussed in
/// their meeting or carried to the next one, shared notes for most meetings and private ones for some, and action
/// items of which the old ones are nearly all done and the recent ones often still open (some overdue).
/// </summary>
internal static class SeriesHistory
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <param name="next">The start of the first meeting after the generated history (the upcoming one, or an existing one).</param>
    /// <param name="existingNext">The meeting at <paramref name="next"/> when it exists already; null: add it, with talking
    /// points added in advance.</param>
    public static void Generate(
        Batch batch, Random random, Series series, string? language, string subject, DateTime next, int pastMeetings, int actions,
        DateOnly today, Guid? existingNext)
    {
        var phrases = Words.For(language);
        var length = TimeSpan.FromMinutes(random.Next(4) == 0 ? 60 : 30);
        var todayStart = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var meetings = new List<Meeting>(pastMeetings + 1);
        for (var week = pastMeetings; week >= 1; week--)
        {
            var start = next - week * Week;
            meetings.Add(new Meeting
            {
                Id = OrganisationShape.NextGuid(random),
                TenantId = series.TenantId,
                SeriesId = series.Id,
                StartUtc = start,
                EndUtc = start + length,
                Subject = subject,
                Goal = random.Next(10) < 4 ? OrganisationShape.Pick(random, phrases.Goals) : null,
                // Holidays and sick days; never the last one, so "previous meeting" has content.
                Status = week > 1 && random.Next(100) < 3 ? MeetingStatus.Cancelled : MeetingStatus.Scheduled,
                CreatedUtc = start - Week,
                Version = OrganisationShape.NextGuid(random),
            });
        }

        Meeting? upcoming = null;
        if (existingNext is null)
        {
            upcoming = new Meeting
            {
                Id = OrganisationShape.NextGuid(random),
                TenantId = series.TenantId,
                SeriesId = series.Id,
                StartUtc = next,
                EndUtc = next + length,
                Subject = subject,
                CreatedUtc = next - Week,
                Version = OrganisationShape.NextGuid(random),
            };
        }

        batch.Meetings.AddRange(meetings);
        batch.PastMeetings += meetings.Count;
        if (upcoming is not null)
        {
            batch.Meetings.Add(upcoming);
        }

        for (var i = 0; i < meetings.Count; i++)
        {
            var meeting = meetings[i];
            // Carried over from the last past meeting into the upcoming one, a talking point is still open.
            var following = i + 1 < meetings.Count ? meetings[i + 1].Id : existingNext;
            AddAgenda(batch, random, series, phrases, meeting, discussedIn: following, carryChance: following is null ? 50 : 8);
            if (meeting.Status == MeetingStatus.Cancelled)
            {
                continue;
            }

            if (random.Next(100) < 85)
            {
                var shared = Note.Shared(meeting, random.Next(2) == 0 ? series.ManagerId : series.ReportId);
                shared.Id = OrganisationShape.NextGuid(random);
                shared.Text = $"{OrganisationShape.Pick(random, phrases.Notes)} {OrganisationShape.Pick(random, phrases.Notes)}";
                shared.UpdatedUtc = meeting.EndUtc;
                shared.Version = OrganisationShape.NextGuid(random);
                batch.Notes.Add(shared);
            }

            if (random.Next(100) < 12)
            {
                var secret = Note.Private(meeting, random.Next(4) == 0 ? series.ReportId : series.ManagerId);
                secret.Id = OrganisationShape.NextGuid(random);
                secret.Text = OrganisationShape.Pick(random, phrases.PrivateNotes);
                secret.UpdatedUtc = meeting.EndUtc;
                secret.Version = OrganisationShape.NextGuid(random);
                batch.Notes.Add(secret);
            }
        }

        if (upcoming is not null)
        {
            AddAgenda(batch, random, series, phrases, upcoming, discussedIn: null, carryChance: 100);
        }

        for (var a = 0; a < actions; a++)
        {
            batch.ActionItems.Add(Action(random, series, phrases, meetings, random.Next(meetings.Count), todayStart));
        }
    }

    // 0 to 4 talking points, about two on average, alternating between the two people.
    private static void AddAgenda(Batch batch, Random random, Series series, Phrases phrases, Meeting meeting, Guid? discussedIn, int carryChance)
    {
        var count = random.Next(5);
        for (var position = 0; position < count; position++)
        {
            var carried = random.Next(100) < carryChance;
            batch.AgendaItems.Add(new AgendaItem
            {
                Id = OrganisationShape.NextGuid(random),
                TenantId = series.TenantId,
                SeriesId = series.Id,
                MeetingId = meeting.Id,
                AuthorId = (position + random.Next(2)) % 2 == 0 ? series.ReportId : series.ManagerId,
                Text = OrganisationShape.Pick(random, phrases.Agenda),
                Position = position,
                // Carried over to the next meeting and discussed there; in the last meeting, still open.
                DiscussedInMeetingId = meeting.Status == MeetingStatus.Cancelled || carried ? discussedIn : meeting.Id,
                CreatedUtc = meeting.StartUtc.AddDays(-random.Next(1, 6)),
                Version = OrganisationShape.NextGuid(random),
            });
        }
    }

    private static ActionItem Action(Random random, Series series, Phrases phrases, List<Meeting> meetings, int createdIn, DateTime today)
    {
        var created = meetings[createdIn];
        var creator = random.Next(2) == 0 ? series.ManagerId : series.ReportId;
        DateOnly? due = random.Next(10) == 0 ? null : DateOnly.FromDateTime(created.StartUtc.AddDays(7 * random.Next(1, 5)));
        var age = today - created.EndUtc;
        // Old actions are nearly all done; recent ones often still open, and some of those overdue.
        var donePercent = age > 8 * Week ? 99 : age > 3 * Week ? 80 : 45;
        var item = new ActionItem
        {
            Id = OrganisationShape.NextGuid(random),
            TenantId = series.TenantId,
            SeriesId = series.Id,
            CreatedInMeetingId = created.Id,
            OwnerId = random.Next(100) < 65 ? series.ReportId : series.ManagerId,
            CreatedById = creator,
            Text = OrganisationShape.Pick(random, phrases.Actions),
            DueDate = due,
            CreatedUtc = created.EndUtc,
            Version = OrganisationShape.NextGuid(random),
        };

        if (random.Next(100) < donePercent)
        {
            var latest = Math.Max(1, Math.Min((today - created.EndUtc).TotalHours, 24 * 35));
            var completed = created.EndUtc.AddHours(random.NextDouble() * latest);
            item.Status = ActionStatus.Done;
            item.CompletedUtc = completed;
            // Reported done in the first meeting after it was finished, if there was one.
            var weeksAfterFirst = (completed - meetings[0].StartUtc) / Week;
            var index = (int)Math.Ceiling(weeksAfterFirst);
            item.CompletedInMeetingId = index < meetings.Count ? meetings[index].Id : null;
        }

        return item;
    }
}
