using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lux.Tests.LanguageServer;

/// <summary>
/// The client end of a JSON-RPC 2.0 connection over a language server's stdio, framed as LSP frames it
/// (<c>Content-Length: N\r\n\r\n</c> and N bytes of UTF-8 JSON). Requests are answered by id; requests the
/// server sends (workspace/configuration, client/registerCapability, ...) go to <c>onServerRequest</c>,
/// whose result is sent back; notifications go to <c>onNotification</c>. Every request has a timeout, and
/// when the server's output ends every pending request fails, so nothing waits forever.
/// </summary>
internal sealed class LspClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private readonly Stream fromServer;
    private readonly Stream toServer;
    private readonly Func<string, JsonElement?, JsonNode?> onServerRequest;
    private readonly Action<string, JsonElement?> onNotification;
    private readonly Action<string> log;
    private readonly ConcurrentDictionary<long, (string Method, TaskCompletionSource<JsonElement> Reply)> pending = new();
    private readonly SemaphoreSlim writing = new(1, 1);
    private long lastId;
    private volatile Exception? closed;

    public LspClient(Stream fromServer, Stream toServer, Func<string, JsonElement?, JsonNode?> onServerRequest,
        Action<string, JsonElement?> onNotification, Action<string> log)
    {
        this.fromServer = fromServer;
        this.toServer = toServer;
        this.onServerRequest = onServerRequest;
        this.onNotification = onNotification;
        this.log = log;
        Reading = Task.Run(ReadLoopAsync);
    }

    /// <summary>Ends when the server's output does.</summary>
    public Task Reading { get; }

    public async Task<JsonElement> RequestAsync(string method, object? parameters, TimeSpan timeout)
    {
        if (closed is { } reason)
            throw new IOException($"{method}: the connection to the language server is closed", reason);
        var id = Interlocked.Increment(ref lastId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = (method, reply);
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = ToNode(parameters) });
        try
        {
            return await reply.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            pending.TryRemove(id, out _);
            await NotifyAsync("$/cancelRequest", new { id });
            throw new TimeoutException($"{method} got no answer from the language server within {timeout.TotalSeconds:0} s");
        }
    }

    public Task NotifyAsync(string method, object? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = ToNode(parameters) });

    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        _ => JsonSerializer.SerializeToNode(value, Json),
    };

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n");
        await writing.WaitAsync();
        try
        {
            await toServer.WriteAsync(header);
            await toServer.WriteAsync(body);
            await toServer.FlushAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            throw new IOException("could not write to the language server (has it exited?)", e);
        }
        finally
        {
            writing.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        Exception reason = new EndOfStreamException("the language server closed its output");
        try
        {
            var input = new BufferedStream(fromServer, 1 << 16);
            while (await ReadFrameAsync(input) is { } frame)
                Dispatch(frame);
        }
        catch (Exception e)
        {
            reason = e;
        }
        closed = reason;
        foreach (var (id, (method, reply)) in pending)
        {
            if (pending.TryRemove(id, out _))
                reply.TrySetException(new IOException($"{method}: the language server closed the connection before answering", reason));
        }
    }

    private static async Task<JsonDocument?> ReadFrameAsync(Stream input)
    {
        int? length = null;
        while (true)
        {
            var line = await ReadHeaderLineAsync(input);
            if (line is null)
                return null;
            if (line.Length == 0)
                break;
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                length = int.Parse(line[(colon + 1)..].Trim(), CultureInfo.InvariantCulture);
        }
        if (length is not { } count)
            throw new InvalidDataException("an LSP frame without Content-Length");
        var body = new byte[count];
        await input.ReadExactlyAsync(body);
        return JsonDocument.Parse(body);
    }

    private static async Task<string?> ReadHeaderLineAsync(Stream input)
    {
        var bytes = new List<byte>(64);
        var one = new byte[1];
        while (true)
        {
            if (await input.ReadAsync(one) == 0)
                return bytes.Count == 0 ? null : throw new EndOfStreamException("the language server's output ended inside a header");
            if (one[0] == '\n')
            {
                if (bytes.Count > 0 && bytes[^1] == '\r')
                    bytes.RemoveAt(bytes.Count - 1);
                return Encoding.ASCII.GetString(bytes.ToArray());
            }
            bytes.Add(one[0]);
        }
    }

    private void Dispatch(JsonDocument frame)
    {
        using (frame)
        {
            var message = frame.RootElement;
            var hasId = message.TryGetProperty("id", out var id) && id.ValueKind != JsonValueKind.Null;
            JsonElement? parameters = message.TryGetProperty("params", out var p) ? p.Clone() : null;
            if (message.TryGetProperty("method", out var methodElement))
            {
                var method = methodElement.GetString() ?? "";
                if (hasId)
                    _ = AnswerAsync(JsonNode.Parse(id.GetRawText()), method, parameters);
                else
                    Guard(method, () => onNotification(method, parameters));
                return;
            }
            if (!hasId || id.ValueKind != JsonValueKind.Number || !pending.TryRemove(id.GetInt64(), out var call))
            {
                log("response to no pending request: " + Truncate(message.GetRawText()));
                return;
            }
            if (message.TryGetProperty("error", out var error))
                call.Reply.TrySetException(new LspErrorException(call.Method, error.Clone()));
            else
                call.Reply.TrySetResult(message.TryGetProperty("result", out var result) ? result.Clone() : default);
        }
    }

    private async Task AnswerAsync(JsonNode? id, string method, JsonElement? parameters)
    {
        JsonNode? result = null;
        Guard(method, () => result = onServerRequest(method, parameters));
        try
        {
            // A response must carry "result", null included.
            var response = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id };
            response.Add("result", result);
            await SendAsync(response);
        }
        catch (IOException e)
        {
            log($"could not answer {method}: {e.Message}");
        }
    }

    private void Guard(string method, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            log($"handling {method} failed: {e}");
        }
    }

    internal static string Truncate(string text, int length = 400) => text.Length <= length ? text : text[..length] + "…";

    public void Dispose() => writing.Dispose();
}

/// <summary>An LSP error response.</summary>
internal sealed class LspErrorException(string method, JsonElement error)
    : Exception($"{method} failed: {error.GetRawText()}")
{
    public JsonElement Error { get; } = error;
}
