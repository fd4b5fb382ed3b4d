package org.liandong.care.dependant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.liandong.care.CareWatch;
import org.liandong.community.Places;
import org.liandong.community.ResidentDirectory;
import org.liandong.community.Stage;
import org.liandong.community.VulnerabilityKind;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.volunteer.ServiceHours;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Welfare-check rounds: during the respond stage every elderly resident living alone is to be reached every
 * day. The watch creates a welfare visit for the building-group leader for each one not reached in 24 hours
 * (at most once an hour per community); the coverage view shows who has not been reached.
 */
@Service
public class Rounds implements CareWatch.CareCheck {

    static final Duration WINDOW = Duration.ofHours(24);

    public record Coverage(UUID residentId, String name, int age, String buildingGroup, String address,
                           @Nullable Instant lastReached, boolean openVisit) {

        public boolean reached(Instant now) {
            return lastReached != null && lastReached.isAfter(now.minus(WINDOW));
        }

        public @Nullable LocalDateTime lastReachedLocal() {
            return lastReached == null ? null : lastReached.atZone(ServiceHours.ZONE).toLocalDateTime();
        }
    }

    private final JdbcClient jdbc;
    private final ResidentDirectory directory;
    private final Places places;
    private final Clock clock;
    private final Map<String, Instant> lastGenerated = new ConcurrentHashMap<>();

    Rounds(JdbcClient jdbc, ResidentDirectory directory, Places places, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.places = places;
        this.clock = clock;
    }

    /** Elderly residents living alone in the community, those not reached in 24 h first. */
    public List<Coverage> coverage(LiandongUser staff, String communityId) {
        staff.scope().check(communityId);
        return coverage(communityId, clock.instant());
    }

    List<Coverage> coverage(String communityId, Instant now) {
        var last = new HashMap<UUID, Instant>();
        jdbc.sql("""
                select resident_id, max(at) at from care_welfare_contact where community_id = :c and reached = true
                group by resident_id""")
                .param("c", communityId)
                .query((rs, n) -> last.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant())).list();
        var open = new HashSet<>(jdbc.sql("""
                select resident_id from care_welfare_task where community_id = :c and status = 'OPEN'""")
                .param("c", communityId).query(UUID.class).list());
        var out = new ArrayList<Coverage>();
        directory.forEach(AccessScope.of(List.of(communityId)), new ResidentDirectory.Query(null, communityId, null,
                VulnerabilityKind.ELDERLY_ALONE, false, false), row -> out.add(new Coverage(row.id(), row.name(),
                row.age(), row.buildingGroup(), row.building() + " " + row.room(), last.get(row.id()),
                open.contains(row.id()))));
        out.sort(Comparator.comparing((Coverage c) -> c.reached(now)).thenComparing(Coverage::buildingGroup)
                .thenComparing(Coverage::address));
        return out;
    }

    /** A call or visit, reached or not (staff on the phone, or a leader at the door). */
    @Transactional
    public void record(LiandongUser by, String communityId, UUID residentId, boolean reached, @Nullable String note) {
        by.scope().check(communityId);
        var text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 300) {
            throw new InvalidValueException("care.welfare.note-too-long");
        }
        contact(communityId, residentId, reached, by.displayName(), text, clock.instant());
    }

    void contact(String communityId, UUID residentId, boolean reached, String by, @Nullable String note, Instant at) {
        jdbc.sql("""
                insert into care_welfare_contact (id, community_id, resident_id, at, reached, by_name, note)
                values (:id, :c, :r, :at, :reached, :by, :note)""")
                .param("id", UUID.randomUUID()).param("c", communityId).param("r", residentId)
                .param("at", Timestamp.from(at)).param("reached", reached).param("by", by).param("note", note).update();
    }

    /** Creates a welfare visit for every elderly resident alone not reached in 24 h without one open. */
    @Transactional
    public int generate(String communityId, Instant now) {
        var n = 0;
        for (var c : coverage(communityId, now)) {
            if (c.reached(now) || c.openVisit()) {
                continue;
            }
            jdbc.sql("""
                    insert into care_welfare_task (id, community_id, building_group, flag_id, resident_id, resident_name,
                        address, status, created_at)
                    values (:id, :c, :bg, null, :r, :rn, :addr, 'OPEN', :at)""")
                    .param("id", UUID.randomUUID()).param("c", communityId).param("bg", c.buildingGroup())
                    .param("r", c.residentId()).param("rn", c.name()).param("addr", c.address())
                    .param("at", Timestamp.from(now)).update();
            n++;
        }
        lastGenerated.put(communityId, now);
        return n;
    }

    @Override
    public int check(Instant now) {
        var n = 0;
        for (var community : places.communities(AccessScope.all())) {
            if (community.stage() != Stage.RESPOND) {
                continue;
            }
            var last = lastGenerated.get(community.id());
            if (last != null && last.isAfter(now.minus(Duration.ofHours(1))) && !last.isAfter(now)) {
                continue;
            }
            n += generate(community.id(), now);
        }
        return n;
    }
}
