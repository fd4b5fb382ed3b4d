package org.liandong.community;

import java.util.Locale;
import java.util.Optional;

/** Registered here (户籍), living here though registered elsewhere (实住), or a migrant (流动人口). */
public enum Residence {
    REGISTERED("户籍"), ACTUAL("实住", "人户分离"), MIGRANT("流动", "流动人口", "外来");

    private final String[] chineseNames;

    Residence(String... chineseNames) {
        this.chineseNames = chineseNames;
    }

    public String messageKey() {
        return "residence." + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Residence> fromText(String text) {
        var t = text == null ? "" : text.strip();
        for (var r : values()) {
            if (r.name().equalsIgnoreCase(t)) {
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
