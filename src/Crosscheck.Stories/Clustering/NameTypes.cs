using Crosscheck.Core.Model;

namespace Crosscheck.Stories.Clustering;

/// <summary>The kinds of name an entity feature was tagged as (the entity layer's types), as a set.</summary>
[Flags]
public enum NameTypes : byte
{
    None = 0,
    Person = 1,
    Org = 2,
    Loc = 4,
    Misc = 8,
}

/// <summary>Conversions between the entity layer's types and <see cref="NameTypes"/>.</summary>
public static class NameTypesOf
{
    /// <summary>The kinds, in the order their document counts are kept (<see cref="Index"/>).</summary>
    public static IReadOnlyList<NameTypes> Each { get; } = [NameTypes.Person, NameTypes.Org, NameTypes.Loc, NameTypes.Misc];

    public static NameTypes Type(EntityType type) => type switch
    {
        EntityType.Person => NameTypes.Person,
        EntityType.Org => NameTypes.Org,
        EntityType.Loc => NameTypes.Loc,
        _ => NameTypes.Misc,
    };
}
