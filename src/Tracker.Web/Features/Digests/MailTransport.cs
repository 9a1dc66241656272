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
            await _client.ConnectAsync(mail.Host ?? throw new InvalidOperationException("Tracker:Mail:Host is not set."), mail.Port, mail.Security, cancellationToken);
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
