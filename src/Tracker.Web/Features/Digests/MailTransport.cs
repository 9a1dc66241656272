using System.Net.Sockets;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Tracker.Web.Features.Digests;

/// <summary>Hands a message to the SMTP server; returns once the server has accepted it.</summary>
public interface IMailTransport : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>MailKit over SMTP, one connection kept open for a run of messages.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    private readonly SmtpClient _client = new();

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var mail = options.Value;
        if (!_client.IsConnected)
        {
            var host = mail.Host ?? throw new InvalidOperationException("Tracker:Mail:Host is not set.");

            // SMTP is a chain of small writes; with Nagle's algorithm each waits out the server's delayed ACK
            // (about 40 ms a message). Without it a run of digests goes at the server's pace.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(host, mail.Port, cancellationToken);
                await _client.ConnectAsync(socket, host, mail.Port, mail.Security, cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            if (!string.IsNullOrEmpty(mail.UserName))
            {
                await _client.AuthenticateAsync(mail.UserName, mail.Password ?? "", cancellationToken);
            }
        }

        await _client.SendAsync(message, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(quit: true);
        }

        _client.Dispose();
    }
}
