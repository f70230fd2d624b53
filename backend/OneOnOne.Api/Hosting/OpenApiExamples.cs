using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using OneOnOne.Api.Actions;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Meetings;
using OneOnOne.Api.Notes;

namespace OneOnOne.Api.Hosting;

/// <summary>Example bodies in the OpenAPI document, so the reference page shows what a client sends.</summary>
internal static class OpenApiExamples
{
    private static readonly Dictionary<Type, JsonNode> Examples = new()
    {
        [typeof(ResolveMeetingRequest)] = JsonNode.Parse("""{ "eventId": "AAMkAGI2TG93AAABEgAQAO5ZxY1XvkhIlsS5T6JcHtU=" }""")!,
        [typeof(AddAgendaItemRequest)] = JsonNode.Parse("""{ "text": "How is the on-call rotation going?" }""")!,
        [typeof(AddPromptRequest)] = JsonNode.Parse("""{ "promptKey": "mgr.feedback.specific-example" }""")!,
        [typeof(EditAgendaItemRequest)] = JsonNode.Parse("""{ "text": "On-call rotation after the holidays", "version": "5f0c3c1e-8a4b-4f7e-9d2a-1b3c4d5e6f70" }""")!,
        [typeof(AddActionRequest)] = JsonNode.Parse("""{ "text": "Book the training", "ownerId": "6d0a1c52-0000-4000-8000-000000000003", "dueDate": "2030-03-15", "meetingId": null }""")!,
        [typeof(SaveNoteRequest)] = JsonNode.Parse("""{ "text": "We agreed to move the dashboard to April.", "version": null }""")!,
        [typeof(GoalRequest)] = JsonNode.Parse("""{ "goal": "Agree on priorities for the quarter", "version": "5f0c3c1e-8a4b-4f7e-9d2a-1b3c4d5e6f70" }""")!,
    };

    public static void Add(OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
            {
                schema.Examples = [example.DeepClone()];
            }

            return Task.CompletedTask;
        });
}
