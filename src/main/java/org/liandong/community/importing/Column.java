package org.liandong.community.importing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The columns of the registry sheet, in template order. The first header is the Chinese one the template
 * writes; the others are what committees and English speakers also write at the top of the column.
 */
enum Column {
    BUILDING(true, "楼栋", "楼号", "楼宇", "building"),
    ROOM(true, "室号", "房号", "房间号", "门牌号", "room"),
    NAME(true, "姓名", "name"),
    SEX(true, "性别", "sex", "gender"),
    BIRTH_DATE(true, "出生日期", "出生年月日", "birthdate", "dateofbirth", "dob"),
    ID_NUMBER(true, "身份证号", "身份证号码", "公民身份号码", "证件号码", "idnumber", "idno", "id"),
    PHONE(false, "手机号", "手机号码", "手机", "联系电话", "phone", "mobile", "mobilephone"),
    RELATION(true, "与户主关系", "relation", "relationtohead", "relationship"),
    RESIDENCE(false, "居住类型", "residence"),
    MOVED_IN(false, "迁入日期", "入住日期", "movedin", "moveindate"),
    VULNERABILITIES(false, "困难类型", "vulnerabilities", "vulnerability"),
    DISABILITY_GRADE(false, "残疾等级", "disabilitygrade"),
    NEEDS(false, "需求备注", "备注", "needs", "notes");

    private static final Pattern DECORATION = Pattern.compile("[（(\\[【].*?[)）\\]】]|[\\s*＊_\\-:：]");

    private final boolean required;
    private final String[] headers;

    Column(boolean required, String... headers) {
        this.required = required;
        this.headers = headers;
    }

    public boolean required() {
        return required;
    }

    /** The Chinese header the template writes. */
    public String header() {
        return headers[0];
    }

    /** The suffix of this column's message keys: {@code import.column.<key>}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    boolean isDate() {
        return this == BIRTH_DATE || this == MOVED_IN;
    }

    /** Recognises a header cell, ignoring case, spaces, stars and remarks in brackets such as "（必填）". */
    static Optional<Column> fromHeader(String text) {
        var t = DECORATION.matcher(Text.halfWidth(text)).replaceAll("").toLowerCase(Locale.ROOT);
        for (var column : values()) {
            for (var header : column.headers) {
                if (header.equals(t)) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }
}
