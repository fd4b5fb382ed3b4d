package org.liandong.partner;

import java.util.Locale;

/** HSDS 3.0 service status (its enum values are {@link #hsds()}). */
public enum ServiceStatus {
    ACTIVE("active"), INACTIVE("inactive"), DEFUNCT("defunct"), TEMPORARILY_CLOSED("temporarily closed");

    private final String hsds;

    ServiceStatus(String hsds) {
        this.hsds = hsds;
    }

    public String hsds() {
        return hsds;
    }

    public static ServiceStatus ofHsds(String value) {
        for (var s : values()) {
            if (s.hsds.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException(value);
    }

    public String messageKey() {
        return "partner.service-status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
