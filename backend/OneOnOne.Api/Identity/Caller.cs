using System.Reflection;
using OneOnOne.Api.Data;
using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Identity;

/// <summary>The signed-in person of this request, as an endpoint parameter.</summary>
public sealed record Caller(Person Person, string Language)
{
    public Guid PersonId => Person.Id;
    public string TenantId => Person.TenantId;

    /// <summary>The person as the caller of this request, in their chosen language or the request's.</summary>
    public static Caller For(Person person, HttpRequest request) => new(person, Languages.For(person, request));

    // Filled by CallerMiddleware for every authenticated request; endpoints that take a Caller require authorization.
    public static ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(context.Items[typeof(Caller)] as Caller);
}

public sealed class CallerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CallerEnrollment enrollment)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.GetEndpoint()?.Metadata.GetMetadata<WithoutCallerLookup>() is null)
        {
            var reads = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
            var person = await enrollment.EnrollAsync(context.User, mayUseCache: reads, context.RequestAborted);
            if (person is not null)
            {
                context.Items[typeof(Caller)] = Caller.For(person, context.Request);
            }
        }

        await next(context);
    }
}
