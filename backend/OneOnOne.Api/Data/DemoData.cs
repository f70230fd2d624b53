using Microsoft.EntityFrameworkCore;

namespace OneOnOne.Api.Data;

/// <summary>
/// The demo tenant of the embedded default, so the first run shows a product with history: a manager with a
/// Dutch-speaking and an English-speaking report, three past weekly 1-on-1s each and the next one in a few days. And a
/// new colleague's first week, so the follow-ups are seen at once: her first 1-on-1 ended a quarter of an hour before the
/// demo was made and an extra check-in is tomorrow, so the first sweep sends a recap and a reminder to both of them.
/// </summary>
public static class DemoData
{
    public const string TenantId = "00000000-0000-0000-0000-00000000d3e0";

    public static readonly DemoPerson Manager = new(Guid.Parse("6d0a1c52-0000-4000-8000-000000000001"), "demo-manager", "Sanne Visser", "sanne.visser@demo.oneonone.test", "nl");
    public static readonly DemoPerson DutchReport = new(Guid.Parse("6d0a1c52-0000-4000-8000-000000000002"), "demo-report-nl", "Daan de Boer", "daan.deboer@demo.oneonone.test", "nl");
    public static readonly DemoPerson EnglishReport = new(Guid.Parse("6d0a1c52-0000-4000-8000-000000000003"), "demo-report-en", "Priya Raman", "priya.raman@demo.oneonone.test", "en");
    public static readonly DemoPerson Stranger = new(Guid.Parse("6d0a1c52-0000-4000-8000-000000000004"), "demo-colleague", "Joris Smit", "joris.smit@demo.oneonone.test", "nl");

    public static readonly DemoPerson OnboardingManager = new(Guid.Parse("6d0a1c52-0000-4000-8000-000000000005"), "demo-manager-en", "Tom Hughes", "tom.hughes@demo.oneonone.test", "en");
    public static readonly DemoPerson NewColleague = new(Guid.Parse("6d0a1c52-0000-4000-8000-000000000006"), "demo-new-colleague", "Lotte de Vries", "lotte.devries@demo.oneonone.test", "nl");

    /// <summary>HR: keeps the organisation's conversation guide; has no 1-on-1 of her own with the others.</summary>
    public static readonly DemoPerson HrAdmin = new(Guid.Parse("6d0a1c52-0000-4000-8000-000000000007"), "demo-hr", "Noor Bakker", "noor.bakker@demo.oneonone.test", "nl", IsAdmin: true);

    public static IReadOnlyList<DemoPerson> People { get; } = [Manager, DutchReport, EnglishReport, Stranger, OnboardingManager, NewColleague, HrAdmin];

    public static readonly Guid DutchSeriesId = Guid.Parse("6d0a1c52-0000-4000-8000-0000000000a1");
    public static readonly Guid EnglishSeriesId = Guid.Parse("6d0a1c52-0000-4000-8000-0000000000a2");
    public static readonly Guid OnboardingSeriesId = Guid.Parse("6d0a1c52-0000-4000-8000-0000000000a3");

    /// <summary>The demo 1-on-1s: who organizes (the manager) and who is invited, as the demo calendar has them.</summary>
    public static IReadOnlyList<(Guid SeriesId, DemoPerson Manager, DemoPerson Report)> SeriesPeople { get; } =
    [
        (DutchSeriesId, Manager, DutchReport),
        (EnglishSeriesId, Manager, EnglishReport),
        (OnboardingSeriesId, OnboardingManager, NewColleague),
    ];

    /// <summary>The new colleague's extra check-in tomorrow: a single event of her series.</summary>
    public const string OnboardingCheckInEventId = "demo-event-onboarding-check-in";

    /// <summary>The id of a demo series' weekly event in the demo calendar (see Calendar/DemoWorkplaceSeed).</summary>
    public static string EventIdOf(Guid seriesId) => $"demo-event-{seriesId:N}";

    public static string EventUidOf(Guid seriesId) => $"demo-uid-{seriesId:N}";

    /// <summary>The demo calendar's weekly team meeting: an event that is not a 1-on-1.</summary>
    public const string TeamMeetingEventId = "demo-event-team-meeting";

    /// <summary>Adds the demo tenant unless it is there already; a second start adds nothing.</summary>
    public static async Task SeedAsync(OneOnOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.People.IgnoreQueryFilters().AnyAsync(p => p.Id == Manager.Id, cancellationToken))
        {
            return;
        }

        var people = People.ToDictionary(p => p.Id, p => p.ToPerson());
        db.People.AddRange(people.Values);

        var now = clock.GetUtcNow().UtcDateTime;
        // Weekly at 09:00 UTC, the next one two days from now; the Dutch pair meets an hour later.
        var next = now.Date.AddDays(2).AddHours(9);
        AddSeries(db, DutchSeriesId, people[Manager.Id], people[DutchReport.Id], next.AddHours(1), Dutch);
        AddSeries(db, EnglishSeriesId, people[Manager.Id], people[EnglishReport.Id], next, English);
        AddOnboarding(db, people[OnboardingManager.Id], people[NewColleague.Id], now);

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The first 1-on-1 of Lotte's first week (ended 16 minutes ago, so its recap is due at once) and tomorrow's extra
    /// check-in (within the reminder's lead). Times follow the clock of the first start only: later starts add nothing.
    /// </summary>
    private static void AddOnboarding(OneOnOneDb db, Person manager, Person report, DateTime now)
    {
        var first = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddMinutes(-46);
        var checkIn = first.AddHours(21);
        var (series, weekly) = AddWeeklySeries(db, OnboardingSeriesId, manager, report, createdUtc: first.AddDays(-1));
        var extra = new LinkedEvent
        {
            TenantId = TenantId,
            SeriesId = series.Id,
            ICalUId = $"demo-uid-{OnboardingCheckInEventId}",
            OrganizerId = manager.Id,
            OrganizerEventId = OnboardingCheckInEventId,
        };
        db.LinkedEvents.Add(extra);

        var ended = new Meeting
        {
            TenantId = TenantId,
            SeriesId = series.Id,
            StartUtc = first,
            EndUtc = first.AddMinutes(30),
            Subject = OnboardingSubject,
            Goal = "Lotte's first week: what she needs to get going",
            LinkedEventId = weekly.Id,
            OriginalStartUtc = first,
        };
        var tomorrow = new Meeting
        {
            TenantId = TenantId,
            SeriesId = series.Id,
            StartUtc = checkIn,
            EndUtc = checkIn.AddMinutes(30),
            Subject = OnboardingCheckInSubject,
            LinkedEventId = extra.Id,
        };
        db.Meetings.AddRange(ended, tomorrow);
        db.AgendaItems.Add(new AgendaItem { TenantId = TenantId, SeriesId = series.Id, MeetingId = ended.Id, AuthorId = report.Id, Text = "Toegang tot de testomgeving", Position = 0, DiscussedInMeetingId = ended.Id, CreatedUtc = first.AddHours(-2) });
        db.AgendaItems.Add(new AgendaItem { TenantId = TenantId, SeriesId = series.Id, MeetingId = ended.Id, AuthorId = manager.Id, Text = "Who to meet in the first two weeks", Position = 1, DiscussedInMeetingId = ended.Id, CreatedUtc = first.AddHours(-2) });
        db.AgendaItems.Add(new AgendaItem { TenantId = TenantId, SeriesId = series.Id, MeetingId = tomorrow.Id, AuthorId = report.Id, Text = "Vragen over de eerste klantcase", Position = 0, CreatedUtc = first });
        var shared = Note.Shared(ended, manager.Id);
        shared.Text = "Lotte gets access to the test environment today; Tom introduces her to the support team this week.";
        shared.UpdatedUtc = ended.EndUtc;
        db.Notes.Add(shared);
        db.ActionItems.Add(new ActionItem
        {
            TenantId = TenantId,
            SeriesId = series.Id,
            CreatedInMeetingId = ended.Id,
            OwnerId = manager.Id,
            CreatedById = manager.Id,
            Text = "Introduce Lotte to the support team",
            DueDate = DateOnly.FromDateTime(first.AddDays(3)),
            CreatedUtc = ended.EndUtc,
        });
    }

    public const string OnboardingSubject = "1:1 Tom / Lotte";
    public const string OnboardingCheckInSubject = "Check-in Tom / Lotte";

    /// <summary>A series of the two, following the manager's weekly event in the demo calendar.</summary>
    private static (Series Series, LinkedEvent Weekly) AddWeeklySeries(OneOnOneDb db, Guid seriesId, Person manager, Person report, DateTime createdUtc)
    {
        var series = new Series { Id = seriesId, TenantId = TenantId, CreatedUtc = createdUtc };
        series.SetParticipants(manager.Id, report.Id);
        var weekly = new LinkedEvent
        {
            TenantId = TenantId,
            SeriesId = series.Id,
            ICalUId = EventUidOf(seriesId),
            OrganizerId = manager.Id,
            OrganizerEventId = EventIdOf(seriesId),
            IsRecurring = true,
        };
        db.Series.Add(series);
        db.LinkedEvents.Add(weekly);
        return (series, weekly);
    }

    private static void AddSeries(OneOnOneDb db, Guid seriesId, Person manager, Person report, DateTime nextStart, SeriesScript script)
    {
        var (series, link) = AddWeeklySeries(db, seriesId, manager, report, createdUtc: nextStart.AddDays(-28));

        var meetings = Enumerable.Range(0, 4)
            .Select(week => new Meeting
            {
                TenantId = TenantId,
                SeriesId = series.Id,
                StartUtc = nextStart.AddDays(7 * (week - 3)),
                EndUtc = nextStart.AddDays(7 * (week - 3)).AddMinutes(30),
                Subject = script.Subject,
                Goal = week < 3 ? script.Goals[week] : null,
                LinkedEventId = link.Id,
                OriginalStartUtc = nextStart.AddDays(7 * (week - 3)),
            })
            .ToList();
        db.Meetings.AddRange(meetings);

        for (var week = 0; week < 3; week++)
        {
            var meeting = meetings[week];
            var (reportPoint, managerPoint) = script.Agenda[week];
            db.AgendaItems.Add(new AgendaItem { TenantId = TenantId, SeriesId = series.Id, MeetingId = meeting.Id, AuthorId = report.Id, Text = reportPoint, Position = 0, DiscussedInMeetingId = meeting.Id, CreatedUtc = meeting.StartUtc.AddDays(-1) });
            db.AgendaItems.Add(new AgendaItem { TenantId = TenantId, SeriesId = series.Id, MeetingId = meeting.Id, AuthorId = manager.Id, Text = managerPoint, Position = 1, DiscussedInMeetingId = week == 2 ? null : meeting.Id, CreatedUtc = meeting.StartUtc.AddDays(-1) });

            var shared = Note.Shared(meeting, manager.Id);
            shared.Text = script.SharedNotes[week];
            shared.UpdatedUtc = meeting.EndUtc;
            db.Notes.Add(shared);
        }

        var privateNote = Note.Private(meetings[2], manager.Id);
        privateNote.Text = script.ManagerPrivateNote;
        db.Notes.Add(privateNote);

        var lastMeeting = meetings[2];
        var (doneText, openText, overdueText) = script.Actions;
        db.ActionItems.Add(new ActionItem
        {
            TenantId = TenantId,
            SeriesId = series.Id,
            CreatedInMeetingId = meetings[0].Id,
            OwnerId = report.Id,
            CreatedById = manager.Id,
            Text = doneText,
            DueDate = DateOnly.FromDateTime(meetings[1].StartUtc),
            Status = ActionStatus.Done,
            CompletedUtc = meetings[1].StartUtc.AddDays(-1),
            CompletedInMeetingId = lastMeeting.Id,
            CreatedUtc = meetings[0].EndUtc,
        });
        db.ActionItems.Add(new ActionItem
        {
            TenantId = TenantId,
            SeriesId = series.Id,
            CreatedInMeetingId = meetings[1].Id,
            OwnerId = manager.Id,
            CreatedById = manager.Id,
            Text = overdueText,
            DueDate = DateOnly.FromDateTime(lastMeeting.StartUtc),
            CreatedUtc = meetings[1].EndUtc,
        });
        db.ActionItems.Add(new ActionItem
        {
            TenantId = TenantId,
            SeriesId = series.Id,
            CreatedInMeetingId = lastMeeting.Id,
            OwnerId = report.Id,
            CreatedById = report.Id,
            Text = openText,
            DueDate = DateOnly.FromDateTime(meetings[3].StartUtc.AddDays(7)),
            CreatedUtc = lastMeeting.EndUtc,
        });
    }

    private sealed record SeriesScript(
        string Subject,
        string[] Goals,
        (string Report, string Manager)[] Agenda,
        string[] SharedNotes,
        string ManagerPrivateNote,
        (string Done, string Open, string Overdue) Actions);

    private static readonly SeriesScript Dutch = new(
        "1-op-1 Sanne / Daan",
        ["Afspraken maken over het inwerken van de nieuwe collega", "Terugblik op de release van vorige week", "Jouw ontwikkelplan voor het komende halfjaar"],
        [
            ("Hoe verdelen we het inwerken van Lotte?", "Planning van de teamdag"),
            ("Wat ging er goed en minder goed bij de release?", "Bezetting tijdens de vakantieperiode"),
            ("Ik wil meer doen met klantgesprekken", "Feedback uit de klantenenquête"),
        ],
        [
            "Daan neemt de eerste week van het inwerken op zich; Sanne regelt de accounts.",
            "De release liep goed; de communicatie met support kan eerder. Daan stelt een checklist voor.",
            "Daan wil groeien richting klantcontact. We kijken naar een training en een eerste gesprek met een klant.",
        ],
        "Daan lijkt wat moe; volgende keer vragen hoe het met de werkdruk gaat.",
        ("Checklist voor releasecommunicatie opstellen", "Training klantgesprekken uitzoeken", "Budget voor training aanvragen"));

    private static readonly SeriesScript English = new(
        "1:1 Sanne / Priya",
        ["Agree on priorities for the quarter", "Review how the on-call week went", "Plan Priya's first conference talk"],
        [
            ("Which of the three projects comes first?", "Quarterly goals"),
            ("On-call was heavy: can we share it differently?", "Hiring update"),
            ("I'd like feedback on my talk proposal", "Mentoring the new intern"),
        ],
        [
            "Priya leads the data migration first; the dashboard waits until April.",
            "On-call had 14 pages, most from one noisy alert. We agreed to fix the alert before the next rotation.",
            "The talk proposal is strong; make the second half more concrete with one real example.",
        ],
        "Consider Priya for the team lead track in the next review round.",
        ("Silence the noisy disk alert", "Rewrite the second half of the talk proposal", "Book the conference travel budget"));
}

/// <param name="IsAdmin">Has the administrators' app role: edits the organisation's conversation guide (admin.html).</param>
public sealed record DemoPerson(Guid Id, string ObjectId, string DisplayName, string Email, string Language, bool IsAdmin = false)
{
    public Person ToPerson()
    {
        var person = new Person { Id = Id, TenantId = DemoData.TenantId, ObjectId = ObjectId, DisplayName = DisplayName, Language = Language };
        person.SetEmail(Email);
        return person;
    }
}
