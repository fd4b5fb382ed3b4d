package org.liandong.volunteer;

import java.util.Locale;
import java.util.Optional;

/** OPEN → ACCEPTED → DONE; a task can be DECLINED (with a reason) or CANCELLED by staff on the way. */
public enum TaskStatus {
    OPEN, ACCEPTED, DONE, DECLINED, CANCELLED;

    /** Staff may still reassign or cancel it. */
    public boolean open() {
        return this == OPEN || this == ACCEPTED || this == DECLINED;
    }

    public String messageKey() {
        return "volunteer.task.status." + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TaskStatus> fromCode(String code) {
        for (var status : values()) {
            if (status.name().equalsIgnoreCase(code)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
