package org.liandong.community.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.community.Relation;
import org.liandong.community.Residence;
import org.liandong.community.VulnerabilityKind;
import org.liandong.platform.ChineseIdNumber;
import org.springframework.context.support.ResourceBundleMessageSource;

class ImportRowValidatorUnitTests {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final UUID BUILDING = UUID.randomUUID();
    static final LocalDate BORN = LocalDate.of(1961, 7, 15);
    /** Sequence 031: the 17th digit 1 is odd, a man. */
    static final String MAN = ChineseIdNumber.of("310104", BORN, 31).value();
    static final String WOMAN = ChineseIdNumber.of("310104", BORN, 42).value();

    final RowValidator validator = new RowValidator(Map.of("1号楼", BUILDING, "12号楼", UUID.randomUUID()),
            new VulnerabilityWords(messages()), TODAY);

    static ResourceBundleMessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasenames("messages/community");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    static Map<Column, String> valid() {
        var m = new EnumMap<Column, String>(Column.class);
        m.put(Column.BUILDING, "1号楼");
        m.put(Column.ROOM, "301");
        m.put(Column.NAME, "王建国");
        m.put(Column.SEX, "男");
        m.put(Column.BIRTH_DATE, "1961-07-15");
        m.put(Column.ID_NUMBER, MAN);
        m.put(Column.PHONE, "139 1234 5678");
        m.put(Column.RELATION, "户主");
        return m;
    }

    static ImportRow row(Map<Column, String> values) {
        var cells = new String[Column.values().length];
        values.forEach((c, v) -> cells[c.ordinal()] = v);
        return new ImportRow(7, cells, 0);
    }

    RowValidator.Checked check(Map<Column, String> values) {
        return validator.check(row(values));
    }

    static List<String> keys(RowValidator.Checked checked) {
        return checked.problems().stream().map(p -> p.column() + ":" + p.messageKey()).toList();
    }

    @Test
    void aValidRowBecomesAnEntry() {
        var checked = check(valid());
        assertThat(checked.problems()).isEmpty();
        var e = checked.entry();
        assertThat(e).isNotNull();
        assertThat(e.buildingId()).isEqualTo(BUILDING);
        assertThat(e.sex()).isEqualTo('M');
        assertThat(e.birthDate()).isEqualTo(BORN);
        assertThat(e.phone()).isEqualTo("13912345678");
        assertThat(e.relation()).isEqualTo(Relation.HEAD);
        assertThat(e.residence()).isEqualTo(Residence.REGISTERED);
        assertThat(e.vulnerabilities()).isEmpty();
    }

    @Test
    void readsTheWaysPeopleWriteDatesSexAndWords() {
        var m = valid();
        m.put(Column.BIRTH_DATE, "1961/7/15");
        m.put(Column.SEX, "M");
        m.put(Column.ID_NUMBER, MAN.toLowerCase().replace("x", "x") + " ");
        m.put(Column.RESIDENCE, "流动人口");
        m.put(Column.MOVED_IN, "2019年3月1日");
        m.put(Column.VULNERABILITIES, "独居老人；elderly-alone、残疾;Chronic illness, regular medicine");
        m.put(Column.DISABILITY_GRADE, "二级");
        m.put(Column.BUILDING, "1");
        var e = check(m).entry();
        assertThat(e).isNotNull();
        assertThat(e.residence()).isEqualTo(Residence.MIGRANT);
        assertThat(e.movedIn()).isEqualTo(LocalDate.of(2019, 3, 1));
        assertThat(e.vulnerabilities()).containsExactlyInAnyOrder(VulnerabilityKind.ELDERLY_ALONE,
                VulnerabilityKind.DISABILITY, VulnerabilityKind.CHRONIC_ILLNESS);
        assertThat(e.disabilityGrade()).isEqualTo("二级");
        assertThat(RowValidator.parseDate("19610715")).isEqualTo(BORN);
        assertThat(RowValidator.parseDate("１９６１－０７－１５")).isEqualTo(BORN);
        assertThat(RowValidator.parseDate("1961-02-30")).isNull();
        assertThat(RowValidator.parseDate("15/07/1961")).isNull();
    }

    @Test
    void reportsEveryEmptyRequiredCell() {
        var checked = check(new EnumMap<>(Column.class));
        assertThat(keys(checked)).containsExactlyInAnyOrder("BUILDING:import.problem.required",
                "ROOM:import.problem.required", "NAME:import.problem.required", "SEX:import.problem.required",
                "BIRTH_DATE:import.problem.required", "ID_NUMBER:import.problem.required",
                "RELATION:import.problem.required");
        assertThat(checked.entry()).isNull();
    }

    @Test
    void checksTheIdNumberAgainstGb11643() {
        var m = valid();
        var body = MAN.substring(0, 17);
        var wrongCheck = body + (MAN.charAt(17) == '0' ? '1' : '0');
        m.put(Column.ID_NUMBER, wrongCheck);
        assertThat(keys(check(m))).containsExactly("ID_NUMBER:id.error.check_digit");
        m.put(Column.ID_NUMBER, MAN.substring(0, 17));
        assertThat(keys(check(m))).containsExactly("ID_NUMBER:id.error.length");
        m.put(Column.ID_NUMBER, "99" + MAN.substring(2));
        assertThat(keys(check(m))).containsExactly("ID_NUMBER:id.error.region");
        m.put(Column.ID_NUMBER, MAN.substring(0, 10) + "A" + MAN.substring(11));
        assertThat(keys(check(m))).containsExactly("ID_NUMBER:id.error.format");
        var numeric = new ImportRow(7, row(valid()).cells(), 1 << Column.ID_NUMBER.ordinal());
        assertThat(keys(validator.check(numeric))).containsExactly("ID_NUMBER:import.problem.id-as-number");
    }

    @Test
    void birthDateAndSexMustAgreeWithTheIdNumber() {
        var m = valid();
        m.put(Column.BIRTH_DATE, "1961-07-16");
        m.put(Column.SEX, "女");
        var checked = check(m);
        assertThat(keys(checked)).containsExactlyInAnyOrder("BIRTH_DATE:import.problem.birth-date-mismatch",
                "SEX:import.problem.sex-mismatch");
        assertThat(checked.problems()).anySatisfy(p -> assertThat(p.arg()).isEqualTo("1961-07-15"));
        m = valid();
        m.put(Column.ID_NUMBER, WOMAN);
        m.put(Column.SEX, "F");
        assertThat(check(m).problems()).isEmpty();
    }

    @Test
    void rejectsBadPhonesWordsAndBuildings() {
        var m = valid();
        m.put(Column.PHONE, "021-12345678");
        m.put(Column.RELATION, "邻居");
        m.put(Column.RESIDENCE, "暂住");
        m.put(Column.VULNERABILITIES, "独居老人、富裕");
        m.put(Column.BUILDING, "99号楼");
        m.put(Column.DISABILITY_GRADE, "一级");
        var checked = check(m);
        assertThat(keys(checked)).containsExactlyInAnyOrder("PHONE:phone.error.format",
                "RELATION:import.problem.unknown-relation", "RESIDENCE:import.problem.unknown-residence",
                "VULNERABILITIES:import.problem.unknown-vulnerability", "BUILDING:import.problem.unknown-building",
                "DISABILITY_GRADE:import.problem.grade-without-disability");
        assertThat(checked.problems()).filteredOn(p -> p.column() == Column.BUILDING)
                .singleElement().satisfies(p -> assertThat(p.arg()).isEqualTo("99号楼"));
        assertThat(checked.problems()).filteredOn(p -> p.column() == Column.VULNERABILITIES)
                .singleElement().satisfies(p -> assertThat(p.arg()).isEqualTo("富裕"));
    }

    @Test
    void limitsLengthsAndRefusesMarkup() {
        var m = valid();
        m.put(Column.NAME, "王".repeat(51));
        m.put(Column.ROOM, "1".repeat(21));
        m.put(Column.NEEDS, "药".repeat(501));
        assertThat(keys(check(m))).containsExactlyInAnyOrder("NAME:import.problem.too-long",
                "ROOM:import.problem.too-long", "NEEDS:import.problem.too-long");
        m = valid();
        m.put(Column.NAME, "王".repeat(50));
        m.put(Column.NEEDS, "每周两次\n送药");
        assertThat(check(m).problems()).isEmpty();
        m.put(Column.NAME, "<script>alert(1)</script>");
        assertThat(keys(check(m))).containsExactly("NAME:import.problem.markup");
        m.put(Column.NAME, "王\u0007建国");
        assertThat(keys(check(m))).containsExactly("NAME:import.problem.markup");
        m.put(Column.NAME, "王\u202E建国");
        assertThat(keys(check(m))).containsExactly("NAME:import.problem.markup");
        m.put(Column.NAME, "阿依古丽·买买提");
        assertThat(check(m).problems()).isEmpty();
    }

    @Test
    void datesInTheFutureAreRefused() {
        var m = valid();
        m.put(Column.MOVED_IN, TODAY.plusDays(1).toString());
        assertThat(keys(check(m))).containsExactly("MOVED_IN:import.problem.date-future");
        m.put(Column.MOVED_IN, "next spring");
        assertThat(keys(check(m))).containsExactly("MOVED_IN:import.problem.date");
    }

    @Test
    void recognisesHeadersInChineseAndEnglish() {
        assertThat(Column.fromHeader("身份证号（必填）")).contains(Column.ID_NUMBER);
        assertThat(Column.fromHeader(" ID Number ")).contains(Column.ID_NUMBER);
        assertThat(Column.fromHeader("Date of birth")).contains(Column.BIRTH_DATE);
        assertThat(Column.fromHeader("*姓名")).contains(Column.NAME);
        assertThat(Column.fromHeader("moved-in")).contains(Column.MOVED_IN);
        assertThat(Column.fromHeader("籍贯")).isEmpty();
    }
}
