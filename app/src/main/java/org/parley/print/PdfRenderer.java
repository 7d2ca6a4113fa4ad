package org.parley.print;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Printable documents: a Thymeleaf template rendered by the application's engine (with its message bundles, so
 * {@code #{…}} works as on the pages), then laid out as an A4 PDF by openhtmltopdf on Apache PDFBox.
 *
 * <p>A template lives under {@code templates/<feature>/} like a page's, named e.g. {@code exchange/agreement-print},
 * and must produce well-formed XHTML ({@code <!DOCTYPE html>}, every element closed, {@code <br/>}, no named
 * entities but XML's five: write {@code &#160;} or the character itself). It takes its frame from
 * {@code print/layout}: the fragment {@code head(title)} brings the shared print style sheet (A4, margins, tables
 * whose header rows repeat on every page, class {@code hash} for long hashes and signatures in a monospace font,
 * wrapped anywhere) and {@code footer} the running footer "Page X of Y" in the document's language; see that
 * template.
 *
 * <p>Text is set in Liberation Sans (regular and bold) and Liberation Mono, which cover Latin with its diacritics,
 * Cyrillic and Greek; the PDF embeds subsets of them with their Unicode mapping, so that names can be searched for
 * and copied from it. Nothing is fetched while rendering: the fonts are read once from the class path, and a
 * document may refer to no other resource than {@code data:} URIs (images, for instance).
 *
 * <p>Thread-safe; each call lays out its document in memory: a table of 2,400 rows (about 100 pages) takes some
 * 2.5 s of CPU, one of 20,000 rows (870 pages) 12 s warm or 19 s cold, and up to 2 GB while it is laid out.
 */
@Component
public class PdfRenderer {

    private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);

    /** The font families the print style sheet names. */
    static final String SANS = "Liberation Sans";
    static final String MONO = "Liberation Mono";

    /** Liberation Sans 2.1.5 Regular, as Apache PDFBox ships it (the same release as the two below). */
    static final String SANS_REGULAR = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final String SANS_BOLD = "/fonts/LiberationSans-Bold.ttf";
    static final String MONO_REGULAR = "/fonts/LiberationMono-Regular.ttf";

    private static final byte[] SANS_REGULAR_BYTES = font(SANS_REGULAR);
    private static final byte[] SANS_BOLD_BYTES = font(SANS_BOLD);
    private static final byte[] MONO_REGULAR_BYTES = font(MONO_REGULAR);

    /** The base against which a document's relative references would be resolved (none is allowed). */
    private static final String BASE_URI = baseUri();

    static {
        // openhtmltopdf's messages reach the log through each document's diagnostics (with the template's name),
        // not through its own logger, which writes to java.util.logging (and on to the console) a second time
        XRLog.setLoggerImpl(new DiagnosticsOnly());
    }

    private final ITemplateEngine engine;

    public PdfRenderer(ITemplateEngine engine) {
        this.engine = engine;
    }

    /**
     * The PDF of a template.
     *
     * @param template the template's name as for a page, e.g. {@code exchange/agreement-print}
     * @param model the template's variables
     * @param locale the language of the document's texts ({@code #{…}}) and of its page footer
     * @throws PrintException if the template cannot be rendered or its output is not well-formed XHTML
     */
    public byte[] render(String template, Map<String, Object> model, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        render(template, model, locale, out);
        return out.toByteArray();
    }

    /** As {@link #render(String, Map, Locale)}, writing the PDF to {@code out} (which is left open). */
    public void render(String template, Map<String, Object> model, Locale locale, OutputStream out) {
        String xhtml = xhtml(template, model, locale);
        try {
            toPdf(xhtml, out, template);
        } catch (IOException | RuntimeException e) {
            throw new PrintException("cannot print " + template + ": " + e.getMessage(), e);
        }
    }

    /** The XHTML of a template, as it goes to the PDF layout. */
    String xhtml(String template, Map<String, Object> model, Locale locale) {
        try {
            return engine.process(template, new Context(locale, model));
        } catch (RuntimeException e) {
            throw new PrintException("cannot render " + template + ": " + e.getMessage(), e);
        }
    }

    /** Lays out a well-formed XHTML document as PDF; {@code name} names it in the log. */
    static void toPdf(String xhtml, OutputStream out, String name) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFont(() -> new ByteArrayInputStream(SANS_REGULAR_BYTES), SANS, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(SANS_BOLD_BYTES), SANS, 700, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(MONO_REGULAR_BYTES), MONO, 400, FontStyle.NORMAL, true);
        // offline: no style sheet, image or font from anywhere but the document itself
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.addDOMMutator(PdfRenderer::splitLongTableBodies);
        builder.withDiagnosticConsumer(d -> diagnostic(name, d));
        builder.withProducer("Parley");
        builder.withHtmlContent(xhtml, BASE_URI);
        builder.toStream(out);
        builder.run();
    }

    /** The most rows of one table body as laid out; see {@link #splitLongTableBodies}. */
    static final int ROWS_PER_BODY = 200;

    /**
     * Splits every {@code tbody} of more than {@link #ROWS_PER_BODY} rows into several, which print the same (the
     * table's header still repeats on every page). openhtmltopdf sets the widths of all the cells of a table body
     * again whenever a row is moved to the next page, which made a table of 20,000 rows (870 pages) spend half its
     * time there; in bodies of 200 rows it takes half as long. A body with a {@code rowspan} is left whole, and
     * {@code :first-child} or {@code :last-child} of rows then apply within each part ({@code nth-child(odd)} and
     * {@code (even)} still alternate the same way: the parts have an even number of rows).
     */
    static void splitLongTableBodies(Document document) {
        NodeList found = document.getElementsByTagName("tbody");
        List<Element> bodies = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            bodies.add((Element) found.item(i));
        }
        for (Element body : bodies) {
            List<Element> rows = new ArrayList<>();
            for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element row && "tr".equals(row.getTagName())) {
                    rows.add(row);
                }
            }
            if (rows.size() <= ROWS_PER_BODY || hasRowSpan(body)) {
                continue;
            }
            Node parent = body.getParentNode();
            Node next = body.getNextSibling();
            for (int start = ROWS_PER_BODY; start < rows.size(); start += ROWS_PER_BODY) {
                Element part = (Element) body.cloneNode(false);
                part.removeAttribute("id");
                for (Element row : rows.subList(start, Math.min(start + ROWS_PER_BODY, rows.size()))) {
                    part.appendChild(row);
                }
                parent.insertBefore(part, next);
            }
        }
    }

    private static boolean hasRowSpan(Element body) {
        for (String cell : List.of("td", "th")) {
            NodeList cells = body.getElementsByTagName(cell);
            for (int i = 0; i < cells.getLength(); i++) {
                String span = ((Element) cells.item(i)).getAttribute("rowspan");
                if (!span.isEmpty() && !span.trim().equals("1")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void diagnostic(String name, Diagnostic d) {
        if (d.getLevel().intValue() >= Level.WARNING.intValue()) {
            log.warn("{}: {}", name, d.getFormattedMessage(), d.getError());
        } else if (log.isDebugEnabled()) {
            log.debug("{}: {}", name, d.getFormattedMessage());
        }
    }

    /** openhtmltopdf's logger, silent: its messages still go to the diagnostics of the document being laid out. */
    private static final class DiagnosticsOnly implements XRLogger {
        @Override
        public void log(String where, Level level, String msg) {
        }

        @Override
        public void log(String where, Level level, String msg, Throwable th) {
        }

        @Override
        public void setLevel(String logger, Level level) {
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return false;
        }
    }

    /** A font of the class path, ready to embed. */
    static byte[] font(String resource) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the class path");
            }
            return withoutTable(in.readAllBytes(), "GSUB");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        }
    }

    /**
     * A TrueType font's bytes without one of its tables: its entry is taken out of the table directory (the tables
     * stay where they are, so no offset changes). Without GSUB, PDFBox writes text as it is instead of running its
     * glyph substitution (ligatures, which names do not want) through regular expressions for every piece of text:
     * that was 40 % of the time of a long list. The embedded subsets never held GSUB anyway.
     */
    static byte[] withoutTable(byte[] font, String tag) {
        ByteBuffer in = ByteBuffer.wrap(font);
        int tables = Short.toUnsignedInt(in.getShort(4));
        byte[] out = font.clone();
        ByteBuffer o = ByteBuffer.wrap(out);
        int kept = 0;
        for (int i = 0; i < tables; i++) {
            int entry = 12 + 16 * i;
            String name = new String(font, entry, 4, StandardCharsets.ISO_8859_1);
            if (!name.equals(tag)) {
                System.arraycopy(font, entry, out, 12 + 16 * kept, 16);
                kept++;
            }
        }
        if (kept == tables) {
            return font;
        }
        Arrays.fill(out, 12 + 16 * kept, 12 + 16 * tables, (byte) 0);
        int power = Integer.highestOneBit(kept);
        o.putShort(4, (short) kept);
        o.putShort(6, (short) (power * 16));
        o.putShort(8, (short) Integer.numberOfTrailingZeros(power));
        o.putShort(10, (short) (kept * 16 - power * 16));
        return out;
    }

    private static String baseUri() {
        URL templates = PdfRenderer.class.getResource("/templates/");
        return templates == null ? "classpath:/templates/" : templates.toExternalForm();
    }

    /** A document that could not be printed: a template's error, or output that is not well-formed XHTML. */
    public static class PrintException extends RuntimeException {
        PrintException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
