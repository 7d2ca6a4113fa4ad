package org.parley.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Printed documents carry names in Cyrillic and Latin legibly: the text read back from the PDF is the text given
 * (so the fonts have the glyphs and the PDF maps them back to Unicode), the fonts are embedded, long hashes wrap
 * within the page, and a long table runs over many pages with its header on each. The renderer is the one Spring
 * wires to the application's configured Thymeleaf engine and message bundles (without the rest of the
 * application: no database).
 */
@SpringBootTest(classes = PdfRendererTest.Config.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PdfRendererTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ThymeleafAutoConfiguration.class, MessageSourceAutoConfiguration.class})
    @Import(PdfRenderer.class)
    static class Config {
    }

    /** A row of the test document ({@code templates/print-test/names.html}). */
    public record Name(String cyrillic, String latin, String hash) {
    }

    static final List<String> CYRILLIC = List.of("Шевченко Тарас Григорович", "Алексеев Андрей Геннадьевич",
            "Ґонта Її", "Дʼяченко Євгенія Ярославівна", "Мар’яна Сьомкіна", "Пётр Семёнович Алёшин",
            "ЁЛКИН ЕРЁМА");
    static final List<String> LATIN = List.of("Shevchenko Taras Hryhorovych", "Alekseev Andrei Gennad’evich",
            "Ŝtefan Ĉapek", "Dvořák Jiří", "Łukasz Żółkiewski", "Zoë Ørsted-Åkesson", "Şahin Güneş",
            "Ševčenko Taras Hryhorovyč", "Jëlkin Jerëma");

    @Autowired
    PdfRenderer renderer;

    @Test
    void namesInBothScriptsAndALongHashReadBackExactly() throws IOException {
        String hash = longBase64();
        List<Name> names = new ArrayList<>();
        for (int i = 0; i < Math.max(CYRILLIC.size(), LATIN.size()); i++) {
            names.add(new Name(CYRILLIC.get(i % CYRILLIC.size()), LATIN.get(i % LATIN.size()), sha256(i)));
        }
        byte[] pdf = renderer.render("print-test/names", Map.of("title", "Обмін · Exchange", "names", names,
                "hash", hash), Locale.forLanguageTag("uk"));
        Files.createDirectories(Path.of("target/print-test"));
        Files.write(Path.of("target/print-test/names.pdf"), pdf);  // to look at

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = text(document, false);
            String lines = text.replaceAll("\\s+", " ");
            assertContains(lines, CYRILLIC);
            assertContains(lines, LATIN);
            assertContains(lines, List.of("Обмін · Exchange"));
            // the message bundles of the application, in the document's language
            assertContains(lines, List.of("Прізвище"));
            assertContains(text(document, true).replaceAll("\\s+", " "), List.of("Сторінка 1 з 1"));
            // a hash is broken across lines, not cut off: all of it is there, in order
            String joined = text.replaceAll("\\s+", "");
            assertContains(joined, List.of(hash));
            assertContains(joined, names.stream().map(Name::hash).toList());
            assertThat(document.getNumberOfPages()).isEqualTo(1);

            assertThat(fonts(document)).allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
            TreeSet<String> fontNames = new TreeSet<>();
            fonts(document).forEach(f -> fontNames.add(f.getName().replaceFirst("^[A-Z]{6}\\+", "")));
            assertThat(fontNames).containsExactly("LiberationMono", "LiberationSans", "LiberationSans-Bold");

            // every glyph lies on the page, inside its right margin (14 mm): the hashes were wrapped
            float right = document.getPage(0).getMediaBox().getWidth() - 14 / 25.4f * 72;
            List<TextPosition> positions = positions(document);
            assertThat(positions).hasSizeGreaterThan(hash.length());
            assertThat(positions).allSatisfy(p -> assertThat(p.getXDirAdj() + p.getWidthDirAdj())
                    .as(p.getUnicode()).isLessThanOrEqualTo(right + 0.5f));
        }
    }

    @Test
    void aTableOf2400RowsRunsOverManyPagesWithItsHeaderOnEach() throws IOException {
        List<Name> names = new ArrayList<>();
        for (int i = 0; i < 2_400; i++) {
            names.add(new Name(CYRILLIC.get(i % CYRILLIC.size()) + " " + i, LATIN.get(i % LATIN.size()) + " " + i,
                    sha256(i)));
        }
        renderer.render("print-test/names", Map.of("title", "Warm-up", "names", names.subList(0, 50),
                "hash", "x"), Locale.ENGLISH);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        byte[] pdf = renderer.render("print-test/names", Map.of("title", "Exchange agreement", "names", names,
                "hash", longBase64()), Locale.ENGLISH);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("2,400 rows: %,d ms (CPU of the thread: %,d ms), %,d bytes%n", millis,
                (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000, pdf.length);
        Files.createDirectories(Path.of("target/print-test"));
        Files.write(Path.of("target/print-test/2400-rows.pdf"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            System.out.printf("2,400 rows: %d pages%n", pages);
            assertThat(pages).isGreaterThan(20);
            assertContains(text(document, true).replaceAll("\\s+", " "),
                    List.of("Page 1 of " + pages, "Page " + pages + " of " + pages));
            String text = text(document, false).replaceAll("\\s+", " ");
            assertContains(text, List.of(CYRILLIC.get(0) + " 0", LATIN.get(2_399 % LATIN.size()) + " 2399"));
            // every row, in order (the renderer lays the table body out in parts of 200 rows)
            String joined = text.replace(" ", "");
            int at = 0;
            for (int i = 0; i < names.size(); i++) {
                int next = joined.indexOf(sha256(i), at);
                assertThat(next).as("row %d after position %d", i + 1, at).isGreaterThan(at);
                at = next;
            }
            // the header row is repeated on every page
            assertThat(text.split("# Surname Latin Hash", -1).length - 1).as("header rows").isEqualTo(pages);
        }
        // about 2.5 s of CPU on a warm JVM (6 s cold); the bound only catches a document gone quadratic
        assertThat(millis).as("rendering time of 2,400 rows, ms").isLessThan(120_000);
    }

    @Test
    void longTableBodiesAreSplitInPartsOf200RowsUnlessARowSpans() throws Exception {
        for (boolean rowSpan : List.of(false, true)) {
            StringBuilder xhtml = new StringBuilder("<html><body><table><thead><tr><th>n</th></tr></thead>"
                    + "<tbody id=\"list\" class=\"rows\">");
            for (int i = 0; i < 450; i++) {
                xhtml.append(i == 300 && rowSpan ? "<tr><td rowspan=\"2\">" : "<tr><td>").append(i)
                        .append("</td></tr>\n");
            }
            xhtml.append("</tbody></table><p>after</p></body></html>");
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xhtml.toString())));
            PdfRenderer.splitLongTableBodies(document);
            NodeList bodies = document.getElementsByTagName("tbody");
            List<Integer> sizes = new ArrayList<>();
            List<String> order = new ArrayList<>();
            for (int b = 0; b < bodies.getLength(); b++) {
                Element body = (Element) bodies.item(b);
                assertThat(body.getAttribute("class")).isEqualTo("rows");
                assertThat(body.getAttribute("id")).isEqualTo(b == 0 ? "list" : "");
                sizes.add(body.getElementsByTagName("tr").getLength());
                NodeList cells = body.getElementsByTagName("td");
                for (int i = 0; i < cells.getLength(); i++) {
                    order.add(cells.item(i).getTextContent());
                }
            }
            assertThat(sizes).isEqualTo(rowSpan ? List.of(450) : List.of(200, 200, 50));
            assertThat(order).isEqualTo(IntStream.range(0, 450).mapToObj(Integer::toString).toList());
            assertThat(document.getElementsByTagName("table").item(0).getNextSibling().getTextContent())
                    .isEqualTo("after");
        }
    }

    @Test
    void everyFontHasEveryLetterOfTheNamesAndNoGlyphSubstitution() throws IOException {
        for (String resource : List.of(PdfRenderer.SANS_REGULAR, PdfRenderer.SANS_BOLD, PdfRenderer.MONO_REGULAR)) {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(PdfRenderer.font(resource)));
            assertThat(font.getTableMap()).as(resource).doesNotContainKey("GSUB").containsKeys("glyf", "cmap");
            CmapLookup cmap = font.getUnicodeCmapLookup();
            String letters = String.join("", CYRILLIC) + String.join("", LATIN) + "ʼ’·" + longBase64();
            assertThat(letters.codePoints().filter(c -> cmap.getGlyphId(c) == 0)
                    .mapToObj(Character::toString).toList()).as("letters without a glyph in " + resource).isEmpty();
            font.close();
        }
    }

    @Test
    void aDocumentFetchesNothingFromTheNetwork() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort();
            String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
                    + "<link rel=\"stylesheet\" href=\"" + url + "/print.css\"/>"
                    + "<style>@font-face { font-family: Remote; src: url(" + url + "/remote.ttf); }</style>"
                    + "</head><body><p style=\"font-family: Remote\">Шевченко</p>"
                    + "<img src=\"" + url + "/logo.png\"/></body></html>";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfRenderer.toPdf(xhtml, out, "remote resources");
            assertThat(out.size()).isGreaterThan(0);
            server.setSoTimeout(200);
            assertThatThrownBy(server::accept).as("a connection to " + url).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aTemplateThatIsNotWellFormedIsRefusedWithItsName() {
        assertThatThrownBy(() -> renderer.render("print-test/not-xhtml", Map.of(), Locale.ENGLISH))
                .isInstanceOf(PdfRenderer.PrintException.class).hasMessageContaining("print-test/not-xhtml");
    }

    /**
     * The text of a PDF: in the order it was written (each table cell whole), or sorted by position (line by line
     * as printed: a footer's page numbers in their place, but cells of two lines interleaved).
     */
    private static String text(PDDocument document, boolean byPosition) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(byPosition);
        return stripper.getText(document);
    }

    /** Fails naming the strings missing from a text, without printing all of it. */
    private static void assertContains(String text, List<String> expected) {
        assertThat(expected.stream().filter(e -> !text.contains(e)).toList()).as("missing from the PDF's text")
                .isEmpty();
    }

    private static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        assertThat(fonts).isNotEmpty();
        return fonts;
    }

    private static List<TextPosition> positions(PDDocument document) throws IOException {
        List<TextPosition> positions = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> textPositions) throws IOException {
                positions.addAll(textPositions);
                super.writeString(text, textPositions);
            }
        };
        stripper.getText(document);
        return positions;
    }

    /** 600 bytes in base64: 800 characters without a space, with + and /. */
    private static String longBase64() {
        byte[] bytes = new byte[600];
        new Random(17).nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String sha256(int i) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("row " + i).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
