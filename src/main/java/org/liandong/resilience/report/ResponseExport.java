package org.liandong.resilience.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.liandong.platform.AuditLog;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.resilience.score.RoundScores;
import org.liandong.resilience.survey.Demographics;
import org.liandong.resilience.survey.Instruments;
import org.liandong.resilience.survey.SurveyRounds;
import org.springframework.stereotype.Component;

/**
 * Anonymised responses of a round for researchers, as .xlsx: no name, no id, no time; rows shuffled; a building
 * group with fewer than {@code min-n} respondents is merged into "other", and age band and sex are left out of any
 * age × sex cell with fewer than {@code min-n} respondents. A round below {@code min-n} is not exported at all.
 * Every export is written to the audit log.
 */
@Component
public class ResponseExport {

    static final String SUPPRESSED = "*";

    private final SurveyRounds rounds;
    private final Instruments instruments;
    private final RoundScores scores;
    private final LocalisedText text;
    private final AuditLog audit;

    ResponseExport(SurveyRounds rounds, Instruments instruments, RoundScores scores, LocalisedText text,
                   AuditLog audit) {
        this.rounds = rounds;
        this.instruments = instruments;
        this.scores = scores;
        this.text = text;
        this.audit = audit;
    }

    public byte[] xlsx(LiandongUser staff, UUID roundId) {
        var round = rounds.round(staff.scope(), roundId);
        var responses = new ArrayList<>(rounds.responses(roundId));
        int k = scores.minimumN();
        if (responses.size() < k) {
            throw new InvalidValueException("resilience.export.too-few", responses.size(), k);
        }
        var items = instruments.get(round.instrumentId()).items(round.form());
        var groups = new HashMap<String, Integer>();
        var cells = new HashMap<String, Integer>();
        for (var r : responses) {
            groups.merge(String.valueOf(r.buildingGroup()), 1, Integer::sum);
            cells.merge(cell(r.demographics()), 1, Integer::sum);
        }
        Collections.shuffle(responses, new SecureRandom());
        var out = new ByteArrayOutputStream();
        try {
            var workbook = new Workbook(out, "Liandong", "1.0");
            var sheet = workbook.newWorksheet(text.of("resilience.export.sheet"));
            var head = new ArrayList<String>();
            head.add(text.of("resilience.export.row"));
            head.add(text.of("resilience.field.building-group"));
            head.add(text.of("resilience.answer.age"));
            head.add(text.of("resilience.answer.sex"));
            head.add(text.of("resilience.answer.years"));
            head.add(text.of("resilience.answer.household-size"));
            items.forEach(i -> head.add(i.id()));
            for (int c = 0; c < head.size(); c++) {
                sheet.value(0, c, head.get(c));
                sheet.style(0, c).bold().set();
            }
            for (int row = 0; row < responses.size(); row++) {
                var r = responses.get(row);
                var d = r.demographics();
                boolean smallCell = cells.get(cell(d)) < k;
                int line = row + 1;
                sheet.value(line, 0, line);
                sheet.value(line, 1, r.buildingGroup() == null || groups.get(r.buildingGroup()) < k
                        ? text.of("resilience.export.other-group") : r.buildingGroup());
                sheet.value(line, 2, d.ageBand() == null ? "" : smallCell ? SUPPRESSED : text.of(d.ageBand().messageKey()));
                sheet.value(line, 3, d.sex() == null ? "" : smallCell ? SUPPRESSED : d.sex());
                sheet.value(line, 4, d.yearsHere() == null ? "" : d.yearsHere());
                if (d.householdSize() != null) {
                    sheet.value(line, 5, d.householdSize());
                }
                for (int j = 0; j < items.size(); j++) {
                    var a = r.answers().get(items.get(j).id());
                    if (a == null) {
                        sheet.value(line, 6 + j, "DK");
                    } else {
                        sheet.value(line, 6 + j, a);
                    }
                }
            }
            var notes = workbook.newWorksheet(text.of("resilience.export.notes-sheet"));
            notes.value(0, 0, text.of("resilience.export.notes", k, SUPPRESSED));
            notes.value(1, 0, round.communityName() + " · " + text.of(round.stage().messageKey()) + " · "
                    + text.of(round.form().messageKey()) + " · " + round.instrumentId());
            for (int j = 0; j < items.size(); j++) {
                notes.value(3 + j, 0, items.get(j).id());
                notes.value(3 + j, 1, items.get(j).factor());
                if (instruments.get(round.instrumentId()).builtin()) {
                    notes.value(3 + j, 2, text.of(items.get(j).textKey()));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new InvalidValueException("resilience.export.failed");
        }
        audit.record(staff, "EXPORT_SURVEY_RESPONSES", "resilience-round", roundId.toString(), round.communityName(),
                round.communityId(), null);
        return out.toByteArray();
    }

    private static String cell(Demographics d) {
        return d.ageBand() + "/" + d.sex();
    }
}
