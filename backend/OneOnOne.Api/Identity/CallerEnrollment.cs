using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;

namespace OneOnOne.Api.Identity;

/// <summary>
/// Turns a validated token into the caller's <see cref="Person"/>: found by (tenant, object id), else created. The
/// name and address in the token are attributes: they refresh the row, they never find it (an address reused for a new
/// hire must not lead to the person who left). Fills the request's <see cref="CallerScope"/>.
/// </summary>
public sealed class CallerEnrollment(OneOnOneDb db, CallerScope scope, CallerCache cache)
{
    /// <param name="mayUseCache">
    /// Whether the person this instance read a moment ago will do (reads); a write reads them from the database, so
    /// what it records never stands on another instance's stale copy.
    /// </param>
    public async Task<Person?> EnrollAsync(ClaimsPrincipal user, bool mayUseCache, CancellationToken cancellationToken)
    {
        var tenantId = CallerClaims.TenantId(user);
        var objectId = CallerClaims.ObjectId(user);
        if (tenantId is null || objectId is null || tenantId.Length > Limits.TenantId || objectId.Length > Limits.ObjectId)
        {
            return null;
        }

        var tokenName = CallerClaims.DisplayName(user);
        var tokenEmail = CallerClaims.Email(user);
        if (mayUseCache && cache.Find(tenantId, objectId, tokenName, tokenEmail) is { } known)
        {
            scope.Set(tenantId, known.Id);
            return known;
        }

        var generation = cache.Generation;
        scope.Set(tenantId, personId: null);
        var person = await db.People.FirstOrDefaultAsync(p => p.ObjectId == objectId, cancellationToken);
        if (person is null)
        {
            person = new Person { TenantId = tenantId, ObjectId = objectId, DisplayName = objectId };
            person.Refresh(tokenName, tokenEmail);
            db.People.Add(person);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Two first requests of the same person raced; the other one created the row.
                db.ChangeTracker.Clear();
                person = await db.People.FirstOrDefaultAsync(p => p.ObjectId == objectId, cancellationToken)
                    ?? throw new InvalidOperationException("The caller could not be enrolled.");
            }
        }
        else if (person.Refresh(tokenName, tokenEmail) | person.AccountState != AccountState.Active)
        {
            // Signed in, so the account exists and is enabled, under the name and address the token carries now.
            person.AccountState = AccountState.Active;
            await db.SaveChangesAsync(cancellationToken);
            generation = cache.Generation;
        }

        cache.Remember(person, tokenName, tokenEmail, generation);
        scope.Set(tenantId, person.Id);
        return person;
    }
}
