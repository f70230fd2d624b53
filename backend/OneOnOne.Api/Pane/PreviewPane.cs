using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.Pane;

/// <summary>
/// The preview's first view inside its page. In Development mode taskpane.html opened outside Office is for the first
/// demo person (the page carries their token, <see cref="ClientConfig.PreviewSignIn"/>), so the server writes the pane
/// of their next meeting into the page too. The page's early script (addin/src/outlook/early.ts) then paints the agenda
/// while the page is parsed, without waiting for a request.
/// </summary>
/// <param name="apiJson">The API's serializer options, so the page holds exactly what the request would answer.</param>
public sealed class PreviewPane(JsonSerializerOptions apiJson)
{
    /// <summary>The element that carries the pane (read by addin/src/outlook/early.ts).</summary>
    public const string ElementId = "oneonone-preview-pane";

    // The API writes its answers with the relaxed encoder, which leaves < and > as they are. In a page, the default
    // encoder's \u003C keeps any text in the pane from closing the element.
    private readonly JsonSerializerOptions pageJson = new(apiJson) { Encoder = JavaScriptEncoder.Default };

    /// <summary>
    /// The pane as a data element (type application/json is never run), exactly as GET /api/meetings/next/pane would
    /// answer the person; null when there is nothing to show, and the early script then asks itself.
    /// </summary>
    public async Task<string?> ElementAsync(HttpContext context, DemoPerson person)
    {
        var services = context.RequestServices;
        var db = services.GetRequiredService<OneOnOneDb>();
        try
        {
            var found = await db.People.AsNoTracking().IgnoreQueryFilters()
                .FirstOrDefaultAsync(p => p.Id == person.Id && p.TenantId == DemoData.TenantId, context.RequestAborted);
            if (found is null)
            {
                // A database without the demo data: the early script's request enrolls the person.
                return null;
            }

            services.GetRequiredService<CallerScope>().Set(found.TenantId, found.Id);
            var caller = Caller.For(found, context.Request);
            if (await PaneEndpoints.NextAsync(caller, db, services.GetRequiredService<Guide.TenantGuides>(), services.GetRequiredService<TimeProvider>(), context.RequestAborted) is not { } pane)
            {
                return null;
            }

            var json = JsonSerializer.Serialize(pane, pageJson);
            return $"<script type=\"application/json\" id=\"{ElementId}\">{json}</script>";
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The page must open whatever the database does: the early script's request then meets the fault and the
            // pane shows it with a way to retry.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PreviewPane))
                .LogWarning(exception, "The preview's pane could not be written into the page.");
            return null;
        }
    }
}
