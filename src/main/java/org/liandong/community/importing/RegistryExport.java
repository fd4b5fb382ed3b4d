package org.liandong.community.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.liandong.community.Relation;
import org.liandong.community.Residence;
import org.liandong.community.ResidentDirectory;
import org.liandong.platform.AuditLog;
import org.liandong.platform.LiandongUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The residents a search finds, as an Excel sheet: ID numbers and phones masked as on screen, headers in
 * the person's language. Every export is written to the audit log with its filter.
 */
@Service
class RegistryExport {

    private static final List<String> HEADERS = List.of("import.export.community", "import.export.building-group",
            "import.column.building", "import.column.room", "import.column.name", "import.column.sex",
            "import.export.age", "import.column.id-number", "import.column.phone", "import.column.relation",
            "import.column.residence", "import.column.vulnerabilities", "import.export.carers");
    private static final int FLUSH_EVERY = 1000;

    private final ResidentDirectory directory;
    private final AuditLog audit;
    private final MessageSource messages;

    RegistryExport(ResidentDirectory directory, AuditLog audit, MessageSource messages) {
        this.directory = directory;
        this.audit = audit;
        this.messages = messages;
    }

    /** Call only after checking an explicitly requested community against the person's scope. */
    void write(LiandongUser user, ResidentDirectory.Query query, String filter, Locale locale, OutputStream out)
            throws IOException {
        audit.record(user, "EXPORT_RESIDENTS", "resident", null, null, query.communityId(), filter);
        var workbook = new Workbook(out, "Liandong", "1.0");
        var sheet = workbook.newWorksheet(msg("import.export.sheet", locale));
        for (int c = 0; c < HEADERS.size(); c++) {
            sheet.value(0, c, msg(HEADERS.get(c), locale));
        }
        sheet.range(0, 0, 0, HEADERS.size() - 1).style().bold().set();
        sheet.freezePane(0, 1);
        int[] row = {0};
        var failure = new IOException[1];
        directory.forEach(user.scope(), query, r -> {
            if (failure[0] != null) {
                return;
            }
            int n = ++row[0];
            var cells = new Object[] {r.communityName(), r.buildingGroup(), r.building(), r.room(), r.name(),
                    msg("sex." + r.sex(), locale), r.age(), r.maskedIdNumber(), r.maskedPhone(),
                    msg(Relation.valueOf(r.relation()).messageKey(), locale),
                    msg(Residence.valueOf(r.residence()).messageKey(), locale),
                    r.tags().stream().map(t -> msg(t.messageKey(), locale)).collect(Collectors.joining("、")),
                    r.carers()};
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] instanceof Integer i) {
                    sheet.value(n, c, i);
                } else {
                    sheet.value(n, c, String.valueOf(cells[c]));
                }
            }
            if (n % FLUSH_EVERY == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        workbook.finish();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
