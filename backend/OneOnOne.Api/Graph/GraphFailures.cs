using System.Globalization;
using Microsoft.Kiota.Abstractions;
using OneOnOne.Api.Calendar;
using ODataError = Microsoft.Graph.Models.ODataErrors.ODataError;

namespace OneOnOne.Api.Graph;

/// <summary>
/// How the Graph SDK reports that Graph refused or could not be reached. When its retries (429/503/504) run out it throws
/// an AggregateException of Kiota ApiExceptions, not an ODataError.
/// </summary>
public static class GraphFailures
{
    public static bool IsFailure(Exception e) =>
        e is ApiException or HttpRequestException || (e is AggregateException aggregate && aggregate.InnerExceptions.All(IsFailure));

    public static bool IsNotFound(Exception e) => e is ApiException or AggregateException && Status(e) is 404 or 410;

    public static int? Status(Exception e) => e switch
    {
        ODataError odata => odata.ResponseStatusCode,
        ApiException api => api.ResponseStatusCode,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Status).LastOrDefault(s => s is not null),
        _ => null,
    };

    public static TimeSpan? RetryAfter(Exception e)
    {
        var api = e as ApiException ?? (e as AggregateException)?.InnerExceptions.OfType<ApiException>().LastOrDefault();
        return api?.ResponseHeaders.TryGetValue("Retry-After", out var values) == true
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    /// <summary>One line for a log or a row: what refused, and what to do where there is something to do.</summary>
    public static string Describe(Exception e, string what) => Status(e) switch
    {
        429 => $"{what} is throttled by Microsoft Graph (429).",
        403 => $"{what} refused access (403): grant the permission the README names.",
        401 => $"{what} refused the token (401).",
        { } status => $"{what} answered {status}.",
        null when e is OperationCanceledException => $"{what} did not answer in time.",
        null => $"{what} could not be reached: {e.Message}",
    };

    /// <summary>
    /// A read with its own time limit: null for what Graph says is not there (404, 410), a
    /// <see cref="CalendarUnavailableException"/> for a refusal, an outage or no answer in time.
    /// </summary>
    public static async Task<T?> ReadOrNullAsync<T>(Func<CancellationToken, Task<T?>> read, TimeSpan timeout, string what, CancellationToken cancellationToken)
        where T : class
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await read(limit.Token);
        }
        catch (Exception e) when (IsNotFound(e))
        {
            return null;
        }
        catch (Exception e) when (IsFailure(e) || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CalendarUnavailableException(Describe(e, what), e, RetryAfter(e));
        }
        catch (Exception e) when (e is Microsoft.Identity.Client.MsalException or Microsoft.Identity.Web.MicrosoftIdentityWebChallengeUserException)
        {
            // No token: consent missing, or Entra ID unreachable. An administrator has something to do; nobody gets a 500.
            throw new CalendarUnavailableException($"{what} could not be read: no token for Microsoft Graph ({e.Message}).", e);
        }
    }
}
