using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneOnOne.Api.Data;

namespace OneOnOne.Api.Guide;

/// <summary>
/// Puts the standing items of a series' template on each new meeting of that series, wherever the meeting is created
/// (the calendar's sync, a resolve): added with the meeting, in the same save. Meetings that exist already are left as
/// they are. The items are written in the manager's language, as the person who runs the meeting, and count as theirs.
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
            .ToList();
        foreach (var meeting in added)
        {
            var series = await db.Series.IgnoreQueryFilters()
                .Where(s => s.Id == meeting.SeriesId && s.TemplateKey != null)
                .Select(s => new { s.TemplateKey, s.ManagerId, s.Manager.Language })
                .FirstOrDefaultAsync(cancellationToken);
            if (series is null)
            {
                continue;
            }

            var json = await db.GuideVersions.Where(g => g.TenantId == meeting.TenantId).OrderByDescending(g => g.Number)
                .Select(g => g.Guide).FirstOrDefaultAsync(cancellationToken);
            var template = json is null ? null : JsonSerializer.Deserialize<ConversationGuide>(json, TenantGuides.Json)!.Templates.FirstOrDefault(t => t.Key == series.TemplateKey);
            var language = series.Language == "nl" ? "nl" : "en";
            var position = 0;
            foreach (var item in template?.StandingItems ?? [])
            {
                db.AgendaItems.Add(new AgendaItem
                {
                    TenantId = meeting.TenantId,
                    SeriesId = meeting.SeriesId,
                    MeetingId = meeting.Id,
                    AuthorId = series.ManagerId,
                    Text = item.In(language),
                    Position = position++,
                });
            }
        }

        return result;
    }
}
