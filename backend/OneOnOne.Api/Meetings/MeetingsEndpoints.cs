using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.Meetings;

public sealed record GoalRequest(string? Goal, Guid Version) : IOpenApiExample
{
    public static string Example => """{ "goal": "Agree on priorities for the quarter", "version": "5f0c3c1e-8a4b-4f7e-9d2a-1b3c4d5e6f70" }""";
}

public sealed record GoalResponse(Guid MeetingId, string? Goal, Guid Version);

public sealed record SwapRolesRequest(Guid Version);

public sealed record UpcomingMeetingResponse(Guid MeetingId, Guid SeriesId, DateTimeOffset Start, DateTimeOffset End, string Subject, ParticipantRole MyRole, Guid OtherPersonId, string OtherPersonName);

public sealed record SeriesResponse(Guid Id, Guid ManagerId, Guid ReportId, ParticipantRole Role, Guid Version);

public static class MeetingsEndpoints
{
    public static IEndpointRouteBuilder MapMeetingsEndpoints(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/api/meetings").WithTags("Meetings").RequireAuthorization();
        meetings.MapPost("/resolve", ResolveMeeting.HandleAsync)
            .WithSummary("Finds or creates the 1-on-1 meeting for an Outlook event, read from the caller's own calendar.")
            .WithDescription("Answers 404 when the event is not in the caller's calendar, 422 when it is not between exactly two people "
                + "of the caller's organisation (one of them the caller), 503 when the calendar cannot be read now.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        meetings.MapGet("/upcoming", UpcomingAsync)
            .WithSummary("The caller's next meeting in each of their 1-on-1s, soonest first (includes one that is in progress).");
        meetings.MapPut("/{meetingId:guid}/goal", SetGoalAsync)
            .WithSummary("Sets what this conversation should achieve (either participant).");

        var series = app.MapGroup("/api/series").WithTags("Meetings").RequireAuthorization();
        series.MapPost("/{seriesId:guid}/swap-roles", SwapRolesAsync)
            .WithSummary("Swaps who is the manager and who the report in this 1-on-1.");
        return app;
    }

    private static async Task<Ok<UpcomingMeetingResponse[]>> UpcomingAsync(Caller caller, OneOnOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var upcoming = await MeetingQueries.Upcoming(db, now)
            .Select(m => new
            {
                m.Id,
                m.SeriesId,
                m.StartUtc,
                m.EndUtc,
                m.Subject,
                m.Series.ManagerId,
                Other = m.Series.ManagerId == caller.PersonId ? m.Series.Report : m.Series.Manager,
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(upcoming
            .Select(m => new UpcomingMeetingResponse(
                m.Id, m.SeriesId, new DateTimeOffset(m.StartUtc, TimeSpan.Zero), new DateTimeOffset(m.EndUtc, TimeSpan.Zero), m.Subject,
                m.ManagerId == caller.PersonId ? ParticipantRole.Manager : ParticipantRole.Report, m.Other.Id, m.Other.DisplayName))
            .ToArray());
    }


    private static async Task<Results<Ok<GoalResponse>, NotFound, ValidationProblem>> SetGoalAsync(
        Guid meetingId, GoalRequest request, Caller caller, OneOnOneDb db, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        var validation = new Validation(caller.Language);
        var goal = validation.Text("goal", request.Goal, Limits.Goal, required: false);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        db.ExpectVersion(meeting, request.Version);
        meeting.Goal = goal.Length == 0 ? null : goal;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new GoalResponse(meeting.Id, meeting.Goal, meeting.Version));
    }

    private static async Task<Results<Ok<SeriesResponse>, NotFound>> SwapRolesAsync(
        Guid seriesId, SwapRolesRequest request, Caller caller, OneOnOneDb db, CancellationToken cancellationToken)
    {
        var series = await db.Series.FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken);
        if (series is null)
        {
            return TypedResults.NotFound();
        }

        db.ExpectVersion(series, request.Version);
        series.SetParticipants(series.ReportId, series.ManagerId);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new SeriesResponse(series.Id, series.ManagerId, series.ReportId, series.RoleOf(caller.PersonId), series.Version));
    }
}
