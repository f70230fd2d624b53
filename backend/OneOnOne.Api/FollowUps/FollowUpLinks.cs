using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OneOnOne.Api.Data;
using OneOnOne.Api.Hosting;

namespace OneOnOne.Api.FollowUps;

/// <summary>
/// Absolute links in mails, each signed, so the link itself is the credential: the notes document of a recap, for the
/// person it was sent to and until it expires, and the one-click unsubscribe link.
/// </summary>
public sealed class FollowUpLinks(PublicAddress address, IDataProtectionProvider protection, TimeProvider clock, IOptions<FollowUpOptions> options)
{
    /// <summary>The data protection purpose of the notes links (tests forge links with it).</summary>
    public const string NotesPurpose = "OneOnOne.FollowUps.NotesDocument";

    private readonly IDataProtector unsubscribe = protection.CreateProtector("OneOnOne.FollowUps.Unsubscribe");
    private readonly IDataProtector notes = protection.CreateProtector(NotesPurpose);

    private string BaseUrl => address.ForBackground();

    /// <summary>
    /// A mail client has no bearer token, so the recap cannot link to the API's document. This link carries the meeting,
    /// the recipient, the address it was sent to (an erased or renamed person's link stops working) and when it expires.
    /// </summary>
    public (string Url, DateTimeOffset Expires) NotesDocument(Guid meetingId, Person recipient)
    {
        var expires = clock.GetUtcNow().Add(options.Value.NotesLinkLifetime);
        var token = notes.Protect($"{meetingId:N}|{recipient.Id:N}|{expires.ToUnixTimeSeconds()}|{recipient.NormalizedEmail}");
        return ($"{BaseUrl}/follow-ups/notes?t={Uri.EscapeDataString(token)}", expires);
    }

    public NotesLink? ReadNotesToken(string? token) =>
        Unprotect(notes, token, 4) is [var meeting, var person, var expires, var email]
        && Guid.TryParseExact(meeting, "N", out var meetingId) && Guid.TryParseExact(person, "N", out var personId)
        && long.TryParse(expires, out var expiresSeconds)
            ? new NotesLink(meetingId, personId, DateTimeOffset.FromUnixTimeSeconds(expiresSeconds), email)
            : null;

    public string Unsubscribe(Guid personId, FollowUpKind kind) =>
        $"{BaseUrl}/follow-ups/unsubscribe?t={Uri.EscapeDataString(unsubscribe.Protect($"{personId:N}|{kind}"))}";

    public (Guid PersonId, FollowUpKind Kind)? ReadUnsubscribeToken(string? token) =>
        Unprotect(unsubscribe, token, 2) is [var person, var kindName]
        && Guid.TryParseExact(person, "N", out var personId) && Enum.TryParse<FollowUpKind>(kindName, out var kind)
            ? (personId, kind)
            : null;

    /// <summary>The token's fields (the last one may contain the separator); null when the token is forged or damaged.</summary>
    private static string[]? Unprotect(IDataProtector protector, string? token, int fields)
    {
        try
        {
            var parts = protector.Unprotect(token ?? "").Split('|', fields);
            return parts.Length == fields ? parts : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>What a recap's link to the notes document says (see <see cref="FollowUpLinks.NotesDocument"/>).</summary>
public sealed record NotesLink(Guid MeetingId, Guid PersonId, DateTimeOffset Expires, string NormalizedEmail);
