package org.liandong.partner;

import java.util.Locale;

/**
 * Street staff vet a partner before its services show in the directory and its offers can be matched; a partner that
 * stops working with the street is withdrawn (kept, with its history, but out of every list of active partners).
 */
public enum OrganisationStatus {
    PENDING, APPROVED, SUSPENDED, WITHDRAWN;

    public String messageKey() {
        return "partner.status." + name().toLowerCase(Locale.ROOT);
    }
}
