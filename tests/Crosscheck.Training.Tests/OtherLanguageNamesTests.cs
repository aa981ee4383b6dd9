namespace Crosscheck.Training.Tests;

/// <summary>
/// The other languages' name lists of a language model (<c>--other-language-names</c>): names from the other languages'
/// training files and English CoNLL-2003 train only, never a validation file nor the model's own language, Latin script only.
/// </summary>
public class OtherLanguageNamesTests
{
    [Fact]
    public void Reads_the_other_languages_training_names_and_never_a_validation_file()
    {
        var root = Directory.CreateTempSubdirectory("other-names-");
        try
        {
            var multilingual = Path.Combine(root.FullName, "ner-multilingual");
            void Corpus(string name, string train, string validation)
            {
                var dir = Directory.CreateDirectory(Path.Combine(multilingual, name)).FullName;
                if (train.Length > 0) File.WriteAllText(Path.Combine(dir, "train.txt"), train);
                File.WriteAllText(Path.Combine(dir, "val.txt"), validation);
            }
            Corpus("conll2002-nl", "Philips B-ORG\nwint O\n\n", "Heineken B-ORG\nwint O\n\n");
            Corpus("wikiann-ru", "Газпром B-ORG\nи O\nSiemens B-ORG\n\n", "Лукойл B-ORG\n\n");
            Corpus("conll2002-es", "Telefónica B-ORG\ngana O\n\n", "Repsol B-ORG\n\n");
            Corpus("wikineural-fr", "", "Danone B-ORG\nvend O\n\n");
            var english = Directory.CreateDirectory(Path.Combine(root.FullName, "ner", "conll2003")).FullName;
            File.WriteAllText(Path.Combine(english, "train.txt"), "Kofi B-PER\nAnnan I-PER\nspoke O\n\n");

            var names = TrainingSources.OtherLanguageNames(multilingual, "es", new StringWriter())
                .Select(e => (e.List, Name: string.Join(' ', e.Tokens))).ToList();

            Assert.Contains(("other-conll:ORG", "Philips"), names);
            Assert.Contains(("other-wikiann:ORG", "Siemens"), names);
            Assert.Contains(("other-conll:PER", "Kofi Annan"), names);
            Assert.DoesNotContain(names, n => n.Name is "Heineken" or "Лукойл" or "Repsol" or "Danone");
            Assert.DoesNotContain(names, n => n.Name is "Telefónica");
            Assert.DoesNotContain(names, n => n.Name is "Газпром");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
