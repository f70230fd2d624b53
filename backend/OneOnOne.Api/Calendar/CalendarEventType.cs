namespace OneOnOne.Api.Calendar;

public enum CalendarEventType
{
    SingleInstance,
    Occurrence,
    Exception,
    SeriesMaster,
}
