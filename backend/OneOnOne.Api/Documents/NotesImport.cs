using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Documents;

/// <summary>
/// What the Word pane posts instead of a file: the action rows and the shared notes as the document has them now.
/// The baselines are what the document had when it was made (the custom XML part); when given, only what differs
/// from them is applied, so a stale document does not undo changes made elsewhere. Without them the rows are taken as
/// they are.
/// </summary>
public sealed record NotesImportRequest(ImportActionRequest[]? Actions, string? SharedNotes = null, string? SharedNotesBaseline = null) : IOpenApiExample
{
    public static string Example => """
    {
      "actions": [
        { "id": null, "text": "Send the slides", "ownerEmailOrName": "priya.raman@demo.oneonone.test", "dueDate": "2030-03-15", "status": null, "baseline": null },
        {
          "id": "6d0a1c52-0000-4000-8000-00000000ac71", "text": "Book the training", "ownerEmailOrName": "Priya Raman", "dueDate": "2030-03-08", "status": "Done",
          "baseline": { "text": "Book the training", "ownerEmailOrName": "Priya Raman", "dueDate": "2030-03-08", "status": "Open" }
        }
      ],
      "sharedNotes": "We agreed to move the dashboard to April.",
      "sharedNotesBaseline": ""
    }
    """;
}

/// <summary>
/// One row. <c>Id</c> null is a new action; an empty owner means the caller for a new action and "unchanged" for an
/// existing one; an empty status means Open for a new action and "unchanged" for an existing one.
/// </summary>
public sealed record ImportActionRequest(
    string? Text, Guid? Id = null, string? OwnerEmailOrName = null, DateOnly? DueDate = null, ActionStatus? Status = null, ImportActionBaseline? Baseline = null);

public sealed record ImportActionBaseline(string? Text, string? OwnerEmailOrName = null, DateOnly? DueDate = null, ActionStatus? Status = null);

/// <summary>What an upload changed. Uploading the same content again answers Changed false.</summary>
public sealed record DocumentChanges(bool Changed, string Summary, ChangedAction[] Created, ChangedAction[] Updated, bool SharedNotesUpdated);

/// <summary>An action that was created or changed, with the fields that changed (text, owner, dueDate, status).</summary>
public sealed record ChangedAction(Guid Id, string Text, string[] Fields);

/// <summary>A row to import and the name its problems are reported under (actions[2], newActions[3]).</summary>
public sealed record ImportRow(string Key, ImportActionRequest Action);

/// <summary>
/// The one way rows and notes come back into a meeting, from an uploaded document, from OneDrive or from the Word
/// pane's JSON: validated as a whole, applied in one SaveChanges (all or nothing), idempotent.
/// </summary>
public static class NotesImporter
{
    public const int MaxActions = 200;

    /// <summary>The rows of an uploaded document, with their baselines; cells that cannot be read are reported on <paramref name="validation"/>.</summary>
    public static IReadOnlyList<ImportRow> RowsFrom(NotesDocumentContent content, string language, Validation validation)
    {
        var rows = new List<ImportRow>();
        foreach (var row in content.Rows.Where(r => !r.IsBlank))
        {
            var key = $"{row.Table}[{row.Number}]";
            var baseline = row.ActionId is { } id && content.Baseline.TryGetValue(id, out var b)
                ? new ImportActionBaseline(b.Text, b.Owner, ParseDate(b.DueDate, language), Enum.TryParse<ActionStatus>(b.Status, out var s) ? s : null)
                : null;
            DateOnly? due = null;
            if (row.DueDate.Length > 0 && (due = ParseDate(row.DueDate, language)) is null)
            {
                validation.Add($"{key}.dueDate", DocumentTexts.UnknownDate);
            }

            ActionStatus? status = null;
            if (row.Status.Length > 0 && (status = ParseStatus(row.Status)) is null)
            {
                validation.Add($"{key}.status", DocumentTexts.UnknownStatus);
            }

            rows.Add(new ImportRow(key, new ImportActionRequest(row.Text, row.ActionId, row.Owner, due, status, baseline)));
        }

        return rows;
    }

    public static IReadOnlyList<ImportRow> RowsFrom(NotesImportRequest request) =>
        (request.Actions ?? []).Select((action, i) => new ImportRow($"actions[{i}]", action)).ToList();

    public static async Task<Results<Ok<DocumentChanges>, NotFound, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        Meeting meeting, IReadOnlyList<ImportRow> rows, string? sharedNotes, string? sharedNotesBaseline, Validation validation,
        Caller caller, OneOnOneDb db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var series = meeting.Series;
        if (rows.Count > MaxActions)
        {
            validation.Add("actions", DocumentTexts.TooManyRows, MaxActions);
            return validation.Problem();
        }

        var ids = rows.Where(r => r.Action.Id is not null).Select(r => r.Action.Id!.Value).ToList();
        var actions = await db.ActionItems
            .Where(a => a.SeriesId == series.Id && (ids.Contains(a.Id) || a.CreatedInMeetingId == meeting.Id))
            .ToDictionaryAsync(a => a.Id, cancellationToken);

        var plans = new List<Plan>();
        var listed = new HashSet<Guid>();
        foreach (var (key, row) in rows)
        {
            var text = validation.Text($"{key}.text", row.Text, Limits.ActionText);
            var owner = UserText.CleanLine(row.OwnerEmailOrName);
            Guid? ownerId = null;
            if (owner.Length > 0 && !Same(owner, row.Baseline?.OwnerEmailOrName))
            {
                ownerId = OwnerOf(series, owner);
                if (ownerId is null)
                {
                    validation.Add($"{key}.owner", DocumentTexts.OwnerUnknown, owner);
                }
            }

            ActionItem? target = null;
            if (row.Id is { } id && (!actions.TryGetValue(id, out target) || !listed.Add(id)))
            {
                validation.Add($"{key}.id", target is null ? DocumentTexts.UnknownAction : DocumentTexts.ListedTwice);
            }

            plans.Add(new Plan(row, target, text, ownerId));
        }

        var notes = sharedNotes is null ? null : validation.Text("sharedNotes", sharedNotes, Limits.NoteText, required: false, singleLine: false);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var created = new List<ChangedAction>();
        var updated = new Dictionary<Guid, ChangedAction>();
        // New rows match an action created in this meeting by their text, so the same document uploaded twice (whose
        // new rows carry no id) does not create them twice.
        var byText = actions.Values.Where(a => a.CreatedInMeetingId == meeting.Id)
            .GroupBy(a => Normalized(a.Text)).ToDictionary(g => g.Key, g => g.First());
        foreach (var plan in plans)
        {
            var row = plan.Row;
            var target = plan.Target;
            if (target is null && byText.TryGetValue(Normalized(plan.Text), out var same))
            {
                target = same;
                row = row with { Baseline = null };
            }

            if (target is null)
            {
                var action = new ActionItem
                {
                    TenantId = series.TenantId,
                    SeriesId = series.Id,
                    CreatedInMeetingId = meeting.Id,
                    OwnerId = plan.OwnerId ?? caller.PersonId,
                    CreatedById = caller.PersonId,
                    Text = plan.Text,
                    DueDate = row.DueDate,
                };
                SetStatus(action, row.Status ?? ActionStatus.Open, meeting, now);
                db.ActionItems.Add(action);
                byText[Normalized(action.Text)] = action;
                created.Add(new ChangedAction(action.Id, action.Text, ["text", "owner", "dueDate", "status"]));
                continue;
            }

            var fields = Update(target, row, plan, meeting, now);
            if (fields.Count > 0)
            {
                updated[target.Id] = new ChangedAction(target.Id, target.Text, [.. (updated.TryGetValue(target.Id, out var earlier) ? earlier.Fields : []).Union(fields)]);
            }
        }

        var notesUpdated = false;
        if (notes is not null && (sharedNotesBaseline is null || notes != UserText.Clean(sharedNotesBaseline)))
        {
            var note = await db.Notes.FirstOrDefaultAsync(n => n.MeetingId == meeting.Id && n.OwnerKey == Guid.Empty, cancellationToken);
            if ((note?.Text ?? "") != notes)
            {
                if (note is null)
                {
                    note = Note.Shared(meeting, caller.PersonId);
                    db.Notes.Add(note);
                }

                note.Text = notes;
                note.AuthorId = caller.PersonId;
                note.UpdatedUtc = now;
                notesUpdated = true;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same rows or created the shared note in between; nothing of this upload was saved.
            return TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status409Conflict });
        }

        var changed = created.Count > 0 || updated.Count > 0 || notesUpdated;
        var language = caller.Language;
        var summary = changed
            ? DocumentTexts.Changed.In(language, created.Count, updated.Count, (notesUpdated ? DocumentTexts.NotesUpdated : DocumentTexts.NotesUnchanged).In(language))
            : DocumentTexts.NothingChanged.In(language);
        return TypedResults.Ok(new DocumentChanges(changed, summary, [.. created], [.. updated.Values], notesUpdated));
    }

    /// <summary>
    /// Applies the fields of a row that the user changed (relative to the baseline, when there is one) and that differ
    /// from the action as it is now; answers the names of the fields that changed.
    /// </summary>
    private static List<string> Update(ActionItem target, ImportActionRequest row, Plan plan, Meeting meeting, DateTime now)
    {
        var fields = new List<string>();
        var baseline = row.Baseline;
        var matchedByText = row.Id is null;
        // A row matched by its text keeps the action's own spelling of it.
        if (!matchedByText && (baseline is null || plan.Text != UserText.CleanLine(baseline.Text)) && plan.Text != target.Text)
        {
            target.Text = plan.Text;
            fields.Add("text");
        }

        if (plan.OwnerId is { } ownerId && ownerId != target.OwnerId)
        {
            target.OwnerId = ownerId;
            fields.Add("owner");
        }

        // An empty due date on a row matched by its text says nothing (the row was typed in before the action existed).
        var dueTouched = matchedByText ? row.DueDate is not null : baseline is null || row.DueDate != baseline.DueDate;
        if (dueTouched && row.DueDate != target.DueDate)
        {
            target.DueDate = row.DueDate;
            fields.Add("dueDate");
        }

        if (row.Status is { } status && (baseline is null || status != baseline.Status) && status != target.Status)
        {
            SetStatus(target, status, meeting, now);
            fields.Add("status");
        }

        return fields;
    }

    private static void SetStatus(ActionItem action, ActionStatus status, Meeting meeting, DateTime now)
    {
        action.Status = status;
        action.CompletedUtc = status == ActionStatus.Done ? now : null;
        action.CompletedInMeetingId = status == ActionStatus.Done ? meeting.Id : null;
    }

    /// <summary>A participant by e-mail address or by display name, ignoring case.</summary>
    private static Guid? OwnerOf(Series series, string owner) =>
        new[] { series.Manager, series.Report }
            .FirstOrDefault(p => p.NormalizedEmail == Person.Normalize(owner) || string.Equals(UserText.CleanLine(p.DisplayName), owner, StringComparison.OrdinalIgnoreCase))
            ?.Id;

    private static bool Same(string value, string? baseline) =>
        baseline is not null && string.Equals(value, UserText.CleanLine(baseline), StringComparison.OrdinalIgnoreCase);

    private static string Normalized(string text) =>
        string.Join(' ', UserText.CleanLine(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static DateOnly? ParseDate(string text, string language) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? iso
        : DateOnly.TryParse(text, CultureInfo.GetCultureInfo(language == Languages.Dutch ? "nl-NL" : "en-GB"), DateTimeStyles.None, out var local) ? local
        : null;

    /// <summary>The status words of both languages, so a document made in one language can be edited in the other.</summary>
    private static ActionStatus? ParseStatus(string text) =>
        Matches(DocumentTexts.StatusDone, text) ? ActionStatus.Done
        : Matches(DocumentTexts.StatusOpen, text) ? ActionStatus.Open
        : null;

    private static bool Matches(Text word, string text) =>
        string.Equals(text, word.En, StringComparison.OrdinalIgnoreCase) || string.Equals(text, word.Nl, StringComparison.OrdinalIgnoreCase);

    private sealed record Plan(ImportActionRequest Row, ActionItem? Target, string Text, Guid? OwnerId);
}
