package io.hippocamel.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hippocamel.testsupport.TestFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContentExtractorTest {

    private static final ContentExtractor EXTRACTOR = new ContentExtractor();

    @Test
    @DisplayName("PDF: text and title come out, type pdf")
    void pdf() {
        ExtractedContent c = EXTRACTOR.extract(TestFiles.pdf("Quarterly report", "Revenue grew by 12 percent.",
                "The Lisbon office opened in March."), "report.pdf", null);
        assertThat(c.text()).contains("Revenue grew by 12 percent.").contains("Lisbon office");
        assertThat(c.title()).isEqualTo("Quarterly report");
        assertThat(c.type()).isEqualTo("pdf");
    }

    @Test
    @DisplayName("DOCX: paragraphs come out")
    void docx() {
        ExtractedContent c = EXTRACTOR.extract(TestFiles.docx("Handbook", "Employees get 30 vacation days.",
                "Remote work is allowed on Fridays."), "handbook.docx", null);
        assertThat(c.text()).contains("30 vacation days").contains("Remote work");
        assertThat(c.title()).isEqualTo("Handbook");
    }

    @Test
    @DisplayName("XLSX and PPTX: cell and slide text come out")
    void spreadsheetsAndSlides() {
        assertThat(EXTRACTOR.extract(TestFiles.xlsx(new String[][] {{"city", "population"}, {"Ghent", "265000"}}),
                "cities.xlsx", null).text()).contains("Ghent").contains("265000");
        assertThat(EXTRACTOR.extract(TestFiles.pptx("Roadmap 2027", "Ship the router"), "deck.pptx", null).text())
                .contains("Roadmap 2027").contains("Ship the router");
    }

    @Test
    @DisplayName("HTML: visible text and title, scripts left out, type webpage")
    void html() {
        ExtractedContent c = EXTRACTOR.extract(TestFiles.html("Camel riding", "Dromedaries have one hump."),
                "page.html", "text/html");
        assertThat(c.text()).contains("Dromedaries have one hump.").doesNotContain("script-text");
        assertThat(c.title()).isEqualTo("Camel riding");
        assertThat(c.type()).isEqualTo("webpage");
    }

    @Test
    @DisplayName("Markdown, CSV and plain text pass through as text")
    void textFormats() {
        assertThat(EXTRACTOR.extract("# Notes\n\nBuy *oat milk*.".getBytes(StandardCharsets.UTF_8), "notes.md",
                null).text()).contains("Buy *oat milk*.");
        assertThat(EXTRACTOR.extract("name,team\nAda,core\n".getBytes(StandardCharsets.UTF_8), "team.csv",
                "text/csv").text()).contains("Ada").contains("core");
        assertThat(EXTRACTOR.extract("plain words".getBytes(StandardCharsets.UTF_8), "a.txt", null).type())
                .isEqualTo("text");
    }

    @Test
    @DisplayName("a file without text fails with a clear reason")
    void emptyFileFails() {
        assertThatThrownBy(() -> EXTRACTOR.extract(new byte[] {0, 1, 2, 3}, "blob.bin", null))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("no text");
        assertThatThrownBy(() -> EXTRACTOR.extract("%PDF-1.7 garbage".getBytes(StandardCharsets.UTF_8), "x.pdf",
                "application/pdf")).isInstanceOf(ExtractionException.class);
    }
}
