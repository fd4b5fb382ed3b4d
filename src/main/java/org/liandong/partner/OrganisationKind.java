package org.liandong.partner;

import java.util.Locale;

/** What kind of partner an organisation is (DOMAIN.md: social organisations, enterprises, foundations...). */
public enum OrganisationKind {
    SOCIAL_WORK_AGENCY, SOCIAL_ORGANISATION, COMMUNITY_SELF_ORGANISATION, ENTERPRISE, FOUNDATION, HOSPITAL,
    GOVERNMENT_DEPARTMENT;

    public String messageKey() {
        return "partner.kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
