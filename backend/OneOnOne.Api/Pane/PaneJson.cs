using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneOnOne.Api.Pane;

/// <summary>
/// Writes the pane's answer with the source-generated serializer, straight to the response and without reflection:
/// every Outlook item a participant opens asks for it. Its own options, not the app's: a converter or an encoder in
/// those turns the generated fast path off. The JSON is the same (camelCase, enums by name), except that characters
/// outside ASCII come escaped.
/// </summary>
// The fast path stays on for answers up to half the buffer; a long series' pane is well under 32 KB.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultBufferSize = 64 * 1024)]
[JsonSerializable(typeof(PaneResponse))]
internal sealed partial class PaneJson : JsonSerializerContext;
