namespace OneOnOne.Api.Calendar;

public enum CalendarSource
{
    /// <summary>Microsoft Graph: the tenant's Outlook calendars and Entra ID (the default in EntraId mode).</summary>
    Graph,

    /// <summary>The demo workplace in the data folder (the default in Development mode).</summary>
    Demo,
}

public sealed class CalendarOptions
{
    /// <summary>Where calendars and the directory are read; unset follows Authentication:Mode.</summary>
    public CalendarSource? Source { get; set; }

    /// <summary>How far ahead occurrences become meetings (so reminders go out for meetings nobody opened).</summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(35);

    /// <summary>How far back the calendar is compared: far enough to confirm a meeting that just ended before its recap.</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Where the window the calendar is compared in starts: occurrences before it are history.</summary>
    public DateTime WindowFrom(DateTime nowUtc) => nowUtc - Lookback;

    /// <summary>Where the window ends: occurrences after it are not meetings yet.</summary>
    public DateTime WindowTo(DateTime nowUtc) => nowUtc + Horizon;

    /// <summary>How often each followed event is read again from its organizer's calendar, whatever else happens.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many organizers' calendars the reconciliation reads at the same time.</summary>
    public int ReconcileParallelism { get; set; } = 4;

    /// <summary>A reminder or recap is sent only when its occurrence was read from the calendar at most this long ago.</summary>
    public TimeSpan ConfirmWithin { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long past its due time a follow-up waits for a calendar that cannot be read before it is dropped.</summary>
    public TimeSpan UnconfirmedWait { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often the directory is asked whether a participant's account still exists and what it is called.</summary>
    public TimeSpan DirectoryRefreshInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a change-notification subscription is asked for (Graph allows just under 7 days for events).</summary>
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>A subscription this close to its expiry is renewed.</summary>
    public TimeSpan SubscriptionRenewBefore { get; set; } = TimeSpan.FromDays(1);

    /// <summary>One Graph request's limit, retries included.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
