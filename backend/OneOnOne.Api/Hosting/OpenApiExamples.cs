using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;

namespace OneOnOne.Api.Hosting;

/// <summary>A request body with an example of its own: the OpenAPI reference page shows a client what to send.</summary>
public interface IOpenApiExample
{
    /// <summary>The example body, as JSON.</summary>
    static abstract string Example { get; }
}

/// <summary>Puts each <see cref="IOpenApiExample"/>'s example on its schema, so the examples sit with their features' records.</summary>
internal static class OpenApiExamples
{
    public static void Add(OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type.IsAssignableTo(typeof(IOpenApiExample))
                && type.GetProperty(nameof(IOpenApiExample.Example), BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is string example)
            {
                schema.Examples = [JsonNode.Parse(example)!];
            }

            return Task.CompletedTask;
        });
}
