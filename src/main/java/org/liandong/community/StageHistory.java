package org.liandong.community;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every stage switch of a community, oldest first, as {@link Registry#changeStage} recorded it. Other modules read
 * it to know when an emergency began and ended (resilience indicators, the stage playbook).
 */
@Service
public class StageHistory {

    /** One switch: from which stage to which, why, when and by whom. */
    public record StageChange(String communityId, Stage from, Stage to, String reason, Instant at, String by) {
    }

    /** A stretch of time a community spent in one stage; {@code until} is null while it is still in it. */
    public record Period(Stage stage, Instant since, @org.jspecify.annotations.Nullable Instant until) {
    }

    private final JdbcClient jdbc;

    StageHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StageChange> changes(String communityId) {
        return jdbc.sql("""
                select community_id, from_stage, to_stage, reason, changed_at, changed_by from community_stage_change
                where community_id = :c order by changed_at, id""")
                .param("c", communityId)
                .query((rs, n) -> new StageChange(rs.getString(1), Stage.valueOf(rs.getString(2)),
                        Stage.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getString(6)))
                .list();
    }

    /** The periods the community spent in {@code stage} that began with a recorded switch, oldest first. */
    public List<Period> periods(String communityId, Stage stage) {
        var changes = changes(communityId);
        var out = new java.util.ArrayList<Period>();
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).to() == stage) {
                var until = i + 1 < changes.size() ? changes.get(i + 1).at() : null;
                out.add(new Period(stage, changes.get(i).at(), until));
            }
        }
        return out;
    }
}
