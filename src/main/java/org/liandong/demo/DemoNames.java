package org.liandong.demo;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Fictional Chinese names: a surname drawn by how common it is (about 100 surnames, with the city's own
 * frequent ones weighted up), and a given name of one or two characters in the fashion of the person's
 * birth decade (秀英 and 建国 for the old, 丽娟 and 伟 for the middle-aged, 梓涵 and 浩然 for the young).
 * Any likeness to a real person is chance: names repeat in every Chinese city.
 */
final class DemoNames {

    /** Surnames with a rough weight in per mille of the population (national, approximate). */
    private static final String SURNAMES = """
            王71 李70 张67 刘54 陈46 杨31 黄22 赵20 吴19 周19 徐15 孙15 马14 朱13 胡12 郭11 何11 林10 高10 罗9
            郑9 梁8 谢8 宋7 唐7 许6 韩6 冯6 邓6 曹6 彭5 曾5 肖5 田5 董5 袁5 潘5 于4 蒋4 蔡4 余4 杜4 叶4 程4 苏4
            魏4 吕4 丁4 任4 沈4 姚3 卢3 姜3 崔3 钟3 谭3 陆3 汪3 范3 金3 石3 廖3 贾3 夏3 韦3 付3 方3 白3 邹3
            孟3 熊3 秦3 邱3 江3 尹2 薛2 闫2 段2 雷2 侯2 龙2 史2 陶2 黎2 贺2 顾2 毛2 郝2 龚2 邵2 万2 钱2 严2
            覃2 武2 戴2 莫2 孔2 向2 汤2 施1 涂1""";

    /** Given names typical of people born before 1960. */
    private static final List<String> OLD_WOMEN = List.of("秀英", "桂英", "秀兰", "玉兰", "桂兰", "凤英", "秀珍",
            "玉珍", "淑珍", "桂珍", "美华", "金凤", "月娥", "素珍", "凤珍", "翠英", "秀芳", "惠珍", "佩华", "雅芳",
            "彩凤", "月英", "兰英", "秀琴");
    private static final List<String> OLD_MEN = List.of("建国", "国华", "国强", "德明", "志明", "振华", "福生",
            "根宝", "金根", "荣生", "长林", "文华", "永康", "德华", "学文", "志强", "宝林", "伟民", "春生", "海林",
            "国庆", "解放", "援朝", "卫东");
    /** Born 1960–1989. */
    private static final List<String> MIDDLE_WOMEN = List.of("丽娟", "丽华", "美玲", "红梅", "海燕", "秀梅", "静",
            "敏", "燕", "芳", "丽", "艳", "霞", "琳", "晓红", "雪梅", "慧敏", "丽萍", "晓燕", "春燕", "婷", "颖");
    private static final List<String> MIDDLE_MEN = List.of("伟", "强", "勇", "军", "磊", "斌", "涛", "杰", "建华",
            "志刚", "海涛", "建军", "晓东", "永强", "明", "辉", "俊", "鹏", "峰", "文斌", "卫国", "立新");
    /** Born 1990 and later. */
    private static final List<String> YOUNG_WOMEN = List.of("欣怡", "梓涵", "诗涵", "雨桐", "一诺", "可馨", "思彤",
            "佳怡", "子涵", "语嫣", "若曦", "梦琪", "紫萱", "雨欣", "静怡", "晨曦", "安琪", "思琪", "嘉怡", "心怡");
    private static final List<String> YOUNG_MEN = List.of("浩然", "子轩", "宇轩", "梓豪", "俊杰", "浩宇", "天佑",
            "博文", "子墨", "宇航", "一鸣", "嘉豪", "晨阳", "思远", "皓轩", "铭泽", "子豪", "睿", "浩", "轩");

    /** Characters to compose given names from, by the decade they were in fashion: before 1960, 1960–89, 1990 on. */
    private static final String[] WOMEN_CHARS = {"秀英兰芳玉珍桂凤翠月素淑彩美华琴娥梅惠芬娣宝妹银珠仙爱莲菊", "丽娟敏静燕红梅霞萍琳婷雪慧颖洁琴云莉倩晶丹芳艳玲蓓琼蕾娜瑛虹",
            "欣雨涵彤馨琪萱悦瑶晨诗雯璐露薇蓉芸菲怡佳可语若梦婉妍汐沁珊楠蕊晴媛茜昕"};
    private static final String[] MEN_CHARS = {"建国华平志德福根宝荣生金林永振明文海长春成祥龙才发兴财忠义仁祖贵", "伟强军明华平志勇斌杰涛磊鹏峰辉东海刚超兵波亮卫锋飞勤健新立胜彬",
            "宇浩俊轩然睿泽豪航铭博昊凯毅翔宁子天一嘉思晨梓哲瀚奕宸煜琛霖熙炜锦逸"};

    private static final double LOCAL_BOOST = 2.5;

    private final String[] surnames;
    private final double[] cumulative;
    private final RandomGenerator random;

    DemoNames(DemoCity city, RandomGenerator random) {
        this.random = random;
        var entries = SURNAMES.strip().split("\\s+");
        surnames = new String[entries.length];
        cumulative = new double[entries.length];
        double total = 0;
        for (int i = 0; i < entries.length; i++) {
            surnames[i] = entries[i].substring(0, 1);
            var weight = Double.parseDouble(entries[i].substring(1));
            total += city.localSurnames().contains(surnames[i]) ? weight * LOCAL_BOOST : weight;
            cumulative[i] = total;
        }
    }

    static int surnameCount() {
        return SURNAMES.strip().split("\\s+").length;
    }

    String surname() {
        var x = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return surnames[i];
            }
        }
        return surnames[surnames.length - 1];
    }

    String name(char sex, int birthYear) {
        return surname() + given(sex, birthYear);
    }

    String given(char sex, int birthYear) {
        var women = sex == 'F';
        var x = random.nextDouble();
        if (x < 0.45) {
            var classic = birthYear < 1960 ? (women ? OLD_WOMEN : OLD_MEN)
                    : birthYear < 1990 ? (women ? MIDDLE_WOMEN : MIDDLE_MEN) : (women ? YOUNG_WOMEN : YOUNG_MEN);
            return pick(classic);
        }
        var era = birthYear < 1960 ? 0 : birthYear < 1990 ? 1 : 2;
        var chars = women ? WOMEN_CHARS[era] : MEN_CHARS[era];
        // single-character given names were most common for those born in the 1970s and 1980s
        var single = birthYear >= 1965 && birthYear < 1995 ? 0.25 : 0.08;
        if (x < 0.45 + 0.55 * single) {
            return pick(chars);
        }
        var first = pick(chars);
        String second;
        do {
            second = pick(chars);
        } while (second.equals(first));
        return first + second;
    }

    /** Every character a given name can be made of, for tests and docs. */
    static Set<String> givenNameCharacters() {
        var all = new TreeSet<String>();
        for (var list : List.of(OLD_WOMEN, OLD_MEN, MIDDLE_WOMEN, MIDDLE_MEN, YOUNG_WOMEN, YOUNG_MEN)) {
            list.forEach(n -> n.codePoints().forEach(c -> all.add(Character.toString(c))));
        }
        for (var chars : List.of(WOMEN_CHARS, MEN_CHARS)) {
            for (var s : chars) {
                s.codePoints().forEach(c -> all.add(Character.toString(c)));
            }
        }
        return all;
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String chars) {
        int i = random.nextInt(chars.length());
        return chars.substring(i, i + 1);
    }
}
