package vn.hoinghi.orchestrator.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The meeting report as a PDF (A4 landscape): headline, attendance per unit, every dial attempt, quality per unit
 * with a chart of each unit's minutes by grade (good/fair/poor/bad) and its mean MOS.
 */
public final class MeetingPdf {
    public static final String TITLE = "BÁO CÁO CUỘC HỌP TRỰC TUYẾN";
    private static final Color[] GRADE = {new Color(0x2e, 0x7d, 0x32), new Color(0xf9, 0xa8, 0x25),
        new Color(0xef, 0x6c, 0x00), new Color(0xc6, 0x28, 0x28)};
    private static final String[] GRADE_NAME = {"Tốt (MOS ≥ 4,0)", "Khá (≥ 3,6)", "Kém (≥ 3,1)", "Rất kém"};

    private MeetingPdf() {
    }

    public static byte[] render(MeetingReport r, BaseFont base) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle(TITLE + " – " + r.facts().title());
            doc.open();
            Font title = new Font(base, 16, Font.BOLD);
            Font head = new Font(base, 12, Font.BOLD);
            Font body = new Font(base, 9);
            MeetingFacts f = r.facts();
            Paragraph t = new Paragraph(TITLE, title);
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            doc.add(new Paragraph(f.title() + " – chủ trì: " + f.hostSite() + " – " + Vietnamese.time(f.start())
                    + " đến " + Vietnamese.time(f.end()), body));
            doc.add(new Paragraph("Đơn vị được mời: " + r.expected() + "; đã tham dự: " + r.joined()
                    + "; vào muộn: " + r.late() + "; gọi thiết bị: " + r.dialled() + " (không được: " + r.dialFailed()
                    + "); chất lượng kém: " + r.poorQuality() + "/" + r.measured() + " đơn vị có số liệu. "
                    + (r.recordId() == null ? "Chưa niêm phong biên bản."
                    : "Theo biên bản đã ký số số " + r.recordId() + ".")
                    + " Số liệu chất lượng: "
                    + ("COLLECTED".equals(f.telemetry()) ? "có" : "không có (" + f.telemetry() + ")"), body));
            doc.add(new Paragraph("Điểm danh", head));
            doc.add(table(body, new float[] {3, 6, 2, 2, 3, 2, 2},
                    List.of("Mã", "Đơn vị", "Miền", "Trạng thái", "Vào lúc", "Muộn (phút)", "Dự (phút)"),
                    f.sites().stream().map(s -> List.of(s.site(), s.name(), s.region(),
                            Vietnamese.attendance(s.attendance()), Vietnamese.time(s.firstJoined()),
                            Integer.toString(s.lateMinutes()), Vietnamese.minutes(s.presentSeconds()))).toList()));
            doc.add(new Paragraph("Gọi thiết bị phòng họp (mọi lần gọi)", head));
            doc.add(table(body, new float[] {3, 3, 8, 2, 4, 6},
                    List.of("Đơn vị", "Cách gọi", "Địa chỉ", "Lần", "Kết quả", "Lỗi"),
                    f.sites().stream().flatMap(s -> (s.dials() == null ? List.<MeetingFacts.Dial>of() : s.dials())
                            .stream().map(d -> List.of(s.site(), Vietnamese.method(d.method()), d.target(),
                                    Integer.toString(d.attempt()), Vietnamese.outcome(d.outcome()),
                                    d.error() == null ? "" : d.error()))).toList()));
            doc.add(new Paragraph("Chất lượng theo đơn vị", head));
            doc.add(table(body, new float[] {3, 2, 2, 2, 2, 2, 2, 2, 2, 6},
                    List.of("Đơn vị", "Số phút", "MOS TB", "MOS thấp nhất", "Mất gói %", "RTT ms", "Jitter ms",
                            "kbps nhận", "Phút kém", "Phút tệ nhất"),
                    f.sites().stream().filter(s -> s.quality() != null).map(s -> {
                        MeetingFacts.Quality q = s.quality();
                        return List.of(s.site(), Integer.toString(q.minutes()), num(q.mosMean()), num(q.mosMin()),
                                num(q.lossPct()), num(q.rttMs()), num(q.jitterMs()),
                                q.recvKbps() == null ? "" : num(q.recvKbps()), Integer.toString(q.poor() + q.bad()),
                                String.join(", ", q.worstMinutes().stream().map(m -> Vietnamese.time(m.at())
                                        + " (" + num(m.mos()) + ")").toList()));
                    }).toList()));
            doc.add(new Paragraph("Biểu đồ: số phút theo mức chất lượng của từng đơn vị", head));
            doc.add(chart(writer.getDirectContent(), base, f.sites()));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render the report PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static PdfPTable table(Font font, float[] widths, List<String> header, List<List<String>> rows) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(4);
        t.setSpacingAfter(8);
        t.setHeaderRows(1);
        for (String h : header) {
            PdfPCell c = new PdfPCell(new Phrase(h, font));
            c.setBackgroundColor(new Color(0xe3, 0xea, 0xf2));
            t.addCell(c);
        }
        if (rows.isEmpty()) {
            PdfPCell c = new PdfPCell(new Phrase("(không có)", font));
            c.setColspan(header.size());
            t.addCell(c);
        }
        rows.forEach(row -> row.forEach(v -> t.addCell(new Phrase(v, font))));
        return t;
    }

    /** Stacked horizontal bars: one per measured unit, minutes by grade, the mean MOS written after the bar. */
    private static Image chart(PdfContentByte cb, BaseFont font, List<MeetingFacts.SiteFacts> sites) {
        List<MeetingFacts.SiteFacts> measured = sites.stream().filter(s -> s.quality() != null).toList();
        float rowH = 16, labelW = 110, barW = 480;
        float h = Math.max(1, measured.size()) * rowH + 30;
        PdfTemplate tpl = cb.createTemplate(760, h);
        int most = measured.stream().mapToInt(s -> s.quality().minutes()).max().orElse(1);
        float y = h - rowH;
        for (MeetingFacts.SiteFacts s : measured) {
            MeetingFacts.Quality q = s.quality();
            text(tpl, font, s.site(), 0, y + 3);
            float x = labelW;
            int[] minutes = {q.good(), q.fair(), q.poor(), q.bad()};
            for (int g = 0; g < 4; g++) {
                float w = barW * minutes[g] / most;
                tpl.setColorFill(GRADE[g]);
                tpl.rectangle(x, y, w, rowH - 4);
                tpl.fill();
                x += w;
            }
            tpl.setColorFill(Color.BLACK);
            text(tpl, font, "MOS " + num(q.mosMean()), x + 6, y + 3);
            y -= rowH;
        }
        float x = labelW;
        for (int g = 0; g < 4; g++) {
            tpl.setColorFill(GRADE[g]);
            tpl.rectangle(x, 2, 10, 10);
            tpl.fill();
            tpl.setColorFill(Color.BLACK);
            text(tpl, font, GRADE_NAME[g], x + 14, 3);
            x += 120;
        }
        return Image.getInstance(tpl);
    }

    private static void text(PdfTemplate tpl, BaseFont font, String s, float x, float y) {
        tpl.beginText();
        tpl.setFontAndSize(font, 8);
        tpl.setTextMatrix(x, y);
        tpl.showText(s);
        tpl.endText();
    }

    private static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v).replace('.', ',');
    }
}
