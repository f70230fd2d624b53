using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OneOnOne.Api.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 that keeps what it receives. <see cref="Refuse"/> lets a test make it answer a
/// delivery with an error, the way a busy or strict server does.
/// </summary>
public sealed class SmtpStub : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private int sessions;

    /// <param name="dropIdleAfter">Closes a connection that sends no command for this long, as servers do.</param>
    public SmtpStub(TimeSpan? dropIdleAfter = null)
    {
        Port = FreePort();
        var builder = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)));
        if (dropIdleAfter is { } idle)
        {
            builder.CommandWaitTimeout(idle);
        }

        var options = builder.Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new PromptSmtpEndpoints());
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref sessions);
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; }

    /// <summary>How many connections clients have opened.</summary>
    public int Sessions => Volatile.Read(ref sessions);

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>Asked for every delivery; a non-null answer refuses it with that response.</summary>
    public Func<MimeMessage, SmtpResponse?> Refuse { get; set; } = _ => null;

    public TimeSpan Delay { get; set; }

    public IEnumerable<string> FollowUpIds => Received.Select(m => m.Headers["X-OneOnOne-FollowUp"] ?? "");

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpStub stub) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            if (stub.Delay > TimeSpan.Zero)
            {
                await Task.Delay(stub.Delay, cancellationToken);
            }

            if (stub.Refuse(message) is { } refusal)
            {
                return refusal;
            }

            stub.Received.Enqueue(message);
            return SmtpResponse.Ok;
        }
    }
}
