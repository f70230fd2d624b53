using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneOnOne.Api.Data;

namespace OneOnOne.Api.Guide;

/// <summary>
/// The standing items of a series' agenda template: put on each new meeting of the series wherever it is created (the
/// calendar's sync, a resolve), in the same save; and on the upcoming meetings when the template is chosen
/// (<see cref="ApplyAsync"/>). They are written in the manager's language, as the person who runs the meeting, count as
/// theirs, and never carry over (<see cref="AgendaItem.IsStanding"/>): every meeting has its own.
/// </summary>
public sealed class StandingItems : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not OneOnOneDb db)
        {
            return result;
        }

        var added = db.ChangeTracker.Entries<Meeting>()
            .Where(e => e.State == EntityState.Added && e.Entity.Status == MeetingStatus.Scheduled)
            .Select(e => e.Entity)
            // A save that is tried again (an execution strategy's retry) must not add them twice.
            .Where(m => !db.ChangeTracker.Entries<AgendaItem>().Any(a => a.State == EntityState.Added && a.Entity.MeetingId == m.Id && a.Entity.IsStanding))
            .ToList();
        foreach (var meeting in added)
        {
            var template = await TemplateAsync(db, meeting.SeriesId, cancellationToken);
            if (template is not null)
            {
                Add(db, meeting, template);
            }
        }

        return result;
    }

    /// <summary>
    /// Puts the template's standing items on the series' upcoming meetings, in place of the standing items they had that
    /// were not discussed yet (the series chose another template, or none); meetings that are over keep theirs.
    /// </summary>
    public static async Task ApplyAsync(OneOnOneDb db, Series series, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var upcoming = await db.Meetings.IgnoreQueryFilters()
            .Where(m => m.SeriesId == series.Id && m.Status == MeetingStatus.Scheduled && m.StartUtc > nowUtc)
            .ToListAsync(cancellationToken);
        var ids = upcoming.Select(m => m.Id).ToList();
        db.AgendaItems.RemoveRange(await db.AgendaItems.IgnoreQueryFilters()
            .Where(a => ids.Contains(a.MeetingId) && a.IsStanding && a.DiscussedInMeetingId == null)
            .ToListAsync(cancellationToken));
        var template = await TemplateAsync(db, series.Id, cancellationToken);
        if (template is null)
        {
            return;
        }

        foreach (var meeting in upcoming)
        {
            Add(db, meeting, template);
        }
    }

    private sealed record Template(AgendaTemplate Items, Guid ManagerId, string Language);

    private static async Task<Template?> TemplateAsync(OneOnOneDb db, Guid seriesId, CancellationToken cancellationToken)
    {
        // Tracked first: the series may be changed in this very save (its template chosen).
        var series = db.ChangeTracker.Entries<Series>().Select(e => e.Entity).FirstOrDefault(s => s.Id == seriesId)
            ?? await db.Series.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken);
        if (series?.TemplateKey is not { } key)
        {
            return null;
        }

        var template = (await TenantGuides.NewestAsync(db, series.TenantId, cancellationToken))?.Templates.FirstOrDefault(t => t.Key == key);
        var language = await db.People.IgnoreQueryFilters().Where(p => p.Id == series.ManagerId).Select(p => p.Language).FirstOrDefaultAsync(cancellationToken);
        return template is null ? null : new Template(template, series.ManagerId, language == "nl" ? "nl" : "en");
    }

    private static void Add(OneOnOneDb db, Meeting meeting, Template template)
    {
        var position = -template.Items.StandingItems.Count;
        foreach (var item in template.Items.StandingItems)
        {
            db.AgendaItems.Add(new AgendaItem
            {
                TenantId = meeting.TenantId,
                SeriesId = meeting.SeriesId,
                MeetingId = meeting.Id,
                AuthorId = template.ManagerId,
                Text = item.In(template.Language),
                // Before whatever the meeting already has: standing items open the conversation.
                Position = position++,
                IsStanding = true,
            });
        }
    }
}
