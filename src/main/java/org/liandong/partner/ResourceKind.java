package org.liandong.partner;

import java.util.Locale;

/** What a partner offers or a community needs. */
public enum ResourceKind {
    GOODS, PEOPLE, MONEY, SERVICE;

    public String messageKey() {
        return "partner.resource." + name().toLowerCase(Locale.ROOT);
    }

    /** Goods and money go through the donation ledger once handed over. */
    public boolean ledgered() {
        return this == GOODS || this == MONEY;
    }
}
