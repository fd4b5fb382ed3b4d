package org.liandong.care.tier1;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.volunteer.ServiceHours;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tier 1 — everyone: grid workers log each screening contact in one tap (question answered, symptoms screened,
 * symptomatic, referred to observation); counts per grid per day. No names: only the counts matter here.
 */
@Service
public class ScreeningLog {

    public record Contact(boolean answered, boolean screened, boolean symptomatic, boolean referred) {
    }

    public record DayCount(LocalDate day, String communityId, String grid, int contacts, int answered, int screened,
                           int symptomatic, int referred) {
    }

    private final JdbcClient jdbc;
    private final Places places;
    private final Clock clock;

    ScreeningLog(JdbcClient jdbc, Places places, Clock clock) {
        this.jdbc = jdbc;
        this.places = places;
        this.clock = clock;
    }

    public void log(LiandongUser worker, String communityId, String grid, Contact contact) {
        worker.scope().check(communityId);
        var grids = places.buildings(communityId).stream().map(Places.BuildingView::grid).distinct().toList();
        if (!grids.contains(grid)) {
            throw new InvalidValueException("care.tier1.grid-unknown");
        }
        if (!contact.answered() && !contact.screened() && !contact.referred()) {
            throw new InvalidValueException("care.tier1.nothing");
        }
        var now = clock.instant();
        jdbc.sql("""
                insert into care_screening_contact (id, community_id, grid, contact_day, at, answered, screened, symptomatic,
                    referred, by_user, by_name)
                values (:id, :c, :g, :d, :at, :a, :s, :sym, :r, :u, :n)""")
                .param("id", UUID.randomUUID()).param("c", communityId).param("g", grid)
                .param("d", java.sql.Date.valueOf(LocalDate.ofInstant(now, ServiceHours.ZONE)))
                .param("at", Timestamp.from(now)).param("a", contact.answered()).param("s", contact.screened())
                .param("sym", contact.symptomatic()).param("r", contact.referred()).param("u", worker.userId())
                .param("n", worker.displayName()).update();
    }

    /** Counts per day and grid for the last {@code days} days of the community. */
    public List<DayCount> counts(LiandongUser viewer, String communityId, int days) {
        viewer.scope().check(communityId);
        var from = LocalDate.now(clock.withZone(ServiceHours.ZONE)).minusDays(days - 1L);
        return jdbc.sql("""
                select contact_day, community_id, grid, count(*) n,
                       sum(case when answered then 1 else 0 end) a, sum(case when screened then 1 else 0 end) s,
                       sum(case when symptomatic then 1 else 0 end) sym, sum(case when referred then 1 else 0 end) r
                from care_screening_contact where community_id = :c and contact_day >= :from
                group by contact_day, community_id, grid order by contact_day desc, grid""")
                .param("c", communityId).param("from", java.sql.Date.valueOf(from))
                .query((rs, n) -> new DayCount(rs.getDate("contact_day").toLocalDate(), rs.getString("community_id"),
                        rs.getString("grid"), rs.getInt("n"), rs.getInt("a"), rs.getInt("s"), rs.getInt("sym"),
                        rs.getInt("r"))).list();
    }

    public List<String> grids(String communityId) {
        return places.buildings(communityId).stream().map(Places.BuildingView::grid).distinct().sorted().toList();
    }
}
