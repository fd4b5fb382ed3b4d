package org.liandong.volunteer;

import java.util.Locale;
import java.util.Optional;

/** What a volunteer offers; recruiting by category lets a surge of applicants be sorted at once. */
public enum VolunteerCategory {
    MEDICAL(true), NURSING(true), PSYCHOLOGICAL(true), SOCIAL_WORK(true), GATE(false), DISINFECTION(false),
    DELIVERY(false), ELDER_CARE(false), ONLINE_SUPPORT(false), TRANSLATION(false), CULTURE(false);

    private final boolean needsCertificate;

    VolunteerCategory(boolean needsCertificate) {
        this.needsCertificate = needsCertificate;
    }

    /** Professions whose volunteers must give a certificate number (doctor, nurse, counsellor, social worker). */
    public boolean needsCertificate() {
        return needsCertificate;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "volunteer.category." + code();
    }

    public static Optional<VolunteerCategory> fromCode(String code) {
        for (var c : values()) {
            if (c.code().equalsIgnoreCase(code) || c.name().equalsIgnoreCase(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
