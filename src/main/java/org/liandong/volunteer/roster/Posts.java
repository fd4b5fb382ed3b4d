package org.liandong.volunteer.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.OutOfScopeException;
import org.liandong.volunteer.VolunteerCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Posts and their shift templates, per community, as staff define them. */
@Service
public class Posts {

    /** What staff type to define a post. */
    public record NewPost(String communityId, @Nullable PostKind kind, @Nullable String name,
                          @Nullable String address, @Nullable VolunteerCategory category,
                          boolean certificateRequired) {
    }

    static final Duration LONGEST_SHIFT = Duration.ofHours(12);

    private final JdbcClient jdbc;
    private final Clock clock;

    Posts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Post> of(AccessScope scope, String communityId) {
        scope.check(communityId);
        var posts = jdbc.sql("select * from volunteer_post where community_id = :c order by kind, name")
                .param("c", communityId).query(this::row).list();
        var byId = new LinkedHashMap<UUID, Post>();
        posts.forEach(p -> byId.put(p.id(), p));
        if (byId.isEmpty()) {
            return List.of();
        }
        jdbc.sql("select * from volunteer_shift_template where post_id in (:ids) order by starts")
                .param("ids", byId.keySet()).query(Posts::template).list()
                .forEach(t -> byId.get(t.postId()).templates().add(t));
        return List.copyOf(byId.values());
    }

    public Post post(AccessScope scope, UUID id) {
        var post = jdbc.sql("select * from volunteer_post where id = :id").param("id", id).query(this::row).optional()
                .orElseThrow(OutOfScopeException::new);
        scope.check(post.communityId());
        jdbc.sql("select * from volunteer_shift_template where post_id = :id order by starts").param("id", id)
                .query(Posts::template).list().forEach(post.templates()::add);
        return post;
    }

    @Transactional
    public UUID define(AccessScope scope, NewPost post) {
        scope.check(post.communityId());
        var name = post.name() == null ? "" : post.name().strip();
        if (name.isEmpty() || name.length() > 50) {
            throw new InvalidValueException("roster.problem.post-name");
        }
        if (post.kind() == null) {
            throw new InvalidValueException("roster.problem.post-kind");
        }
        if (post.category() == null) {
            throw new InvalidValueException("roster.problem.post-category");
        }
        var address = post.address() == null || post.address().isBlank() ? null : post.address().strip();
        if (address != null && address.length() > 200) {
            throw new InvalidValueException("roster.problem.post-address");
        }
        var taken = jdbc.sql("select count(*) from volunteer_post where community_id = :c and name = :n")
                .param("c", post.communityId()).param("n", name).query(Integer.class).single();
        if (taken > 0) {
            throw new InvalidValueException("roster.problem.post-exists", name);
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteer_post (id, community_id, kind, name, address, category, certificate_required,
                    created_at)
                values (:id, :c, :kind, :name, :address, :category, :cert, :at)""")
                .param("id", id).param("c", post.communityId()).param("kind", post.kind().name()).param("name", name)
                .param("address", address).param("category", post.category().name())
                .param("cert", post.certificateRequired()).param("at", Timestamp.from(clock.instant())).update();
        return id;
    }

    /** Adds a daily shift; {@code overnight} must be set for a shift that ends the next day (22:00–06:00). */
    @Transactional
    public UUID addTemplate(AccessScope scope, UUID postId, @Nullable LocalTime start, @Nullable LocalTime end,
                            boolean overnight, int headcount) {
        post(scope, postId);
        if (start == null || end == null) {
            throw new InvalidValueException("roster.problem.template-times");
        }
        if (!overnight && !end.isAfter(start)) {
            throw new InvalidValueException("roster.problem.template-end-before-start");
        }
        if (overnight && end.isAfter(start)) {
            throw new InvalidValueException("roster.problem.template-too-long");
        }
        var template = new ShiftTemplate(UUID.randomUUID(), postId, start, end, headcount);
        if (template.hours() > LONGEST_SHIFT.toHours() || template.hours() < 1) {
            throw new InvalidValueException("roster.problem.template-too-long");
        }
        if (headcount < 1 || headcount > 5) {
            throw new InvalidValueException("roster.problem.template-headcount");
        }
        jdbc.sql("""
                insert into volunteer_shift_template (id, post_id, starts, ends, headcount)
                values (:id, :post, :s, :e, :h)""")
                .param("id", template.id()).param("post", postId).param("s", java.sql.Time.valueOf(start))
                .param("e", java.sql.Time.valueOf(end)).param("h", headcount).update();
        return template.id();
    }

    @Transactional
    public void removeTemplate(AccessScope scope, UUID postId, UUID templateId) {
        post(scope, postId);
        jdbc.sql("delete from volunteer_shift_template where id = :id and post_id = :p").param("id", templateId)
                .param("p", postId).update();
    }

    private Post row(ResultSet rs, int n) throws SQLException {
        return new Post(rs.getObject("id", UUID.class), rs.getString("community_id"),
                PostKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("address"),
                VolunteerCategory.valueOf(rs.getString("category")), rs.getBoolean("certificate_required"),
                new ArrayList<>());
    }

    static ShiftTemplate template(ResultSet rs, int n) throws SQLException {
        return new ShiftTemplate(rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
                rs.getTime("starts").toLocalTime(), rs.getTime("ends").toLocalTime(), rs.getInt("headcount"));
    }
}
