using CsCheck;
using Xunit;
using static Crosscheck.Storage.Tests.Contract.SampleDocuments;

namespace Crosscheck.Storage.Tests.Serialization;

public sealed class RandomRoundTripTests
{
    [Fact]
    public void Any_document_survives_the_serializer_exactly()
    {
        RandomDocuments.WithNul.Sample(document =>
            AssertSame(document, DocumentSerializer.Deserialize(DocumentSerializer.Serialize(document))), iter: 2_000);
    }
}
