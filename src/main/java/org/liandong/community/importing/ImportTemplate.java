package org.liandong.community.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.liandong.platform.ChineseIdNumber;
import org.springframework.context.MessageSource;

/**
 * The empty sheet staff start from: the Chinese headers in template order and two rows of made-up people
 * (张三 and 李四, the Chinese "John Doe"), with a second sheet that explains each column.
 */
final class ImportTemplate {

    static final List<List<String>> EXAMPLES = List.of(
            List.of("1号楼", "1201", "张三", "男", "1980-05-12",
                    ChineseIdNumber.of("110101", LocalDate.of(1980, 5, 12), 11).value(), "13900000001", "户主", "户籍",
                    "2010-03-01", "", "", ""),
            List.of("1号楼", "1201", "李四", "女", "1952-11-03",
                    ChineseIdNumber.of("110101", LocalDate.of(1952, 11, 3), 22).value(), "", "母亲", "户籍",
                    "", "慢病需长期用药；低保", "", "每月需代取降压药"));

    private ImportTemplate() {
    }

    static List<String> headers() {
        return Arrays.stream(Column.values()).map(Column::header).toList();
    }

    /** UTF-8 with a byte-order mark, so that Excel opens the Chinese correctly. */
    static byte[] csv() {
        var out = new StringBuilder("\uFEFF");
        out.append(String.join(",", headers())).append("\r\n");
        for (var row : EXAMPLES) {
            out.append(String.join(",", row.stream().map(ImportTemplate::csvCell).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String csvCell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    static void xlsx(OutputStream out, MessageSource messages, Locale locale) throws IOException {
        var workbook = new Workbook(out, "Liandong", "1.0");
        var sheet = workbook.newWorksheet(messages.getMessage("import.template.sheet", null, locale));
        var columns = Column.values();
        for (int c = 0; c < columns.length; c++) {
            sheet.value(0, c, columns[c].header());
            sheet.style(0, c).bold().fillColor(columns[c].required() ? "FCE4D6" : "EDEDED").set();
            sheet.width(c, columns[c] == Column.ID_NUMBER ? 22 : columns[c] == Column.NEEDS ? 30 : 13);
            for (int r = 0; r < EXAMPLES.size(); r++) {
                sheet.value(r + 1, c, EXAMPLES.get(r).get(c));
            }
        }
        sheet.freezePane(0, 1);
        var help = workbook.newWorksheet(messages.getMessage("import.template.help-sheet", null, locale));
        help.value(0, 0, messages.getMessage("import.template.help.column", null, locale));
        help.value(0, 1, messages.getMessage("import.template.help.required", null, locale));
        help.value(0, 2, messages.getMessage("import.template.help.rule", null, locale));
        help.range(0, 0, 0, 2).style().bold().set();
        help.width(0, 14);
        help.width(1, 10);
        help.width(2, 80);
        for (int c = 0; c < columns.length; c++) {
            help.value(c + 1, 0, columns[c].header());
            help.value(c + 1, 1, messages.getMessage(columns[c].required() ? "import.column.required"
                    : "import.column.optional", null, locale));
            help.value(c + 1, 2, messages.getMessage("import.column." + columns[c].key() + ".hint", null, locale));
        }
        workbook.finish();
    }
}
