package org.liandong.community;

import java.util.Locale;
import java.util.Optional;

/** How a resident is related to the head of their household (与户主关系). */
public enum Relation {
    HEAD("户主", "本人"), SPOUSE("配偶", "妻", "夫"), CHILD("子女", "子", "女", "儿子", "女儿"),
    PARENT("父母", "父亲", "母亲"), GRANDPARENT("祖父母", "外祖父母"), GRANDCHILD("孙子女", "外孙子女"),
    SIBLING("兄弟姐妹"), OTHER_RELATIVE("其他亲属"), TENANT("租户"), OTHER("其他");

    private final String[] chineseNames;

    Relation(String... chineseNames) {
        this.chineseNames = chineseNames;
    }

    public String messageKey() {
        return "relation." + name().toLowerCase(Locale.ROOT);
    }

    /** Reads the words used in committees' spreadsheets, in Chinese or English. */
    public static Optional<Relation> fromText(String text) {
        var t = text == null ? "" : text.strip();
        for (var r : values()) {
            if (r.name().equalsIgnoreCase(t.replace(' ', '_').replace('-', '_'))) {
                return Optional.of(r);
            }
            for (var zh : r.chineseNames) {
                if (zh.equals(t)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }
}
