package vn.hoinghi.orchestrator.reports;

import com.lowagie.text.pdf.BaseFont;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Unicode TrueType font embedded (as a subset) in report PDFs; the PDF's standard fonts have no Vietnamese.
 * {@code hoinghi.reports.font} names a TTF; otherwise the first of Noto Sans (Debian fonts-noto-core), DejaVu Sans
 * or Liberation Sans that is installed. No font is shipped in the repository: Noto Sans is OFL but 0.5 MB per
 * face, and every server image HoiNghi targets has one of these packages. Without any, a PDF answers 503 naming
 * the setting, rather than a PDF with missing letters.
 */
@Singleton
public class ReportFont {
    static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf");
    private final String configured;
    private volatile BaseFont font;

    public ReportFont(@Value("${hoinghi.reports.font:}") String configured) {
        this.configured = configured;
    }

    /** The font, or null when none of the candidates exists. */
    public BaseFont font() {
        if (font == null) {
            for (String path : paths()) {
                if (Files.isReadable(Path.of(path))) {
                    try {
                        font = BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                        break;
                    } catch (java.io.IOException | RuntimeException e) {
                        throw new IllegalStateException("cannot load the report font " + path + ": " + e, e);
                    }
                }
            }
        }
        return font;
    }

    private List<String> paths() {
        List<String> out = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            out.add(configured);
        }
        out.addAll(CANDIDATES);
        return out;
    }
}
