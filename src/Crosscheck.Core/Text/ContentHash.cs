using System.Security.Cryptography;

namespace Crosscheck.Core.Text;

/// <summary>Content identity: the same bytes always get the same id, whatever their source.</summary>
public static class ContentHash
{
    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
