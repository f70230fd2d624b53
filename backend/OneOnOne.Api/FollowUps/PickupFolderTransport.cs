using Microsoft.Extensions.Options;
using OneOnOne.Api.Hosting;

namespace OneOnOne.Api.FollowUps;

internal sealed class PickupFolderTransport(IOptions<MailOptions> options, AppPaths paths) : IMailTransport
{
    public string Folder { get; } = Path.Combine(paths.DataFolder, options.Value.PickupFolder);

    public async Task<string?> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        using var message = Mime.Build(mail);
        var file = Path.Combine(Folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{mail.FollowUpId:N}.eml");
        // Written aside and moved in, so a reader of the folder never sees half a mail.
        var temporary = file + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, file, overwrite: true);
        return message.MessageId;
    }
}
