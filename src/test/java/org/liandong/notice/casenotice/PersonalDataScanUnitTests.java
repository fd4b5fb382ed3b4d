package org.liandong.notice.casenotice;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.InvalidValueException;

/** What the anonymity check refuses in a case notice's note, and the ordinary sentences it lets through. */
class PersonalDataScanUnitTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final List<String> RESIDENTS = List.of("周秀兰", "王丽娟", "陈浩宇");

    static String problem(String text) {
        try {
            PersonalDataScan.check(text, RESIDENTS, TODAY);
            return "none";
        } catch (InvalidValueException e) {
            return e.messageKey();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"患者身份证 " + "11010519491231002X" + " 已登记", "证件号310104197503010018", "编号 1234567890123456"})
    void idNumbersAndLongDigitRuns(String text) {
        org.assertj.core.api.Assertions.assertThat(problem(text)).isEqualTo("notice.case.error.id-number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"联系 13812345678", "电话 138 1234 5678", "+86 139-1234-5678", "座机 021-64381234"})
    void phoneNumbers(String text) {
        org.assertj.core.api.Assertions.assertThat(problem(text)).isEqualTo("notice.case.error.phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"住3号楼402室", "五号楼", "12栋", "2单元", "402室", "3-402", "楼上 7 层", "Room 402", "123弄"})
    void doorsBuildingsAndRooms(String text) {
        org.assertj.core.api.Assertions.assertThat(problem(text)).isEqualTo("notice.case.error.room");
    }

    @ParameterizedTest
    @ValueSource(strings = {"周秀兰已送医", "密接者为王丽娟家属", "王建国先生", "李阿姨", "张医生"})
    void names(String text) {
        org.assertj.core.api.Assertions.assertThat(problem(text)).isEqualTo("notice.case.error.name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11月20日起发热，22号已送定点医院", "体温 38.5 37.9", "王某已隔离", "家属居家观察 14 天",
            "2026-11-20 起", "11-20 出现症状", "<script>alert(1)</script>"})
    void ordinarySentencesPass(String text) {
        assertThatCode(() -> PersonalDataScan.check(text, RESIDENTS, TODAY)).doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void aGeneratedValidIdIsFoundEvenInsideText() {
        var id = ChineseIdNumber.of("420102", LocalDate.of(1988, 4, 5), 123).value();
        assertThatThrownBy(() -> PersonalDataScan.check("信息" + id + "。", RESIDENTS, TODAY))
                .hasMessage("notice.case.error.id-number");
    }
}
