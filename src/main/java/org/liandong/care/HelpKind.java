package org.liandong.care;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.liandong.volunteer.TaskKind;
import org.liandong.volunteer.VolunteerCategory;

/** What a household asks for; each kind becomes a kind of volunteer task and prefers some volunteer skills. */
public enum HelpKind {
    GROCERIES(TaskKind.DELIVER, EnumSet.of(VolunteerCategory.DELIVERY)),
    MEDICINE(TaskKind.DELIVER, EnumSet.of(VolunteerCategory.DELIVERY, VolunteerCategory.MEDICAL,
            VolunteerCategory.NURSING)),
    MEDICAL_VISIT(TaskKind.ESCORT, EnumSet.of(VolunteerCategory.DELIVERY, VolunteerCategory.MEDICAL,
            VolunteerCategory.NURSING)),
    CHILDCARE(TaskKind.VISIT, EnumSet.of(VolunteerCategory.SOCIAL_WORK, VolunteerCategory.ELDER_CARE)),
    ELDER_CARE(TaskKind.VISIT, EnumSet.of(VolunteerCategory.ELDER_CARE, VolunteerCategory.NURSING)),
    PSYCHOLOGICAL(TaskKind.CALL_RESIDENT, EnumSet.of(VolunteerCategory.PSYCHOLOGICAL, VolunteerCategory.SOCIAL_WORK)),
    INFORMATION(TaskKind.CALL_RESIDENT, EnumSet.of(VolunteerCategory.ONLINE_SUPPORT, VolunteerCategory.SOCIAL_WORK,
            VolunteerCategory.TRANSLATION)),
    OTHER(TaskKind.OTHER, EnumSet.noneOf(VolunteerCategory.class));

    private final TaskKind taskKind;
    private final Set<VolunteerCategory> skills;

    HelpKind(TaskKind taskKind, Set<VolunteerCategory> skills) {
        this.taskKind = taskKind;
        this.skills = skills;
    }

    public TaskKind taskKind() {
        return taskKind;
    }

    /** Volunteer categories that fit this kind of help; empty means anyone fits. */
    public Set<VolunteerCategory> skills() {
        return EnumSet.copyOf(skills.isEmpty() ? EnumSet.noneOf(VolunteerCategory.class) : skills);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "care.kind." + code();
    }

    public static Optional<HelpKind> fromCode(String code) {
        for (var kind : values()) {
            if (kind.code().equalsIgnoreCase(code) || kind.name().equalsIgnoreCase(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
