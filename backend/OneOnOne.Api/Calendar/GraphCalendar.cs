using System.Globalization;
using Microsoft.Extensions.Options;
using OneOnOne.Api.Graph;
using GraphEvent = Microsoft.Graph.Models.Event;

namespace OneOnOne.Api.Calendar;

/// <summary>
/// Outlook calendars through Microsoft Graph. A signed-in caller's own calendar is read on their behalf
/// (delegated <c>Calendars.ReadBasic</c>, which cannot reach anyone else's); an organizer's calendar from a background job
/// with the application permission <c>Calendars.ReadBasic</c>. Times come back in UTC (the <c>Prefer</c> header).
/// </summary>
public sealed class GraphCalendar(GraphClients graph, IOptions<CalendarOptions> options) : ICalendar
{
    public const string DelegatedScope = "Calendars.ReadBasic";

    private static readonly string[] Fields =
        ["id", "type", "seriesMasterId", "iCalUId", "start", "end", "originalStart", "subject", "isCancelled", "isDraft", "organizer", "attendees"];

    public Task<CalendarEvent?> GetEventAsync(CalendarOwner owner, string eventId, CancellationToken cancellationToken) =>
        ReadAsync(async cancel =>
        {
            var found = await Mailbox(owner).Events[eventId].GetAsync(request =>
            {
                request.QueryParameters.Select = Fields;
                request.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
            }, cancel);
            return found is null ? null : ToEvent(found);
        }, cancellationToken);

    public Task<CalendarEvent?> FindByUidAsync(CalendarOwner owner, string iCalUId, CancellationToken cancellationToken) =>
        ReadAsync(async cancel =>
        {
            var found = await Mailbox(owner).Events.GetAsync(request =>
            {
                request.QueryParameters.Filter = $"iCalUId eq '{iCalUId.Replace("'", "''", StringComparison.Ordinal)}'";
                request.QueryParameters.Select = Fields;
                request.QueryParameters.Top = 1;
                request.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
            }, cancel);
            return found?.Value?.FirstOrDefault() is { } first ? ToEvent(first) : null;
        }, cancellationToken);

    public async Task<IReadOnlyList<CalendarEvent>?> GetOccurrencesAsync(
        CalendarOwner owner, string seriesMasterId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        await ReadAsync<List<CalendarEvent>>(async cancel =>
        {
            var instances = Mailbox(owner).Events[seriesMasterId].Instances;
            var page = await instances.GetAsync(request =>
            {
                request.QueryParameters.StartDateTime = fromUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                request.QueryParameters.EndDateTime = toUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                request.QueryParameters.Select = Fields;
                request.QueryParameters.Top = 100;
                request.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
            }, cancel);
            var all = new List<CalendarEvent>();
            while (page is not null)
            {
                all.AddRange((page.Value ?? []).Select(ToEvent));
                page = page.OdataNextLink is { Length: > 0 } next ? await instances.WithUrl(next).GetAsync(cancellationToken: cancel) : null;
            }

            return all;
        }, cancellationToken);

    private Microsoft.Graph.Users.Item.UserItemRequestBuilder Mailbox(CalendarOwner owner) =>
        (owner.AsSignedInCaller ? graph.ForUser(DelegatedScope) : graph.ForApplication(owner.TenantId)).Users[owner.ObjectId];

    private Task<T?> ReadAsync<T>(Func<CancellationToken, Task<T?>> read, CancellationToken cancellationToken)
        where T : class =>
        GraphFailures.ReadOrNullAsync(read, options.Value.RequestTimeout, "The calendar", cancellationToken);

    private static CalendarEvent ToEvent(GraphEvent e) => new(
        e.Id ?? "",
        e.Type switch
        {
            Microsoft.Graph.Models.EventType.Occurrence => CalendarEventType.Occurrence,
            Microsoft.Graph.Models.EventType.Exception => CalendarEventType.Exception,
            Microsoft.Graph.Models.EventType.SeriesMaster => CalendarEventType.SeriesMaster,
            _ => CalendarEventType.SingleInstance,
        },
        e.SeriesMasterId,
        e.ICalUId,
        Utc(e.Start),
        Utc(e.End),
        e.OriginalStart?.UtcDateTime,
        e.Subject ?? "",
        e.IsCancelled == true,
        e.Organizer?.EmailAddress is { Address: { } organizer } o ? new CalendarAttendee(organizer, o.Name) : null,
        (e.Attendees ?? [])
            .Where(a => a.EmailAddress?.Address is { Length: > 0 })
            .Select(a => new CalendarAttendee(a.EmailAddress!.Address!, a.EmailAddress.Name, a.Type == Microsoft.Graph.Models.AttendeeType.Resource))
            .ToList(),
        e.IsDraft == true);

    /// <summary>Graph's dateTimeTimeZone: UTC when the Prefer header was honoured, else the zone it names.</summary>
    private static DateTime Utc(Microsoft.Graph.Models.DateTimeTimeZone? value)
    {
        if (value?.DateTime is not { } text || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return default;
        }

        var zone = Localization.TimeZones.Find(value.TimeZone) ?? TimeZoneInfo.Utc;
        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }
}
