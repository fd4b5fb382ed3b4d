package org.liandong.resilience;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Stage;

/**
 * The stage playbook of a community: the strategies per dimension due in its current stage and how far it got with
 * them. Implemented by {@code resilience.playbook}; the dashboard and the report show the summary.
 */
public interface PlaybookSource {

    Summary summary(String communityCode);

    /** The playbook of one community in its current stage. */
    record Summary(Stage stage, int due, int done, int overdue, List<Line> lines) {
        public Summary {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One checklist item: its text key, the dimension it serves, its owner (a display name, or null when nobody
     * owns it yet), its due date, whether it is done, and an evidence link if one was given.
     */
    record Line(String itemKey, Dimension dimension, @Nullable String owner, @Nullable LocalDate due, boolean done,
                @Nullable String evidence) {
    }
}
