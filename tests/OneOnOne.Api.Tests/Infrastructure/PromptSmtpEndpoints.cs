using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace OneOnOne.Api.Tests.Infrastructure;

/// <summary>
/// Connections for the SMTP stubs that answer at once. SmtpServer's own listener leaves Nagle's algorithm on, so of the
/// answers to a pipelined MAIL, RCPT and DATA only the first left at once and the others waited for the client's
/// delayed acknowledgement: tens of milliseconds per mail that a real mail server, which answers a pipelined batch
/// together, does not cost. The benchmarks share this file.
/// </summary>
public sealed class PromptSmtpEndpoints : IEndpointListenerFactory
{
    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition) => new Listener(endpointDefinition);

    private sealed class Listener : IEndpointListener
    {
        private readonly TcpListener listener;

        public Listener(IEndpointDefinition endpoint)
        {
            listener = new TcpListener(endpoint.Endpoint);
            listener.Start();
        }

        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            return new Pipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>The stubs speak plain SMTP only (SmtpServer's own pipe, which also does TLS, is internal).</summary>
    private sealed class Pipe(TcpClient client) : ISecurableDuplexPipe
    {
        public PipeReader Input { get; } = PipeReader.Create(client.GetStream());

        public PipeWriter Output { get; } = PipeWriter.Create(client.GetStream());

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The SMTP stubs do not offer TLS.");

        public void Dispose() => client.Dispose();
    }
}
