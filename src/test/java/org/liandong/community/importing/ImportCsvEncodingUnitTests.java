package org.liandong.community.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImportCsvEncodingUnitTests {

    static final String TEXT = "楼栋,室号";

    static byte[] concat(byte[] a, byte[] b) {
        var out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void readsUtf8() {
        var bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        assertThat(CsvText.detect(bytes)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvText.decode(bytes)).isEqualTo(TEXT);
    }

    @Test
    void readsUtf8WithAByteOrderMark() {
        var bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(CsvText.detect(bytes)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvText.decode(bytes)).isEqualTo(TEXT);
    }

    @Test
    void readsGbk() throws Exception {
        var bytes = TEXT.getBytes("GBK");
        assertThat(CsvText.detect(bytes)).isEqualTo(Charset.forName("GB18030"));
        assertThat(CsvText.decode(bytes)).isEqualTo(TEXT);
        var longer = "楼栋,室号,姓名,性别\r\n1号楼,101,张三,男\r\n".getBytes("GBK");
        assertThat(CsvText.decode(longer)).startsWith("楼栋,室号,姓名,性别\r\n1号楼");
    }

    @Test
    void readsExcelUnicodeText() {
        var bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "楼栋\t室号".getBytes(StandardCharsets.UTF_16LE));
        assertThat(CsvText.decode(bytes)).isEqualTo("楼栋\t室号");
        assertThat(CsvText.delimiter("楼栋\t室号\t姓名")).isEqualTo('\t');
    }

    @Test
    void splitsRecordsWithQuotesAndLineBreaks() {
        var records = new ArrayList<List<String>>();
        CsvText.records("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n,,\n").forEachRemaining(records::add);
        assertThat(records).containsExactly(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "two\nlines"),
                List.of("", "", ""));
    }

    @Test
    void randomBytesAreNotASpreadsheet() {
        var junk = new byte[1 << 20];
        new Random(42).nextBytes(junk);
        junk[0] = 'x';
        assertThatThrownBy(() -> SpreadsheetFile.of(junk)).isInstanceOf(FileRejected.class)
                .extracting(e -> ((FileRejected) e).messageKey()).isEqualTo("import.file.not-spreadsheet");
        var noNul = junk.clone();
        for (int i = 0; i < noNul.length; i++) {
            if (noNul[i] == 0) {
                noNul[i] = 1;
            }
        }
        assertThat(CsvText.looksLikeText(CsvText.decode(noNul))).isFalse();
        assertThatThrownBy(() -> SpreadsheetFile.of(new byte[0])).isInstanceOf(FileRejected.class)
                .extracting(e -> ((FileRejected) e).messageKey()).isEqualTo("import.file.empty");
    }
}
