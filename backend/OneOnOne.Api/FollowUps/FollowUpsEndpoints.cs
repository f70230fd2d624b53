using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneOnOne.Api.Data;
using OneOnOne.Api.Documents;
using OneOnOne.Api.Guide;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Localization;

namespace OneOnOne.Api.FollowUps;

/// <summary>true = the person receives that kind of mail.</summary>
public sealed record MailPreferences(bool Recaps, bool Reminders, bool Digests);

public static class FollowUpsEndpoints
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IEndpointRouteBuilder MapFollowUpsEndpoints(this IEndpointRouteBuilder app)
    {
        var preferences = app.MapGroup("/api/me/mail-preferences").WithTags("Follow-ups").RequireAuthorization();
        preferences.MapGet("/", (Caller caller) => TypedResults.Ok(From(caller.Person)))
            .WithSummary("Which follow-up mails the caller receives.");
        preferences.MapPut("/", SetPreferencesAsync)
            .WithSummary("Turns each kind of follow-up mail on or off.");

        // One-click unsubscribe from a mail: the signed link is the credential. GET only asks (link scanners
        // follow links); POST, from the page or from the mail client (RFC 8058), does it.
        var links = app.MapGroup("/follow-ups").AllowAnonymous().ExcludeFromDescription();
        links.MapGet("/unsubscribe", (string? t, FollowUpLinks links, OneOnOneDb db, HttpContext context, CancellationToken cancellationToken) =>
            UnsubscribePageAsync(t, links, db, context, confirm: false, cancellationToken));
        links.MapPost("/unsubscribe", (string? t, FollowUpLinks links, OneOnOneDb db, HttpContext context, CancellationToken cancellationToken) =>
            UnsubscribePageAsync(t, links, db, context, confirm: true, cancellationToken));

        // A recap's link to the notes document, for the person it was sent to and until it expires. With Entra ID the
        // person signs in and must be that person (a forwarded mail forwards no access); in Development the signed link
        // alone is the credential. Opening it changes nothing, so link scanners may follow it.
        links.MapGet("/notes", NotesDocumentAsync);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ContentHttpResult, ChallengeHttpResult>> NotesDocumentAsync(
        string? t, FollowUpLinks links, OneOnOneDb db, TenantGuides guides, CallerScope scope, TimeProvider clock, IOptions<FollowUpOptions> options,
        AuthenticationSettings authentication, PublicAddress address, WordAddInReference wordAddIn, HttpContext context, CancellationToken cancellationToken)
    {
        var link = links.ReadNotesToken(t);
        var person = link is not null && link.Expires > clock.GetUtcNow()
            ? await db.People.IgnoreQueryFilters()
                .SingleOrDefaultAsync(p => p.Id == link.PersonId && p.NormalizedEmail == link.NormalizedEmail, cancellationToken)
            : null;
        Meeting? meeting = null;
        if (link is not null && person is not null)
        {
            // From here on the request reads as that person, under the same filters as the API.
            scope.Set(person.TenantId, person.Id);
            meeting = await NotesDocumentLoader.FindMeetingAsync(db, link.MeetingId, cancellationToken);
        }

        if (person is null || meeting is null)
        {
            var language = PageLanguage(person, context.Request);
            return Page(language, FollowUpTexts.NotesLinkInvalid.In(language), form: null, StatusCodes.Status404NotFound);
        }

        if (authentication.Mode == AuthenticationMode.EntraId)
        {
            var signedIn = await context.AuthenticateAsync(BrowserSignIn.CookieScheme);
            if (!signedIn.Succeeded)
            {
                return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString }, [BrowserSignIn.OpenIdConnectScheme]);
            }

            if (CallerClaims.TenantId(signedIn.Principal) != person.TenantId || CallerClaims.ObjectId(signedIn.Principal) != person.ObjectId)
            {
                var language = PageLanguage(person, context.Request);
                return Page(language, FollowUpTexts.NotesLinkForSomeoneElse.In(language), form: null, StatusCodes.Status403Forbidden);
            }
        }

        var caller = Caller.For(person, context.Request);
        return await NotesDocumentFile.CreateAsync(meeting, caller, options.Value.MailTimeZone(person), db, guides, clock, context.Request, address, wordAddIn, cancellationToken);
    }

    private static MailPreferences From(Person person) => new(!person.NoRecaps, !person.NoReminders, !person.NoDigests);

    private static async Task<Ok<MailPreferences>> SetPreferencesAsync(MailPreferences request, Caller caller, OneOnOneDb db, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleAsync(p => p.Id == caller.PersonId, cancellationToken);
        person.NoRecaps = !request.Recaps;
        person.NoReminders = !request.Reminders;
        person.NoDigests = !request.Digests;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(From(person));
    }

    private static async Task<ContentHttpResult> UnsubscribePageAsync(
        string? token, FollowUpLinks links, OneOnOneDb db, HttpContext context, bool confirm, CancellationToken cancellationToken)
    {
        var request = links.ReadUnsubscribeToken(token);
        var person = request is { } valid
            ? await db.People.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == valid.PersonId, cancellationToken)
            : null;
        var language = PageLanguage(person, context.Request);
        if (person is null || request is null)
        {
            return Page(language, FollowUpTexts.UnsubscribeInvalid.In(language), form: null, StatusCodes.Status404NotFound);
        }

        var kind = request.Value.Kind;
        var stop = kind switch
        {
            FollowUpKind.Recap => FollowUpTexts.StopRecaps,
            FollowUpKind.PreparationReminder => FollowUpTexts.StopReminders,
            _ => FollowUpTexts.StopDigests,
        };
        if (!confirm)
        {
            var form = $"<form method=\"post\" action=\"?t={Encoder.Encode(Uri.EscapeDataString(token!))}\"><button type=\"submit\">{Encoder.Encode(FollowUpTexts.UnsubscribeButton.In(language))}</button></form>";
            return Page(language, $"{stop.In(language)}?", form, StatusCodes.Status200OK);
        }

        switch (kind)
        {
            case FollowUpKind.Recap:
                person.NoRecaps = true;
                break;
            case FollowUpKind.PreparationReminder:
                person.NoReminders = true;
                break;
            default:
                person.NoDigests = true;
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Page(language, FollowUpTexts.UnsubscribeDone.In(language), form: null, StatusCodes.Status200OK);
    }

    /// <summary>The person's language when the link named a known one, else the browser's.</summary>
    private static string PageLanguage(Person? person, HttpRequest request) =>
        person is null ? Languages.FromAcceptLanguage(request) ?? Languages.English : Languages.For(person, request);

    private static ContentHttpResult Page(string language, string message, string? form, int status) =>
        TypedResults.Content(
            $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>OneOnOne</title></head>"
            + $"<body style=\"font-family:Segoe UI,Arial,sans-serif;margin:2em\"><p>{Encoder.Encode(message)}</p>{form}</body></html>",
            "text/html; charset=utf-8",
            statusCode: status);
}
