using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;

namespace OneOnOne.Api.Identity;

/// <summary>
/// Turns a validated token into the caller's <see cref="Person"/>: found by object id, else by e-mail (someone
/// invited before they ever signed in), else created. Fills the request's <see cref="CallerScope"/>.
/// </summary>
public sealed class CallerEnrollment(OneOnOneDb db, CallerScope scope)
{
    public async Task<Person?> EnrollAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var tenantId = CallerClaims.TenantId(user);
        var objectId = CallerClaims.ObjectId(user);
        if (tenantId is null || objectId is null)
        {
            return null;
        }

        scope.Set(tenantId, personId: null);
        var person = await FindAsync(objectId, CallerClaims.Email(user), cancellationToken);
        if (person is null)
        {
            person = new Person { TenantId = tenantId, ObjectId = objectId, DisplayName = Clip(CallerClaims.DisplayName(user) ?? objectId, Limits.DisplayName) };
            person.SetEmail(Clip(CallerClaims.Email(user) ?? "", Limits.Email));
            db.People.Add(person);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Two first requests of the same person raced; the other one created the row.
                db.ChangeTracker.Clear();
                person = await FindAsync(objectId, CallerClaims.Email(user), cancellationToken) ?? throw new InvalidOperationException("The caller could not be enrolled.");
            }
        }
        else if (person.ObjectId is null)
        {
            person.ObjectId = objectId;
            await db.SaveChangesAsync(cancellationToken);
        }

        scope.Set(tenantId, person.Id);
        return person;
    }

    private async Task<Person?> FindAsync(string objectId, string? email, CancellationToken cancellationToken)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.ObjectId == objectId, cancellationToken);
        if (person is null && !string.IsNullOrWhiteSpace(email))
        {
            var normalized = Person.Normalize(email);
            person = await db.People.FirstOrDefaultAsync(p => p.NormalizedEmail == normalized && p.ObjectId == null, cancellationToken);
        }

        return person;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
