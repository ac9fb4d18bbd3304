package vn.hoinghi.orchestrator.reports;

import com.lowagie.text.pdf.BaseFont;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Unicode TrueType font embedded (as a subset) in report PDFs; the PDF's standard fonts have no Vietnamese.
 * {@code hoinghi.reports.font} names a TTF; otherwise the first of Noto Sans (Debian fonts-noto-core), DejaVu Sans
 * or Liberation Sans that is installed; otherwise DejaVu Sans from the classpath (Maven's
 * {@code jasperreports-fonts}, only that face kept in the jar), so a host with no font package still renders
 * Vietnamese. System fonts come first because an operator who installs one expects it to be used.
 */
@Singleton
public class ReportFont {
    static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf");
    static final String BUNDLED = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    private final String configured;
    private final List<String> candidates;
    private volatile BaseFont font;

    @Inject
    public ReportFont(@Value("${hoinghi.reports.font:}") String configured) {
        this(configured, CANDIDATES);
    }

    ReportFont(String configured, List<String> candidates) {
        this.configured = configured;
        this.candidates = candidates;
    }

    /** The font, or null when neither a file nor the bundled face can be read. */
    public BaseFont font() {
        if (font == null) {
            for (String path : paths()) {
                if (Files.isReadable(Path.of(path))) {
                    try {
                        font = BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                        return font;
                    } catch (IOException | RuntimeException e) {
                        throw new IllegalStateException("cannot load the report font " + path + ": " + e, e);
                    }
                }
            }
            font = bundled();
        }
        return font;
    }

    private static BaseFont bundled() {
        try (InputStream in = ReportFont.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                return null;
            }
            return BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot load the bundled report font " + BUNDLED + ": " + e, e);
        }
    }

    private List<String> paths() {
        List<String> out = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            out.add(configured);
        }
        out.addAll(candidates);
        return out;
    }
}
