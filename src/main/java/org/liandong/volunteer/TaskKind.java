package org.liandong.volunteer;

import java.util.Locale;
import java.util.Optional;

/** What a volunteer is asked to do. */
public enum TaskKind {
    DELIVER, CALL_RESIDENT, VISIT, DISINFECT, ESCORT, OTHER;

    public String messageKey() {
        return "volunteer.task.kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<TaskKind> fromCode(String code) {
        for (var kind : values()) {
            if (kind.name().equalsIgnoreCase(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
