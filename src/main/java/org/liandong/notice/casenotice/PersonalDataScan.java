package org.liandong.notice.casenotice;

import java.time.LocalDate;
import java.util.Collection;
import java.util.regex.Pattern;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.PhoneNumber;

/**
 * Refuses free text that would identify a person in an anonymous case notice: an ID number (or any run
 * of 15+ digits), a phone number, a building, room or door number, or a name — one of the community's
 * residents, or a surname with a form of address (王建国先生, 李阿姨). "王某" stays allowed.
 */
final class PersonalDataScan {

    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{15,}[\\dXx]?");
    private static final Pattern ID_LIKE = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?![\\dXx])");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d[\\d\\s\\-]{6,}\\d");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)0\\d{2,3}[\\s\\-]?\\d{7,8}(?!\\d)");
    private static final String NUMBER = "(?:\\d+|[一二三四五六七八九十百零〇两]+)";
    private static final Pattern ROOM = Pattern.compile(
            NUMBER + "\\s*(?:号楼|栋|幢|单元|室|号房|房间|楼|层|弄)"
                    + "|(?<![\\d.])\\d{1,3}\\s*[-－—]\\s*\\d{3,4}(?![\\d.])"
                    + "|(?i:\\b(?:room|rm\\.?|flat|apt\\.?|building|bldg\\.?|unit)\\s*#?\\d+)");
    /** The hundred most common surnames: with a form of address after them, the words are a name. */
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于"
            + "蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
            + "覃武戴莫孔向汤";
    private static final Pattern ADDRESSED = Pattern.compile("[" + SURNAMES + "][\\p{IsHan}&&[^某]]{0,2}"
            + "(?:先生|女士|小姐|阿姨|大爷|大妈|大娘|老师|师傅|奶奶|爷爷|老伯|阿婆|老太|医生|同学)");

    private PersonalDataScan() {
    }

    static void check(String text, Collection<String> residentNames, LocalDate today) {
        if (text.isBlank()) {
            return;
        }
        var id = ID_LIKE.matcher(text);
        while (id.find()) {
            if (ChineseIdNumber.check(ChineseIdNumber.normalise(id.group()), today) == null) {
                throw new InvalidValueException("notice.case.error.id-number");
            }
        }
        if (LONG_DIGITS.matcher(text).find()) {
            throw new InvalidValueException("notice.case.error.id-number");
        }
        var run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            var digits = PhoneNumber.normalise(run.group());
            for (int i = 0; i + 11 <= digits.length(); i++) {
                if (PhoneNumber.isValid(digits.substring(i, i + 11))) {
                    throw new InvalidValueException("notice.case.error.phone");
                }
            }
        }
        if (LANDLINE.matcher(text).find()) {
            throw new InvalidValueException("notice.case.error.phone");
        }
        var room = ROOM.matcher(text);
        if (room.find()) {
            throw new InvalidValueException("notice.case.error.room", room.group().strip());
        }
        for (var name : residentNames) {
            if (name.length() >= 2 && text.contains(name)) {
                throw new InvalidValueException("notice.case.error.name", name);
            }
        }
        var addressed = ADDRESSED.matcher(text);
        if (addressed.find()) {
            throw new InvalidValueException("notice.case.error.name", addressed.group());
        }
    }
}
