using Microsoft.OpenApi;

namespace OneOnOne.Api.Hosting;

public static class OpenApiSetup
{
    public static IServiceCollection AddOneOnOneOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            OpenApiExamples.Add(options);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "OneOnOne API",
                    Version = "v1",
                    Description = "The 1-on-1 meetings of a manager and a report: agenda, actions, notes, prompts and follow-ups.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An access token for the API's access_as_user scope (Entra ID), or from POST /dev/token in Development mode.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
}
