package org.liandong.volunteer.conduct;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An incident reported about a volunteer's interaction with someone, and how it was settled. */
public record Incident(UUID id, String communityId, String communityName, String reporterName, String reporterRole,
                @Nullable UUID volunteerId, String volunteerNamed, LocalDate occurredOn, Kind kind,
                String description, Status status, @Nullable Outcome outcome, Instant createdAt,
                List<Step> steps) {

    public enum Kind {
        RUDENESS, NO_SHOW, SAFETY, PRIVACY, MONEY, DISPUTE, OTHER;

        public String messageKey() {
            return "conduct.kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The steps a social worker takes: received, looked into, talked through, settled. */
    public enum Status {
        RECEIVED, INVESTIGATING, MEDIATING, CLOSED;

        public String messageKey() {
            return "conduct.status." + name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Outcome {
        NO_ACTION, APOLOGY, REMINDER, WARNING, SUSPENSION;

        public String messageKey() {
            return "conduct.outcome." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public record Step(Status status, String note, Instant at, String byName) {
    }

    public boolean open() {
        return status != Status.CLOSED;
    }
}
