using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.Privacy;

/// <summary>
/// Erases a person. What was only theirs goes: their private notes. What they share with someone else (agenda items,
/// shared notes, actions, the series itself) stays for the other person, but no longer says who they were: the person
/// row keeps its id (everything points at it) and loses its name, address and directory object id. Their next request
/// signs them in as a new person with nothing.
/// </summary>
public static class PersonalDataErasure
{
    /// <summary>The reserved .invalid domain (RFC 2606): never delivered, never the address of a real person.</summary>
    public static string TombstoneEmail(Guid personId) => $"erased-{personId:N}@erased.invalid";

    public static async Task EraseAsync(Caller caller, OneOnOneDb db, CancellationToken cancellationToken)
    {
        var me = caller.PersonId;
        var person = await db.People.SingleAsync(p => p.Id == me, cancellationToken);

        // Every private note they wrote, also in a series the filters would not show (there is none today; this is the promise).
        var privateNotes = await db.Notes.IgnoreQueryFilters()
            .Where(n => n.TenantId == caller.TenantId && n.OwnerKey == me)
            .ToListAsync(cancellationToken);
        db.Notes.RemoveRange(privateNotes);

        var followUps = await db.FollowUps.IgnoreQueryFilters()
            .Where(f => f.TenantId == caller.TenantId && f.RecipientId == me)
            .ToListAsync(cancellationToken);
        foreach (var followUp in followUps)
        {
            if (followUp.Status == FollowUpStatus.Pending)
            {
                followUp.Status = FollowUpStatus.Cancelled;
            }

            // A transport's refusal may quote the address.
            followUp.LastError = null;
        }

        // The conversation guide's history keeps the versions an admin saved, no longer with their name.
        foreach (var version in await db.GuideVersions.Where(g => g.TenantId == caller.TenantId && g.ChangedById == me).ToListAsync(cancellationToken))
        {
            version.ChangedByName = PrivacyTexts.FormerParticipantName;
        }

        person.DisplayName = PrivacyTexts.FormerParticipantName;
        person.SetEmail(TombstoneEmail(person.Id));
        person.ObjectId = null;
        person.Language = null;
        person.TimeZone = null;
        // Later meetings of their series would otherwise queue mail to the tombstone address.
        person.NoRecaps = true;
        person.NoReminders = true;
        person.NoDigests = true;

        // One save: the erasure happens whole or not at all.
        await db.SaveChangesAsync(cancellationToken);
    }
}
