using ScribeBot.Core.Storage;

namespace ScribeBot.LiteDb.Tests.Contract;

/// <summary>The processed-request contract on the in-memory set that LiteDB and in-memory hosts use.</summary>
public sealed class InMemoryProcessedRequestsTests : ProcessedRequestsContract
{
    protected override Task<IProcessedRequests> CreateAsync() => Task.FromResult<IProcessedRequests>(new InMemoryProcessedRequests());

    protected override Task DisposeAsync(IProcessedRequests requests) => Task.CompletedTask;
}
