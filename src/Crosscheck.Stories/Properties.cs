using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Crosscheck.Stories.Tests")]
[assembly: InternalsVisibleTo("harness")]
