namespace OneOnOne.Api.Data;

/// <summary>Column sizes, shared with the request validation so a too-long text is a 400, never a database error.</summary>
public static class Limits
{
    public const int TenantId = 64;
    public const int ObjectId = 64;
    public const int DisplayName = 200;
    public const int Email = 320;
    public const int Subject = 255;
    public const int Goal = 300;
    public const int AgendaText = 500;
    public const int ActionText = 500;
    public const int NoteText = 20_000;
    public const int OutlookId = 512;
    public const int StateReason = 300;
    public const int FollowUpError = 2000;

    /// <summary>A key of the conversation guide (a prompt's, a template's), also kept on the series that uses a template.</summary>
    public const int GuideKey = 64;

    /// <summary>IANA ids are at most about 30 characters, Windows ids about 40.</summary>
    public const int TimeZone = 64;

    public static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}
