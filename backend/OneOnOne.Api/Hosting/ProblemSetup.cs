using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Hosting;

/// <summary>Every error is an RFC 9457 problem details answer, in the caller's language, never a stack trace.</summary>
public static class ProblemSetup
{
    public static IServiceCollection AddOneOnOneProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var language = LanguageOf(context.HttpContext);
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            var (title, detail) = context.ProblemDetails is HttpValidationProblemDetails { Errors.Count: > 0 }
                ? (Texts.ValidationTitle, null)
                : DefaultsFor(status);
            if (title is not null)
            {
                context.ProblemDetails.Title = title.In(language);
            }

            if (status >= 500 || (detail is not null && string.IsNullOrEmpty(context.ProblemDetails.Detail)))
            {
                context.ProblemDetails.Detail = detail?.In(language);
            }

            // The panes show every screen in the language the server wrote in (addin's App.tsx, languageOf).
            context.HttpContext.Response.Headers.ContentLanguage = language;
            context.ProblemDetails.Extensions.Remove("exception");
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<KnownExceptionHandler>();
        // A body that cannot be bound reaches KnownExceptionHandler, which names the field (JsonRequests).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<ExceptionHandlerOptions>(options => options.SuppressDiagnosticsCallback = context => KnownExceptionHandler.StatusOf(context.Exception) != 0);
        return services;
    }

    public static string LanguageOf(HttpContext context) =>
        (context.Items[typeof(Caller)] as Caller)?.Language
        ?? Languages.FromAcceptLanguage(context.Request)
        ?? Languages.English;

    private static (Text? Title, Text? Detail) DefaultsFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => (Texts.BadRequestTitle, Texts.BadRequestDetail),
        StatusCodes.Status401Unauthorized => (Texts.UnauthorizedTitle, Texts.UnauthorizedDetail),
        StatusCodes.Status403Forbidden => (Texts.ForbiddenTitle, null),
        StatusCodes.Status404NotFound => (Texts.NotFoundTitle, Texts.NotFoundDetail),
        StatusCodes.Status409Conflict => (Texts.ConflictTitle, Texts.ConflictDetail),
        StatusCodes.Status429TooManyRequests => (Texts.TooManyRequestsTitle, null),
        >= 500 => (Texts.ServerErrorTitle, Texts.ServerErrorDetail),
        _ => (null, null),
    };

    public static ProblemHttpResult Problem(HttpContext context, int status, Text? detail = null, params object[] args) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Detail = detail?.In(LanguageOf(context), args) });

    /// <summary>Turns the exceptions that mean "the client's fault" or "someone else was first" into their status.</summary>
    private sealed class KnownExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        /// <summary>The status of an exception that is the client's doing or a lost race, not a fault; 0 for a fault.</summary>
        public static int StatusOf(Exception exception) => exception switch
        {
            DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
            BadHttpRequestException bad => bad.StatusCode,
            System.Text.Json.JsonException => StatusCodes.Status400BadRequest,
            _ => 0,
        };

        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            var status = StatusOf(exception);
            if (status == 0)
            {
                return false;
            }

            var json = exception as System.Text.Json.JsonException ?? exception.InnerException as System.Text.Json.JsonException;
            var errors = json is null ? null : JsonRequests.Describe(json, LanguageOf(httpContext));
            httpContext.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = errors is null ? new ProblemDetails { Status = status } : new HttpValidationProblemDetails(errors) { Status = status },
                Exception = exception,
            });
        }
    }
}
