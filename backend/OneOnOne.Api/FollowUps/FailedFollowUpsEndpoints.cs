using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.FollowUps;

/// <summary>A follow-up that was not sent, for operators: whom it was for and why, never what it said.</summary>
public sealed record FailedFollowUp(Guid Id, FollowUpKind Kind, string RecipientName, string RecipientEmail, DateTime DueUtc, int Attempts, string? Reason);

/// <summary>
/// The operators' view of mail that did not go out, in their own tenant: listed with the reason, and sent again once
/// what stopped it is fixed (a mailbox allowed, an address corrected). Needs the administrators' app role.
/// </summary>
public static class FailedFollowUpsEndpoints
{
    public static IEndpointRouteBuilder MapFailedFollowUpsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/follow-ups").WithTags("Operators").RequireAuthorization(Policies.Administrators);
        group.MapGet("/failed", ListAsync)
            .WithSummary("Follow-up mails that were not sent, newest first, with the reason (no 1-on-1 content).");
        group.MapPost("/{id:guid}/retry", RetryAsync)
            .WithSummary("Sends a failed follow-up again, with a fresh set of attempts.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<List<FailedFollowUp>>> ListAsync(Caller caller, OneOnOneDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.FollowUps.IgnoreQueryFilters()
            .Where(f => f.TenantId == caller.TenantId && f.Status == FollowUpStatus.Failed)
            .OrderByDescending(f => f.DueUtc)
            .Take(500)
            .Select(f => new FailedFollowUp(f.Id, f.Kind, f.Recipient.DisplayName, f.Recipient.Email, f.DueUtc, f.Attempts, f.LastError))
            .ToListAsync(cancellationToken));

    private static async Task<Results<Accepted, NotFound, ProblemHttpResult>> RetryAsync(
        Guid id, Caller caller, OneOnOneDb db, IBackgroundJobClient jobs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = db.FollowUps.IgnoreQueryFilters().Where(f => f.Id == id && f.TenantId == caller.TenantId);
        var retried = await mine.Where(f => f.Status == FollowUpStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Status, FollowUpStatus.Pending)
                .SetProperty(f => f.Attempts, 0)
                .SetProperty(f => f.DueUtc, now)
                .SetProperty(f => f.EnqueuedUtc, now)
                .SetProperty(f => f.LastError, $"Sent again by {caller.Person.DisplayName}."), cancellationToken);
        if (retried == 0)
        {
            return await mine.AnyAsync(cancellationToken)
                ? TypedResults.Problem(FollowUpTexts.OnlyFailedRetried.In(caller.Language), statusCode: StatusCodes.Status409Conflict)
                : TypedResults.NotFound();
        }

        jobs.Enqueue<FollowUpJob>(job => job.SendAsync(id, CancellationToken.None));
        return TypedResults.Accepted((string?)null);
    }
}
