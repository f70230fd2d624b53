using System.Globalization;
using System.Text.Json;
using OneOnOne.Api.Hosting;

namespace OneOnOne.Api.Calendar;

/// <summary>
/// The embedded default's directory and calendar: the same seam as Graph, kept in a JSON file in the data folder so a
/// restart keeps what was moved or cancelled. Events are shared by everyone on them (one copy, where Exchange keeps one per
/// mailbox); an event is in someone's calendar when they organize it or are invited. Occurrence ids carry their
/// original start, as Exchange's do.
/// </summary>
public sealed class DemoWorkplace : ICalendar, IDirectory
{
    public const string FileName = "demo-workplace.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly Lock gate = new();
    private readonly string path;
    private readonly State state;

    public DemoWorkplace(AppPaths paths)
    {
        path = Path.Combine(paths.DataFolder, FileName);
        state = File.Exists(path) ? JsonSerializer.Deserialize<State>(File.ReadAllText(path), Json) ?? new State() : new State();
    }

    public sealed class State
    {
        public List<DemoUser> People { get; set; } = [];
        public List<DemoEvent> Events { get; set; } = [];
    }

    public sealed class DemoUser
    {
        public required string TenantId { get; set; }
        public required string ObjectId { get; set; }
        public required string DisplayName { get; set; }
        public required string Mail { get; set; }
        public bool IsGuest { get; set; }
        public bool AccountEnabled { get; set; } = true;
    }

    public sealed class DemoEvent
    {
        public required string Id { get; set; }
        public required string TenantId { get; set; }
        public required string ICalUId { get; set; }
        public required string Subject { get; set; }
        public required CalendarAttendee Organizer { get; set; }
        public List<CalendarAttendee> Attendees { get; set; } = [];
        public DateTime FirstStartUtc { get; set; }
        public TimeSpan Duration { get; set; }

        /// <summary>Days between occurrences; null for a single event.</summary>
        public int? RepeatEveryDays { get; set; }

        /// <summary>Moved occurrences (original start → new start) and cancelled ones (→ null).</summary>
        public Dictionary<DateTime, DateTime?> Exceptions { get; set; } = [];
    }

    public bool IsEmpty
    {
        get
        {
            lock (gate)
            {
                return state.People.Count == 0 && state.Events.Count == 0;
            }
        }
    }

    public static string OccurrenceId(string seriesMasterId, DateTime originalStartUtc) =>
        $"{seriesMasterId}.{originalStartUtc.ToString("yyyyMMddTHHmmss", CultureInfo.InvariantCulture)}Z";

    // ----- the directory and the people in it

    public void AddPerson(string tenantId, string objectId, string displayName, string mail, bool isGuest = false) => Change(() =>
    {
        state.People.RemoveAll(p => p.TenantId == tenantId && p.ObjectId == objectId);
        state.People.Add(new DemoUser { TenantId = tenantId, ObjectId = objectId, DisplayName = displayName, Mail = mail, IsGuest = isGuest });
    });

    /// <summary>A new name and address (a marriage, a rename); the same person, and Exchange shows the new address on their events.</summary>
    public void RenamePerson(string tenantId, string objectId, string displayName, string mail) => Change(() =>
    {
        var person = state.People.Single(p => p.TenantId == tenantId && p.ObjectId == objectId);
        var old = CalendarEvent.NormalizeAddress(person.Mail);
        person.DisplayName = displayName;
        person.Mail = mail;
        CalendarAttendee Renamed(CalendarAttendee a) => CalendarEvent.NormalizeAddress(a.Address) == old ? a with { Address = mail, Name = displayName } : a;
        foreach (var e in state.Events.Where(e => e.TenantId == tenantId))
        {
            e.Organizer = Renamed(e.Organizer);
            e.Attendees = [.. e.Attendees.Select(Renamed)];
        }
    });

    public void DisablePerson(string tenantId, string objectId) =>
        Change(() => state.People.Single(p => p.TenantId == tenantId && p.ObjectId == objectId).AccountEnabled = false);

    public void DeletePerson(string tenantId, string objectId) =>
        Change(() => state.People.RemoveAll(p => p.TenantId == tenantId && p.ObjectId == objectId));

    public Task<DirectoryUser?> FindByAddressAsync(string tenantId, string address, CancellationToken cancellationToken)
    {
        var normalized = CalendarEvent.NormalizeAddress(address);
        lock (gate)
        {
            return Task.FromResult(state.People.Where(p => p.TenantId == tenantId && CalendarEvent.NormalizeAddress(p.Mail) == normalized).Select(ToUser).FirstOrDefault());
        }
    }

    public Task<DirectoryUser?> GetAsync(string tenantId, string objectId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(state.People.Where(p => p.TenantId == tenantId && p.ObjectId == objectId).Select(ToUser).FirstOrDefault());
        }
    }

    private static DirectoryUser ToUser(DemoUser p) => new(p.ObjectId, p.DisplayName, p.Mail, p.Mail, p.IsGuest, p.AccountEnabled);

    // ----- the calendar

    /// <summary>Adds an event (weekly when <paramref name="repeatEveryDays"/> is 7, single when null); answers its id.</summary>
    public string AddEvent(
        string tenantId, CalendarAttendee organizer, IEnumerable<CalendarAttendee> attendees, DateTime firstStartUtc, TimeSpan duration, string subject,
        int? repeatEveryDays = 7, string? id = null, string? iCalUId = null)
    {
        id ??= $"demo-event-{Guid.NewGuid():N}";
        Change(() => state.Events.Add(new DemoEvent
        {
            Id = id,
            TenantId = tenantId,
            ICalUId = iCalUId ?? $"demo-uid-{Guid.NewGuid():N}",
            Subject = subject,
            Organizer = organizer,
            Attendees = [.. attendees],
            FirstStartUtc = DateTime.SpecifyKind(firstStartUtc, DateTimeKind.Utc),
            Duration = duration,
            RepeatEveryDays = repeatEveryDays,
        }));
        return id;
    }

    /// <summary>Moves one occurrence (or the single event) to a new start; its original start stays its identity.</summary>
    public void MoveOccurrence(string eventId, DateTime originalStartUtc, DateTime newStartUtc) => Change(() =>
    {
        var e = Event(eventId);
        if (e.RepeatEveryDays is null)
        {
            e.FirstStartUtc = newStartUtc;
        }
        else
        {
            e.Exceptions[originalStartUtc] = newStartUtc;
        }
    });

    public void CancelOccurrence(string eventId, DateTime originalStartUtc) => Change(() => Event(eventId).Exceptions[originalStartUtc] = null);

    /// <summary>Puts a cancelled or moved occurrence back where the series has it.</summary>
    public void RestoreOccurrence(string eventId, DateTime originalStartUtc) => Change(() => Event(eventId).Exceptions.Remove(originalStartUtc));

    public void SetAttendees(string eventId, IEnumerable<CalendarAttendee> attendees) => Change(() => Event(eventId).Attendees = [.. attendees]);

    public void DeleteEvent(string eventId) => Change(() => state.Events.RemoveAll(e => e.Id == eventId));

    public Task<CalendarEvent?> GetEventAsync(CalendarOwner owner, string eventId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var (masterId, originalStart) = ParseId(eventId);
            var e = state.Events.FirstOrDefault(e => e.Id == masterId && e.TenantId == owner.TenantId);
            if (e is null || AddressOf(owner.TenantId, owner.ObjectId) is not { } address || !IsOn(e, address))
            {
                return Task.FromResult<CalendarEvent?>(null);
            }

            if (originalStart is null)
            {
                return Task.FromResult<CalendarEvent?>(e.RepeatEveryDays is null ? Occurrence(e, e.FirstStartUtc) : Master(e));
            }

            var isOccurrence = e.RepeatEveryDays is { } every && originalStart >= e.FirstStartUtc && (originalStart.Value - e.FirstStartUtc).Ticks % TimeSpan.FromDays(every).Ticks == 0;
            return Task.FromResult(isOccurrence ? Occurrence(e, originalStart.Value) : null);
        }
    }

    public Task<CalendarEvent?> FindByUidAsync(CalendarOwner owner, string iCalUId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var e = state.Events.FirstOrDefault(e => e.ICalUId == iCalUId && e.TenantId == owner.TenantId);
            var address = AddressOf(owner.TenantId, owner.ObjectId);
            return Task.FromResult(e is null || address is null || !IsOn(e, address) ? null : e.RepeatEveryDays is null ? Occurrence(e, e.FirstStartUtc) : Master(e));
        }
    }

    public Task<IReadOnlyList<CalendarEvent>?> GetOccurrencesAsync(CalendarOwner owner, string seriesMasterId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var e = state.Events.FirstOrDefault(e => e.Id == seriesMasterId && e.TenantId == owner.TenantId && e.RepeatEveryDays is not null);
            var address = AddressOf(owner.TenantId, owner.ObjectId);
            return Task.FromResult<IReadOnlyList<CalendarEvent>?>(e is null || address is null || !IsOn(e, address) ? null : Occurrences(e, fromUtc, toUtc).ToList());
        }
    }

    private IEnumerable<CalendarEvent> Occurrences(DemoEvent e, DateTime fromUtc, DateTime toUtc)
    {
        if (e.RepeatEveryDays is not { } every)
        {
            var single = Occurrence(e, e.FirstStartUtc);
            return single.StartUtc >= fromUtc && single.StartUtc < toUtc ? [single] : [];
        }

        // A moved occurrence counts where it now is, as in Exchange's calendar view.
        var list = new List<CalendarEvent>();
        for (var original = e.FirstStartUtc; original < toUtc.AddDays(every + 60); original = original.AddDays(every))
        {
            if (Occurrence(e, original) is { IsCancelled: false } occurrence && occurrence.StartUtc >= fromUtc && occurrence.StartUtc < toUtc)
            {
                list.Add(occurrence);
            }
        }

        return list;
    }

    private static CalendarEvent Master(DemoEvent e) => new(
        e.Id, CalendarEventType.SeriesMaster, null, e.ICalUId, e.FirstStartUtc, e.FirstStartUtc + e.Duration, null, e.Subject, false, e.Organizer, e.Attendees);

    private static CalendarEvent Occurrence(DemoEvent e, DateTime originalStart)
    {
        var moved = e.Exceptions.TryGetValue(originalStart, out var to);
        var start = moved ? to ?? originalStart : originalStart;
        if (e.RepeatEveryDays is null)
        {
            return new CalendarEvent(e.Id, CalendarEventType.SingleInstance, null, e.ICalUId, start, start + e.Duration, null, e.Subject, false, e.Organizer, e.Attendees);
        }

        return new CalendarEvent(
            OccurrenceId(e.Id, originalStart), moved ? CalendarEventType.Exception : CalendarEventType.Occurrence, e.Id, e.ICalUId,
            start, start + e.Duration, originalStart, e.Subject, IsCancelled: moved && to is null, e.Organizer, e.Attendees);
    }

    private static (string MasterId, DateTime? OriginalStart) ParseId(string id)
    {
        var dot = id.LastIndexOf('.');
        return dot > 0 && DateTime.TryParseExact(id[(dot + 1)..], "yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start)
            ? (id[..dot], DateTime.SpecifyKind(start, DateTimeKind.Utc))
            : (id, null);
    }

    private string? AddressOf(string tenantId, string objectId) =>
        state.People.FirstOrDefault(p => p.TenantId == tenantId && p.ObjectId == objectId) is { } person ? CalendarEvent.NormalizeAddress(person.Mail) : null;

    private static bool IsOn(DemoEvent e, string normalizedAddress) =>
        CalendarEvent.NormalizeAddress(e.Organizer.Address) == normalizedAddress || e.Attendees.Any(a => CalendarEvent.NormalizeAddress(a.Address) == normalizedAddress);

    private DemoEvent Event(string eventId) => state.Events.Single(e => e.Id == eventId);

    private void Change(Action change)
    {
        lock (gate)
        {
            change();
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(state, Json));
            File.Move(temporary, path, overwrite: true);
        }
    }
}
