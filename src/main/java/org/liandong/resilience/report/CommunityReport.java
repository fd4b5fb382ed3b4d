package org.liandong.resilience.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AccessScope;
import org.liandong.platform.LocalisedText;
import org.liandong.resilience.Dimension;
import org.liandong.resilience.score.CommunityResilience;
import org.liandong.resilience.score.RoundResult;
import org.liandong.resilience.score.RoundScores;
import org.liandong.resilience.statistics.Estimate;
import org.liandong.resilience.survey.Instrument;
import org.liandong.resilience.survey.Scale;
import org.liandong.resilience.survey.SurveyRounds;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * The resilience report of one community for one round, as a PDF: scores with 95 % CIs (absolute levels), a radar
 * and a bar chart drawn here, the change since the previous round, reliability, the operational indicators, the
 * playbook's progress and notes on the method. Chinese text in Noto Sans CJK.
 */
@Component
public class CommunityReport {

    private static final Color INK = new Color(0x22, 0x2b, 0x36);
    private static final Color BRAND = new Color(0x1f, 0x6f, 0xb2);
    private static final Color MUTED = new Color(0x6b, 0x75, 0x80);
    private static final Color GRID = new Color(0xd5, 0xdb, 0xe1);

    private final SurveyRounds rounds;
    private final RoundScores scores;
    private final CommunityResilience resilience;
    private final LocalisedText text;

    CommunityReport(SurveyRounds rounds, RoundScores scores, CommunityResilience resilience, LocalisedText text) {
        this.rounds = rounds;
        this.scores = scores;
        this.resilience = resilience;
        this.text = text;
    }

    public byte[] pdf(AccessScope scope, java.util.UUID roundId) {
        var round = rounds.round(scope, roundId);
        var result = scores.score(round, round.form());
        var view = resilience.community(scope, round.communityId());
        var earlier = view.rounds().stream().map(RoundResult::round)
                .filter(r -> r.openedAt().isBefore(round.openedAt())).toList();
        var changes = earlier.isEmpty() ? List.<CommunityResilience.ChangeLine>of()
                : resilience.changes(earlier.get(earlier.size() - 1), round);
        var regular = PdfFonts.regular();
        var bold = PdfFonts.bold();
        var body = new Font(regular, 9.5f, Font.NORMAL, INK);
        var small = new Font(regular, 8, Font.NORMAL, MUTED);
        var head = new Font(bold, 12, Font.NORMAL, BRAND);
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            var writer = PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph(text.of("resilience.report.title", round.communityName()),
                    new Font(bold, 18, Font.NORMAL, INK)));
            document.add(new Paragraph(text.of("resilience.report.subtitle", text.of(round.stage().messageKey()),
                    text.of(round.form().messageKey()), date(round.openedAt()),
                    round.closedAt() == null ? text.of("resilience.status.open") : date(round.closedAt()),
                    result.instrument().name() + " " + result.instrument().version()), small));
            var participation = rounds.participation(scope, roundId);
            document.add(new Paragraph(text.of("resilience.report.sample", participation.responses(),
                    participation.households(), participation.participationPercent(), participation.complete(),
                    participation.partial()), body));
            if (result.suppressedKey() != null) {
                document.add(new Paragraph(text.of(result.suppressedKey(), result.responses(), scores.minimumN()),
                        new Font(bold, 11, Font.NORMAL, Color.RED.darker())));
            } else {
                scoresSection(document, writer, result, regular, body, small, head);
            }
            if (!changes.isEmpty()) {
                document.add(heading(text.of("resilience.report.change"), head));
                var table = table(new float[] {3, 3, 3, 3}, body, "resilience.results.scale",
                        "resilience.dashboard.before", "resilience.dashboard.after", "resilience.dashboard.difference");
                for (var c : changes) {
                    cells(table, body, text.of(c.labelKey()), estimate(c.before(), 2), estimate(c.after(), 2),
                            signed(c.change()));
                }
                document.add(table);
                document.add(new Paragraph(text.of("resilience.dashboard.change-note"), small));
            }
            document.add(heading(text.of("resilience.dashboard.indicators"), head));
            if (view.indicators() == null) {
                document.add(new Paragraph(text.of("resilience.dashboard.no-data"), body));
            } else {
                var table = table(new float[] {5, 2, 2, 1.5f}, body, "resilience.dashboard.indicator",
                        "resilience.dashboard.value", "resilience.dashboard.fraction",
                        "resilience.dashboard.indicator-score");
                for (var r : view.indicators()) {
                    cells(table, body, text.of("resilience.indicator." + r.id() + ".name"),
                            r.value() == null ? text.of("resilience.availability."
                                    + r.availability().name().toLowerCase(Locale.ROOT))
                                    : String.format(Locale.ROOT, "%.2f %s", r.value(), text.of(r.unitKey())),
                            r.denominator() == null ? "–" : String.format(Locale.ROOT, "%.0f / %.0f",
                                    r.numerator() == null ? 0 : r.numerator(), r.denominator()),
                            r.score() == null ? "–" : String.format(Locale.ROOT, "%.0f", r.score()));
                }
                document.add(table);
            }
            document.add(heading(text.of("resilience.dashboard.playbook"), head));
            var book = view.playbook();
            if (book == null) {
                document.add(new Paragraph(text.of("resilience.dashboard.no-data"), body));
            } else {
                document.add(new Paragraph(text.of("resilience.dashboard.playbook-line",
                        text.of(book.stage().messageKey()), book.done(), book.due(), book.overdue()), body));
                for (var line : book.lines()) {
                    document.add(new Paragraph(text.of(line.done() ? "resilience.report.done" : "resilience.report.to-do")
                            + " · " + text.of(line.dimension().messageKey())
                            + " · " + text.of(line.itemKey()) + (line.owner() == null ? "" : " · " + line.owner())
                            + (line.due() == null ? "" : " · " + line.due()), body));
                }
            }
            document.add(heading(text.of("resilience.report.method"), head));
            for (var key : List.of("resilience.report.method.scoring", "resilience.report.method.weighting",
                    "resilience.report.method.ci", "resilience.report.method.reliability",
                    "resilience.report.method.suppression", "resilience.report.method.level")) {
                document.add(new Paragraph(text.of(key, scores.minimumN()), small));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("report", e);
        }
        return out.toByteArray();
    }

    private void scoresSection(Document document, PdfWriter writer, RoundResult result, BaseFont regular, Font body,
                               Font small, Font head) throws DocumentException {
        var w = result.weighting();
        document.add(new Paragraph(w.raked()
                ? text.of("resilience.results.raked", fmt(w.minimum(), 2), fmt(w.maximum(), 2), fmt(w.effectiveN(), 1),
                fmt(w.designEffect(), 2), result.responses())
                : Texts.weightingProblem(text, w), small));
        document.add(heading(text.of("resilience.report.scores") + " · " + text.of("resilience.label.absolute"), head));
        var charts = new PdfPTable(2);
        charts.setWidthPercentage(100);
        charts.addCell(chartCell(radar(writer, result, regular)));
        charts.addCell(chartCell(bars(writer, result, regular)));
        document.add(charts);
        var table = table(new float[] {4, 3, 3, 2}, body, "resilience.results.scale", "resilience.results.score",
                "resilience.results.percent", "resilience.results.n");
        for (var s : result.scales()) {
            if (s.scale().level() == Scale.Level.CELL) {
                continue;
            }
            cells(table, body, scaleName(s.scale()), estimate(s.score(), 2), estimate(s.percent(), 0),
                    s.score().n() + " / " + fmt(s.score().effectiveN(), 1));
        }
        document.add(table);
        document.add(heading(text.of("resilience.results.reliability"), head));
        var alpha = table(new float[] {4, 2, 3, 2}, body, "resilience.results.scale", "resilience.report.alpha",
                "resilience.results.alpha-ci", "resilience.results.n-items");
        for (var r : result.reliability()) {
            cells(alpha, body, scaleName(r.scale()), r.alpha() == null ? text.of(r.suppressedKey()) : fmt(r.alpha(), 2),
                    r.alpha() == null ? "" : text.of("resilience.ci", fmt(r.lower(), 2), fmt(r.upper(), 2)),
                    r.n() + " / " + r.k());
        }
        document.add(alpha);
        if (result.icc() != null) {
            document.add(new Paragraph(text.of("resilience.results.icc", fmt(result.icc().icc1(), 3),
                    fmt(result.icc().icc2(), 2), result.icc().groups()), small));
        }
    }

    /** A radar of the three dimensions (0–100): the estimate filled, the 95 % CI as dashed outlines. */
    private Image radar(PdfWriter writer, RoundResult result, BaseFont font) throws DocumentException {
        float size = 230;
        var t = writer.getDirectContent().createTemplate(size, size);
        float cx = size / 2;
        float cy = size / 2 - 5;
        float r = 75;
        var dims = Dimension.values();
        t.setColorStroke(GRID);
        t.setLineWidth(0.5f);
        for (int ring = 1; ring <= 5; ring++) {
            polygon(t, cx, cy, r * ring / 5f, new double[] {100, 100, 100});
            t.stroke();
        }
        for (int i = 0; i < dims.length; i++) {
            var p = point(cx, cy, r, i, 100);
            t.moveTo(cx, cy);
            t.lineTo(p[0], p[1]);
            t.stroke();
            var label = text.of(dims[i].messageKey());
            var l = point(cx, cy, r + 18, i, 100);
            t.beginText();
            t.setFontAndSize(font, 9);
            t.setColorFill(INK);
            t.showTextAligned(PdfContentByte.ALIGN_CENTER, label, l[0], l[1] - 3, 0);
            t.endText();
        }
        var value = new double[3];
        var lower = new double[3];
        var upper = new double[3];
        boolean all = true;
        for (int i = 0; i < dims.length; i++) {
            var s = result.scale(Instrument.dimensionId(dims[i]));
            if (s == null || !s.percent().available()) {
                all = false;
                continue;
            }
            value[i] = s.percent().value();
            lower[i] = Math.max(0, s.percent().lower());
            upper[i] = Math.min(100, s.percent().upper());
        }
        if (all) {
            t.setColorFill(new Color(0x1f, 0x6f, 0xb2, 60));
            t.setColorStroke(BRAND);
            t.setLineWidth(1.5f);
            var gs = new org.openpdf.text.pdf.PdfGState();
            gs.setFillOpacity(0.25f);
            t.saveState();
            t.setGState(gs);
            polygon(t, cx, cy, r, value);
            t.fill();
            t.restoreState();
            t.setColorStroke(BRAND);
            polygon(t, cx, cy, r, value);
            t.stroke();
            t.setLineDash(3, 2);
            t.setLineWidth(0.7f);
            polygon(t, cx, cy, r, lower);
            t.stroke();
            polygon(t, cx, cy, r, upper);
            t.stroke();
            t.setLineDash(0);
        }
        return Image.getInstance(t);
    }

    /** Bars of the dimensions and the total (0–100) with 95 % CI whiskers. */
    private Image bars(PdfWriter writer, RoundResult result, BaseFont font) throws DocumentException {
        float width = 240;
        float height = 230;
        var t = writer.getDirectContent().createTemplate(width, height);
        float left = 30;
        float bottom = 40;
        float plot = height - bottom - 20;
        t.setColorStroke(GRID);
        t.setLineWidth(0.5f);
        for (int v = 0; v <= 100; v += 25) {
            float y = bottom + plot * v / 100f;
            t.moveTo(left, y);
            t.lineTo(width - 5, y);
            t.stroke();
            t.beginText();
            t.setFontAndSize(font, 7);
            t.setColorFill(MUTED);
            t.showTextAligned(PdfContentByte.ALIGN_RIGHT, Integer.toString(v), left - 3, y - 2, 0);
            t.endText();
        }
        var ids = new ArrayList<String[]>();
        for (var d : Dimension.values()) {
            ids.add(new String[] {Instrument.dimensionId(d), text.of(d.messageKey())});
        }
        ids.add(new String[] {Instrument.TOTAL, text.of("resilience.scale.total")});
        float slot = (width - left - 5) / ids.size();
        for (int i = 0; i < ids.size(); i++) {
            var s = result.scale(ids.get(i)[0]);
            float x = left + slot * i + slot * 0.2f;
            float bw = slot * 0.6f;
            t.beginText();
            t.setFontAndSize(font, 8);
            t.setColorFill(INK);
            t.showTextAligned(PdfContentByte.ALIGN_CENTER, ids.get(i)[1], x + bw / 2, bottom - 14, 0);
            t.endText();
            if (s == null || !s.percent().available()) {
                continue;
            }
            var e = s.percent();
            t.setColorFill(i == ids.size() - 1 ? INK : BRAND);
            t.rectangle(x, bottom, bw, (float) (plot * e.value() / 100));
            t.fill();
            float lo = bottom + (float) (plot * Math.max(0, e.lower()) / 100);
            float hi = bottom + (float) (plot * Math.min(100, e.upper()) / 100);
            t.setColorStroke(new Color(0xe0, 0x6c, 0x00));
            t.setLineWidth(1.2f);
            t.moveTo(x + bw / 2, lo);
            t.lineTo(x + bw / 2, hi);
            t.moveTo(x + bw / 2 - 5, lo);
            t.lineTo(x + bw / 2 + 5, lo);
            t.moveTo(x + bw / 2 - 5, hi);
            t.lineTo(x + bw / 2 + 5, hi);
            t.stroke();
            t.beginText();
            t.setFontAndSize(font, 8);
            t.setColorFill(INK);
            t.showTextAligned(PdfContentByte.ALIGN_CENTER, fmt(e.value(), 0), x + bw / 2, hi + 3, 0);
            t.endText();
        }
        return Image.getInstance(t);
    }

    private static void polygon(PdfContentByte t, float cx, float cy, float r, double[] values) {
        for (int i = 0; i < values.length; i++) {
            var p = point(cx, cy, r, i, values[i]);
            if (i == 0) {
                t.moveTo(p[0], p[1]);
            } else {
                t.lineTo(p[0], p[1]);
            }
        }
        t.closePath();
    }

    private static float[] point(float cx, float cy, float r, int i, double value) {
        double angle = Math.PI / 2 + i * 2 * Math.PI / 3;
        return new float[] {(float) (cx + Math.cos(angle) * r * value / 100),
                (float) (cy + Math.sin(angle) * r * value / 100)};
    }

    private static PdfPCell chartCell(Image image) {
        var cell = new PdfPCell(image, false);
        cell.setBorder(0);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setPadding(4);
        return cell;
    }

    private String scaleName(Scale scale) {
        return scale.labelKey() == null ? scale.label() : text.of(scale.labelKey());
    }

    private String estimate(Estimate e, int digits) {
        if (!e.available()) {
            return text.of(e.suppressedKey());
        }
        return fmt(e.value(), digits) + " " + text.of("resilience.ci", fmt(e.lower(), digits), fmt(e.upper(), digits));
    }

    private String signed(Estimate e) {
        if (!e.available()) {
            return text.of(e.suppressedKey());
        }
        return (e.value() >= 0 ? "+" : "") + fmt(e.value(), 2) + " "
                + text.of("resilience.ci", fmt(e.lower(), 2), fmt(e.upper(), 2));
    }

    private PdfPTable table(float[] widths, Font font, String... headKeys) {
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(4);
        var headFont = new Font(font.getBaseFont(), font.getSize(), Font.NORMAL, Color.WHITE);
        for (var key : headKeys) {
            var cell = new PdfPCell(new Phrase(text.of(key), headFont));
            cell.setBackgroundColor(BRAND);
            cell.setPadding(4);
            table.addCell(cell);
        }
        return table;
    }

    private static void cells(PdfPTable table, Font font, String... values) {
        for (var v : values) {
            var cell = new PdfPCell(new Phrase(v, font));
            cell.setPadding(3.5f);
            cell.setBorderColor(GRID);
            table.addCell(cell);
        }
    }

    private static Paragraph heading(String value, Font font) {
        var p = new Paragraph(value, font);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    static String fmt(@Nullable Double v, int digits) {
        return v == null ? "–" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String date(java.time.Instant at) {
        return LocalDate.ofInstant(at, ZoneId.systemDefault()).toString();
    }
}
