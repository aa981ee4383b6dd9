namespace Crosscheck.Training.Tests;

/// <summary>
/// The open English corpora are listed once and read by three readers, each from its own part: the English gazetteer
/// (every corpus but WNUT-17, re3d's per-source files), the word clusters' text (every corpus, all of re3d's CoNLL
/// files) and a language model's open-name lists (every corpus, re3d's per-source files).
/// </summary>
public class OpenCorporaTests
{
    [Fact]
    public void Each_reader_takes_its_own_files_of_the_open_corpora()
    {
        using var root = new TemporaryDataRoot("open-corpora-");
        File.WriteAllText(Path.Combine(root.NerFolder("wikigold", "CONLL-format", "data"), "wikigold.conll.txt"), "Abbey I-ORG\nRoad I-ORG\n\n");
        File.WriteAllText(Path.Combine(root.NerFolder("btc"), "z.conll"), "met\tO\nMarta\tB-PER\n\n");
        var wnut = root.NerFolder("wnut17");
        File.WriteAllText(Path.Combine(wnut, "wnut17train.conll"), "love\tO\nQuorvex\tB-corporation\n\n");
        File.WriteAllText(Path.Combine(wnut, "emerging.dev.conll"), "Dravenport\tB-corporation\n\n");
        File.WriteAllText(Path.Combine(root.NerFolder("re3d", "CONLL-format", "data-by-source", "conll", "X"), "a.conll"), "in\tO\nTartu\tB-Location\n\n");
        File.WriteAllText(Path.Combine(root.NerFolder("re3d", "CONLL-format", "whole"), "b.conll"), "from\tO\nTallinn\tB-Location\n\n");

        var gazetteer = TrainingSources.GazetteerEntries(root.FullName, TextWriter.Null).Select(e => (e.List, Name: string.Join(' ', e.Tokens))).ToList();
        var text = TrainingSources.UnlabelledSentences(root.FullName, TextWriter.Null).Select(t => string.Join(' ', t)).ToList();
        var open = TrainingSources.OpenCorpusNames(root.FullName, TextWriter.Null).Select(e => (e.List, Name: string.Join(' ', e.Tokens))).ToList();

        Assert.Equal([("wikigold:ORG", "Abbey Road"), ("btc:PER", "Marta"), ("re3d:Location", "Tartu")], gazetteer);
        Assert.Equal(["Abbey Road", "love Quorvex", "met Marta", "in Tartu", "from Tallinn"], text);
        // The open names' order does not matter: their lists are OR-ed into one bit set per phrase.
        Assert.Equal([("open:LOC", "Tartu"), ("open:ORG", "Abbey Road"), ("open:ORG", "Quorvex"), ("open:PER", "Marta")], open.Order());
    }
}
