package org.liandong.community.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class ImportSpreadsheetFileUnitTests {

    static final String HEADER = String.join(",", ImportTemplate.headers());

    static SpreadsheetFile csv(String text) {
        return SpreadsheetFile.of(text.getBytes(StandardCharsets.UTF_8));
    }

    static String rows(int n) {
        var out = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < n; i++) {
            out.append("1号楼,").append(100 + i).append(",张").append(i).append(",男,1980-01-01,x,,户主\n");
        }
        return out.toString();
    }

    static FileRejected rejection(Runnable read) {
        try {
            read.run();
        } catch (FileRejected e) {
            return e;
        }
        throw new AssertionError("not rejected");
    }

    @Test
    void moreRowsThanTheLimitRejectTheWholeFile() {
        assertThat(csv(rows(5)).count(5)).isEqualTo(5);
        var e = rejection(() -> csv(rows(6)).count(5));
        assertThat(e.messageKey()).isEqualTo("import.file.too-many-rows");
        assertThat(e.arg()).isEqualTo("5");
    }

    @Test
    void findsTheHeaderBelowATitleAndNumbersRowsAsTheSheetDoes() {
        var text = "某社区居民登记表,,,\n\n" + rows(2) + ",,,,\n" + "2号楼,201,李四,女,1980-01-01,y,,配偶\n";
        var seen = new ArrayList<ImportRow>();
        assertThat(csv(text).read(100, seen::add)).isEqualTo(3);
        assertThat(seen).extracting(ImportRow::number).containsExactly(4, 5, 7);
        assertThat(seen.get(2).get(Column.NAME)).isEqualTo("李四");
        assertThat(seen.get(2).get(Column.NEEDS)).isEmpty();
    }

    @Test
    void namesTheMissingRequiredColumns() {
        var e = rejection(() -> csv("楼栋,室号,姓名,籍贯\n1号楼,101,张三,上海\n").count(10));
        assertThat(e.messageKey()).isEqualTo("import.file.missing-columns");
        assertThat(e.arg()).isEqualTo("SEX,BIRTH_DATE,ID_NUMBER,RELATION");
        assertThat(rejection(() -> csv("hello world\n").count(10)).messageKey())
                .isEqualTo("import.file.missing-columns");
        assertThat(rejection(() -> csv(HEADER + "\n\n").count(10)).messageKey()).isEqualTo("import.file.no-rows");
    }

    @Test
    void recognisesFilesThatAreNoSheets() {
        assertThatThrownBy(() -> SpreadsheetFile.of(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
                (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1})).isInstanceOf(FileRejected.class)
                .extracting(e -> ((FileRejected) e).messageKey()).isEqualTo("import.file.old-excel");
        var zip = SpreadsheetFile.of(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0});
        assertThat(rejection(() -> zip.count(10)).messageKey()).isEqualTo("import.file.not-xlsx");
        assertThat(rejection(() -> SpreadsheetFile.of("   \r\n".getBytes(StandardCharsets.UTF_8))).messageKey())
                .isEqualTo("import.file.empty");
    }
}
