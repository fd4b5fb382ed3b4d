package org.liandong.partner;

import java.util.Locale;

/** Street staff vet a partner before its services show in the directory and its offers can be matched. */
public enum OrganisationStatus {
    PENDING, APPROVED, SUSPENDED;

    public String messageKey() {
        return "partner.status." + name().toLowerCase(Locale.ROOT);
    }
}
