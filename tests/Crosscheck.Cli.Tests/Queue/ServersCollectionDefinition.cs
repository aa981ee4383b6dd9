using Crosscheck.Queue.Tests.Support;
using Xunit;

namespace Crosscheck.Cli.Tests.Queue;

/// <summary>
/// The queue runs here share the servers as the queue tests do, so they too run one at a time
/// (xunit reads collection definitions only from the test assembly itself).
/// </summary>
[CollectionDefinition(ServersCollection.Name, DisableParallelization = true)]
public sealed class ServersCollectionDefinition;
