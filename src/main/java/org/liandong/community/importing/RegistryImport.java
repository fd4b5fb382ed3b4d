package org.liandong.community.importing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An uploaded registry sheet and how far it has come: checked, ready, committed, or why not. */
record RegistryImport(UUID id, String communityId, String communityName, UUID uploadedBy, String fileName,
                      Status status, @Nullable String problem, @Nullable String problemArg, int totalRows,
                      int badRows, int processedRows, int households, int residents, Instant createdAt,
                      Instant heartbeatAt, @Nullable Instant finishedAt) {

    /** A running check or commit that has not reported for this long was cut off (a node stopped). */
    static final Duration STALE = Duration.ofMinutes(2);

    enum Status {
        /** Rows are being checked. */
        VALIDATING,
        /** The file is not a registry sheet (see {@code problem}); nothing was checked. */
        REJECTED,
        /** Some rows have problems; the file must be fixed and uploaded again. */
        INVALID,
        /** Every row is fine: it may be committed. */
        READY,
        /** Being written to the registry. */
        COMMITTING,
        COMMITTED,
        /** The registry changed after the preview, so the commit found problems and wrote nothing. */
        REFUSED,
        /** Something unexpected went wrong; nothing was written. */
        FAILED,
        DISCARDED;

        public String messageKey() {
            return "import.status." + name().toLowerCase(Locale.ROOT);
        }

        /** A word or two for lists. */
        public String labelKey() {
            return "import.state." + name().toLowerCase(Locale.ROOT);
        }
    }

    boolean running(Instant now) {
        return (status == Status.VALIDATING || status == Status.COMMITTING) && !stale(now);
    }

    /** Running, but silent for too long: shown as failed, and nothing was written. */
    boolean stale(Instant now) {
        return (status == Status.VALIDATING || status == Status.COMMITTING)
                && heartbeatAt.plus(STALE).isBefore(now);
    }

    public boolean canCommit() {
        return status == Status.READY;
    }

    public boolean hasRowProblems() {
        return badRows > 0 && (status == Status.INVALID || status == Status.REFUSED);
    }

    /** The required columns the file lacks, for the "missing columns" rejection. */
    public List<Column> missingColumns() {
        if (!"import.file.missing-columns".equals(problem) || problemArg == null) {
            return List.of();
        }
        return Arrays.stream(problemArg.split(",")).map(Column::valueOf).toList();
    }

    public int percent() {
        return totalRows == 0 ? 0 : Math.min(100, processedRows * 100 / totalRows);
    }
}
