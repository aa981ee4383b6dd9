namespace Crosscheck.Testing;

/// <summary>
/// Texts written for the tests of template pages (<c>TemplatePageDetector</c>): a consent notice that pages of a site show
/// under their own headlines, and a news report that is no such page.
/// </summary>
public static class TemplatePageTexts
{
    public const string Notice =
        "To improve our website and show you the most relevant news and targeted advertising, we collect technical anonymised " +
        "information about you, including with the tools of our partners. Detailed information on data processing can be found " +
        "in the privacy policy. By clicking accept and close you agree to the processing of your data for these purposes; you " +
        "may withdraw your consent at any time in the settings of your browser.";

    public const string Report =
        "Firefighters battled a blaze that tore through a timber warehouse on the edge of the port district late on Tuesday, " +
        "sending thick smoke over the harbour and forcing the closure of two ferry routes. The regional fire service said forty " +
        "crews were sent to the warehouse and that no injuries had been reported, although a night watchman was treated for " +
        "smoke inhalation as a precaution. Investigators expect to examine the cause of the blaze once the structure has cooled.";
}
