package vn.hoinghi.orchestrator.reports;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A PDF as a reader sees it, through poppler's own tools: its text, and page 1 rendered and checked not blank. */
public final class PdfCheck {
    private PdfCheck() {
    }

    /** Writes {@code pdf} into {@code dir}, asserts page 1 has ink on at least 2 % of it, returns the text. */
    public static String textOfNonBlank(byte[] pdf, Path dir) throws Exception {
        Path file = Files.write(dir.resolve("report.pdf"), pdf);
        Process text = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").start();
        String body = new String(text.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text.waitFor()).isZero();
        Process png = new ProcessBuilder("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", file.toString(),
                dir.resolve("page").toString()).redirectErrorStream(true).start();
        String out = new String(png.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(png.waitFor()).as(out).isZero();
        File page;
        try (var files = Files.list(dir)) {
            page = files.filter(p -> p.getFileName().toString().startsWith("page")).findFirst().orElseThrow().toFile();
        }
        BufferedImage img = ImageIO.read(page);
        long inked = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    inked++;
                }
            }
        }
        assertThat(inked).as("pixels that are not white on page 1").isGreaterThan(img.getWidth() * img.getHeight() / 50);
        return body;
    }
}
