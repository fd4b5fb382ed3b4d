package org.liandong.volunteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.liandong.platform.AccessScope;
import org.liandong.platform.Masked;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Volunteers as other parts of the module (and later the care and supply modules) look them up. */
@Service
public class VolunteerDirectory {

    public record VolunteerView(UUID id, UUID userId, String communityId, String name, String maskedPhone,
                                Set<VolunteerCategory> categories, Availability availability, int hoursPerWeek,
                                boolean active) {
    }

    private final JdbcClient jdbc;

    VolunteerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<VolunteerView> byId(UUID id) {
        return jdbc.sql("select * from volunteer where id = :id").param("id", id).query(this::view).optional();
    }

    public Optional<VolunteerView> byUser(UUID userId) {
        return jdbc.sql("select * from volunteer where user_id = :u").param("u", userId).query(this::view).optional();
    }

    public List<VolunteerView> activeIn(AccessScope scope, String communityId) {
        scope.check(communityId);
        return jdbc.sql("select * from volunteer where community_id = :c and active = true order by name")
                .param("c", communityId).query(this::view).list();
    }

    public static Set<VolunteerCategory> categories(String csv) {
        var set = EnumSet.noneOf(VolunteerCategory.class);
        if (csv != null && !csv.isBlank()) {
            Arrays.stream(csv.split(",")).map(String::strip).map(VolunteerCategory::valueOf).forEach(set::add);
        }
        return set;
    }

    public static String categories(Set<VolunteerCategory> set) {
        return String.join(",", set.stream().sorted().map(Enum::name).toList());
    }

    private VolunteerView view(ResultSet rs, int n) throws SQLException {
        return new VolunteerView(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("community_id"), rs.getString("name"), Masked.phone(rs.getString("phone")),
                categories(rs.getString("categories")), new Availability(rs.getString("availability")),
                rs.getInt("hours_per_week"), rs.getBoolean("active"));
    }
}
