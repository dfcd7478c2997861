package org.ccin.bot.labs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * An application as a PDF for the governance papers: A4, the heading then each question and its whole answer,
 * wrapped and carried over pages. The font is the Liberation Sans that PDFBox itself ships, embedded, so Welsh
 * letters (ŵ, ŷ) print; a character the font lacks (an emoji) is left out rather than failing the export.
 */
final class ApplicationPdf {
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 56;
    private static final float SIZE = 10.5f;
    private static final float HEADING = 12.5f;
    private static final float LEADING = 1.35f;

    private ApplicationPdf() {
    }

    static byte[] render(String title, List<ApplicationText.Section> heading, List<ApplicationText.Section> answers) {
        try (PDDocument document = new PDDocument(); InputStream font = ApplicationPdf.class.getResourceAsStream(FONT)) {
            if (font == null) {
                throw new IllegalStateException("PDFBox's font is missing from the class path");
            }
            PDFont regular = PDType0Font.load(document, font);
            Writer writer = new Writer(document, regular);
            writer.paragraph(title, HEADING + 3);
            writer.space();
            for (ApplicationText.Section line : heading) {
                writer.paragraph(line.heading() + ": " + line.text(), SIZE);
            }
            for (ApplicationText.Section section : answers) {
                writer.space();
                writer.paragraph(section.heading(), HEADING);
                for (String paragraph : section.text().split("\n")) {
                    writer.paragraph(paragraph, SIZE);
                }
            }
            writer.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the application could not be written as a PDF", e);
        }
    }

    /** Writes lines down the page, starting a new page when one is full. Not thread-safe. */
    private static final class Writer {
        private final PDDocument document;
        private final PDFont font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, PDFont font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void space() {
            y -= SIZE;
        }

        void paragraph(String text, float size) throws IOException {
            for (String line : wrap(printable(text), size)) {
                if (y - size * LEADING < MARGIN) {
                    newPage();
                }
                y -= size * LEADING;
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(line);
                stream.endText();
            }
        }

        /** The text without what the font cannot draw (emoji, control characters). */
        private String printable(String text) {
            StringBuilder kept = new StringBuilder();
            text.codePoints().filter(c -> !Character.isISOControl(c)).forEach(c -> {
                String one = new String(Character.toChars(c));
                try {
                    font.encode(one);
                    kept.append(one);
                } catch (IOException | IllegalArgumentException e) {
                    // the font has no glyph for it: left out
                }
            });
            return kept.toString();
        }

        private List<String> wrap(String text, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // a word wider than the line (a long link) is cut where it must be
                String rest = word;
                while (font.getStringWidth(rest) / 1000 * size > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * size > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
            return lines;
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
