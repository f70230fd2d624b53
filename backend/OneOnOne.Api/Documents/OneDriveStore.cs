using Microsoft.Graph;
using OneOnOne.Api.Data;
using OneOnOne.Api.Graph;
using DriveItem = Microsoft.Graph.Models.DriveItem;
using DriveRecipient = Microsoft.Graph.Models.DriveRecipient;
using InvitePostRequestBody = Microsoft.Graph.Drives.Item.Items.Item.Invite.InvitePostRequestBody;
using ODataError = Microsoft.Graph.Models.ODataErrors.ODataError;

namespace OneOnOne.Api.Documents;

/// <summary>Where a document sits in OneDrive: the link that opens it in Word for the web, and its path in the drive.</summary>
public sealed record OneDriveDocument(string WebUrl, string Path, bool Created);

/// <summary>
/// The meeting-notes document in OneDrive, on behalf of the signed-in user (delegated <c>Files.ReadWrite</c>):
/// <c>/drives/{the caller's drive}/root:/OneOnOne/{series folder}/{file}.docx:/content</c>. The caller's own drive
/// needs no application permission over everybody's files; the organizer is the one who stores it from the invite,
/// and the other participant is invited to edit the same file, so both work in one document.
/// </summary>
public sealed class OneDriveStore(GraphClients graph)
{
    private static readonly string[] Scopes = ["Files.ReadWrite"];

    public bool IsAvailable => graph.IsAvailable;

    /// <summary>
    /// A folder per 1-on-1 series (names to find it, the series id to keep two pairs of namesakes apart), a file per
    /// meeting. Both people open the same shared file, so its name is the same for both (a download is named for its
    /// reader, <see cref="NotesDocument.FileName"/>).
    /// </summary>
    public static string PathFor(Series series, DateTime localStart) =>
        $"OneOnOne/{NotesDocument.SafeName(series.Manager.DisplayName)} - {NotesDocument.SafeName(series.Report.DisplayName)} ({series.Id.ToString("N")[..8]})/"
        + $"1-on-1 {localStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.docx";

    /// <summary>
    /// Puts the document in OneDrive unless it is there already: a file that people may have edited in Word for the
    /// web is never overwritten by a freshly generated one.
    /// </summary>
    public async Task<OneDriveDocument> StoreAsync(string path, byte[] document, string shareWithEmail, CancellationToken cancellationToken)
    {
        var client = graph.ForUser(Scopes);
        var driveId = await DriveIdAsync(client, cancellationToken);
        var item = client.Drives[driveId].Root.ItemWithPath(path);
        DriveItem? existing;
        try
        {
            existing = await item.GetAsync(cancellationToken: cancellationToken);
        }
        catch (ODataError e) when (e.ResponseStatusCode == StatusCodes.Status404NotFound)
        {
            existing = null;
        }

        if (existing?.WebUrl is { } existingUrl)
        {
            return new OneDriveDocument(existingUrl, path, Created: false);
        }

        using var content = new MemoryStream(document, writable: false);
        var uploaded = await item.Content.PutAsync(content, cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException("OneDrive answered the upload without the file.");
        await client.Drives[driveId].Items[uploaded.Id].Invite.PostAsInvitePostResponseAsync(
            new InvitePostRequestBody
            {
                Recipients = [new DriveRecipient { Email = shareWithEmail }],
                Roles = ["write"],
                RequireSignIn = true,
                SendInvitation = false,
            },
            cancellationToken: cancellationToken);
        return new OneDriveDocument(uploaded.WebUrl ?? "", path, Created: true);
    }

    /// <summary>The document as it is in OneDrive now, or null when there is none; refuses to read more than an upload may be.</summary>
    public async Task<byte[]?> DownloadAsync(string path, CancellationToken cancellationToken)
    {
        var client = graph.ForUser(Scopes);
        var driveId = await DriveIdAsync(client, cancellationToken);
        try
        {
            await using var stream = await client.Drives[driveId].Root.ItemWithPath(path).Content.GetAsync(cancellationToken: cancellationToken);
            if (stream is null)
            {
                return null;
            }

            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (copy.Length + read > PackageGuard.MaxUploadBytes)
                {
                    throw new InvalidNotesDocumentException(DocumentTexts.TooLarge, StatusCodes.Status413PayloadTooLarge, PackageGuard.MaxUploadBytes / 1024 / 1024);
                }

                copy.Write(buffer, 0, read);
            }

            return copy.ToArray();
        }
        catch (ODataError e) when (e.ResponseStatusCode == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    private static async Task<string> DriveIdAsync(GraphServiceClient client, CancellationToken cancellationToken) =>
        (await client.Me.Drive.GetAsync(cancellationToken: cancellationToken))?.Id
        ?? throw new InvalidOperationException("OneDrive answered without a drive id.");
}
