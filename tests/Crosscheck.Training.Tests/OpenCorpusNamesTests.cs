namespace Crosscheck.Training.Tests;

/// <summary>
/// The open corpora's name lists of a language model (<c>--open-corpus-names</c>): names of the open English corpora
/// mapped to the CoNLL types, capitalised and in Latin script only, never from a dev or test file.
/// </summary>
public class OpenCorpusNamesTests
{
    [Fact]
    public void Maps_the_open_corpora_types_to_conll_and_keeps_only_capitalised_names_of_training_files()
    {
        using var root = new TemporaryDataRoot("open-names-");
        File.WriteAllText(Path.Combine(root.NerFolder("wikigold", "CONLL-format", "data"), "wikigold.conll.txt"),
            "Abbey I-ORG\nRoad I-ORG\nin O\nLondon I-LOC\n\n");
        File.WriteAllText(Path.Combine(root.NerFolder("btc"), "a.conll"), "met\tO\nMarta\tB-PER\nVidal\tI-PER\n\n");
        var wnut = root.NerFolder("wnut17");
        File.WriteAllText(Path.Combine(wnut, "wnut17train.conll"), "love\tO\nQuorvex\tB-corporation\nand\tO\nzylophone\tB-product\n\n");
        File.WriteAllText(Path.Combine(wnut, "emerging.dev.conll"), "Dravenport\tB-corporation\n\n");
        File.WriteAllText(Path.Combine(wnut, "emerging.test.conll"), "Ostrelka\tB-person\n\n");
        File.WriteAllText(Path.Combine(root.NerFolder("re3d", "CONLL-format", "data-by-source", "conll", "X"), "a.conll"),
            "the\tB-Person\nIraqi\tI-Person\nminister\tI-Person\nmet\tO\nKurdish\tB-Nationality\nofficials\tO\n5\tB-Quantity\nTartu\tB-Location\n\n");

        using (var zip = System.IO.Compression.ZipFile.Open(Path.Combine(root.NerFolder("gmb-kaggle"), "ner_dataset.csv.zip"), System.IO.Compression.ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("ner_dataset.csv").Open()))
            writer.Write("Sentence #,Word,POS,Tag\nSentence: 1,President,NNP,B-per\n,Ilse,NNP,I-per\n,Varkonyi,NNP,I-per\n,met,VBD,O\n,Mr.,NNP,B-per\n,Oduya,NNP,I-per\n"
                + "Sentence: 2,The,DT,O\n,president,NN,O\n,spoke,VBD,O\n,in,IN,O\n,Kisumu,NNP,B-geo\n");

        var names = TrainingSources.OpenCorpusNames(root.FullName, new StringWriter())
            .Select(e => (e.List, Name: string.Join(' ', e.Tokens))).ToList();

        Assert.Contains(("open:ORG", "Abbey Road"), names);
        Assert.Contains(("open:LOC", "London"), names);
        Assert.Contains(("open:PER", "Marta Vidal"), names);
        Assert.Contains(("open:ORG", "Quorvex"), names);
        Assert.Contains(("open:MISC", "Kurdish"), names);
        Assert.Contains(("open:LOC", "Tartu"), names);
        // GMB's titles are cut off the person's name: "president" is written in lower case too, "Mr." is an abbreviation.
        Assert.Contains(("open:PER", "Ilse Varkonyi"), names);
        Assert.Contains(("open:PER", "Oduya"), names);
        Assert.Contains(("open:LOC", "Kisumu"), names);
        Assert.DoesNotContain(names, n => n.Name.StartsWith("President", StringComparison.Ordinal) || n.Name.StartsWith("Mr.", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Name is "zylophone" or "the Iraqi minister" or "5");
        Assert.DoesNotContain(names, n => n.Name is "Dravenport" or "Ostrelka");
    }
}
