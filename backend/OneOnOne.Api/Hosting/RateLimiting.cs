using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Hosting;

/// <summary>
/// Rate limits per caller (tenant + object id from the validated token; the IP address for anonymous requests), a body
/// size limit and a JSON depth limit, so a flood or an oversized request is a 429 or 4xx problem, never a 500.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddOneOnOneRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RequestLimitOptions.Section).Get<RequestLimitOptions>() ?? new RequestLimitOptions();
        services.AddSingleton(limits);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.MaxDepth = limits.MaxJsonDepth);
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>
    /// The body size limit goes first (before anything reads the body); the rate limiter after authentication, which
    /// it keys by, and before the caller's enrollment, so a rejected request costs no database work.
    /// </summary>
    public static WebApplication UseOneOnOneBodyLimit(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<RequestLimitOptions>();
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not null)
            {
                // The endpoint sets its own limit (the document upload); the server applies it.
                await next(context);
                return;
            }

            if (context.Request.ContentLength > limits.MaxBodyBytes)
            {
                await WriteTooLargeAsync(context, limits);
                return;
            }

            // A chunked body has no length to refuse up front: it is cut off while it is read.
            context.Request.Body = new LimitedReadStream(context.Request.Body, limits.MaxBodyBytes);
            if (!context.Request.HasJsonContentType())
            {
                await next(context);
                return;
            }

            // JSON is UTF-8 (RFC 8259). The serializer checks only the strings it keeps, so text that is not UTF-8 could
            // otherwise pass in a field it skips: the whole body is checked once, and read from memory after that.
            using var body = new MemoryStream();
            try
            {
                await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await WriteTooLargeAsync(context, limits);
                return;
            }

            if (!System.Text.Unicode.Utf8.IsValid(body.GetBuffer().AsSpan(0, (int)body.Length)))
            {
                await WriteProblemAsync(context, new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Detail = Texts.InvalidUtf8.In(ProblemSetup.LanguageOf(context)),
                });
                return;
            }

            body.Position = 0;
            context.Request.Body = body;
            await next(context);
        });
        return app;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RequestLimitOptions limits)
    {
        var request = context.Request;
        var read = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
        if (read && !IsDocument(request))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var caller = CallerClaims.TenantId(context.User) is { } tenant && CallerClaims.ObjectId(context.User) is { } objectId
            ? $"{tenant}/{objectId}"
            : $"ip:{context.Connection.RemoteIpAddress}";
        if (read)
        {
            return RateLimitPartition.GetFixedWindowLimiter($"document:{caller}", _ => Window(limits.DocumentsPerWindow, limits.Window));
        }

        var upload = HttpMethods.IsPost(request.Method) && request.Path.Value?.EndsWith("/notes.docx", StringComparison.OrdinalIgnoreCase) == true;
        return upload
            ? RateLimitPartition.GetFixedWindowLimiter($"upload:{caller}", _ => Window(limits.UploadsPerWindow, limits.Window))
            : RateLimitPartition.GetFixedWindowLimiter($"write:{caller}", _ => Window(limits.WritesPerWindow, limits.Window));
    }

    private static bool IsDocument(HttpRequest request) =>
        request.Path.Value?.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) == true || request.Path.StartsWithSegments("/follow-ups/notes");

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        // Refuse at once with Retry-After rather than hold requests open.
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await WriteProblemAsync(context, new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Detail = (IsDocument(context.Request) && HttpMethods.IsGet(context.Request.Method) ? RequestLimitTexts.TooManyDocuments : RequestLimitTexts.TooManyRequests)
                .In(ProblemSetup.LanguageOf(context), seconds),
        });
    }

    private static Task WriteTooLargeAsync(HttpContext context, RequestLimitOptions limits)
    {
        var language = ProblemSetup.LanguageOf(context);
        return WriteProblemAsync(context, new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = RequestLimitTexts.TooLargeTitle.In(language),
            Detail = RequestLimitTexts.TooLarge.In(language, limits.MaxBodyBytes / 1024),
        });
    }

    private static async Task WriteProblemAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status!.Value;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>Reads at most a number of bytes; one more is the 413 the server would answer.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int bytes)
        {
            read += bytes;
            return read > limit
                ? throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge)
                : bytes;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
