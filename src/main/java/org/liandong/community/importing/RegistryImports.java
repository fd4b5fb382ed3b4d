package org.liandong.community.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AccessScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The uploaded sheets, their state and the problems found in their rows. */
@Repository
class RegistryImports {

    /** The problems of one bad row, for the preview table. */
    record BadRow(int row, List<RowProblem> problems) {
    }

    private static final String SELECT = """
            select i.id, i.community_id, c.name community_name, i.uploaded_by, i.file_name, i.status, i.problem,
                   i.problem_arg, i.total_rows, i.bad_rows, i.processed_rows, i.households, i.residents,
                   i.created_at, i.heartbeat_at, i.finished_at
            from registry_import i join community c on c.id = i.community_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    RegistryImports(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    @Transactional
    void create(UUID id, String communityId, UUID uploadedBy, String fileName, byte[] content) {
        var now = now();
        jdbc.sql("""
                insert into registry_import (id, community_id, uploaded_by, file_name, status, total_rows,
                    bad_rows, processed_rows, households, residents, created_at, heartbeat_at)
                values (:id, :c, :by, :name, 'VALIDATING', 0, 0, 0, 0, 0, :now, :now)""")
                .param("id", id).param("c", communityId).param("by", uploadedBy).param("name", fileName)
                .param("now", now).update();
        jdbc.sql("insert into registry_import_content (import_id, content) values (:id, :content)")
                .param("id", id).param("content", content).update();
    }

    Optional<RegistryImport> find(UUID id) {
        return jdbc.sql(SELECT + " where i.id = :id").param("id", id).query(this::map).optional();
    }

    /** The latest imports this person uploaded, within their scope. */
    List<RegistryImport> recent(AccessScope scope, UUID uploadedBy, int limit) {
        return jdbc.sql(SELECT + " where i.uploaded_by = :by order by i.created_at desc limit :limit")
                .param("by", uploadedBy).param("limit", limit).query(this::map).list().stream()
                .filter(i -> scope.covers(i.communityId())).toList();
    }

    Optional<byte[]> content(UUID id) {
        return jdbc.sql("select content from registry_import_content where import_id = :id")
                .param("id", id).query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** Moves an import from one state to another, only if it is still in the first: a guard against double clicks. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean claim(UUID id, RegistryImport.Status from, RegistryImport.Status to) {
        return jdbc.sql("""
                update registry_import set status = :to, processed_rows = 0, heartbeat_at = :now
                where id = :id and status = :from""")
                .param("to", to.name()).param("from", from.name()).param("now", now()).param("id", id).update() == 1;
    }

    /** Progress is written in its own transaction, so that it shows while a long commit is still open. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void progress(UUID id, int processed, int total) {
        jdbc.sql("update registry_import set processed_rows = :p, total_rows = :t, heartbeat_at = :now where id = :id")
                .param("p", processed).param("t", total).param("now", now()).param("id", id).update();
    }

    @Transactional
    void checked(UUID id, ImportPass.Result result) {
        var status = result.badRows() == 0 ? RegistryImport.Status.READY : RegistryImport.Status.INVALID;
        finish(id, status, result, null, null);
    }

    @Transactional
    void committed(UUID id, ImportPass.Result result) {
        finish(id, RegistryImport.Status.COMMITTED, result, null, null);
    }

    /** After a refused commit: the problems the re-check found replace the preview's (there were none). */
    @Transactional
    void refused(UUID id, ImportPass.Result result, List<RowProblem> problems) {
        deleteProblems(id);
        addProblems(id, problems);
        finish(id, RegistryImport.Status.REFUSED, result, null, null);
    }

    @Transactional
    void rejected(UUID id, String problem, @Nullable String arg) {
        deleteProblems(id);
        finish(id, RegistryImport.Status.REJECTED, new ImportPass.Result(0, 0, 0, 0), problem, arg);
    }

    @Transactional
    void failed(UUID id, String problem) {
        jdbc.sql("""
                update registry_import set status = 'FAILED', problem = :problem, finished_at = :now,
                    heartbeat_at = :now where id = :id""")
                .param("problem", problem).param("now", now()).param("id", id).update();
        dropContent(id);
    }

    @Transactional
    boolean discard(UUID id) {
        var discarded = jdbc.sql("""
                update registry_import set status = 'DISCARDED', finished_at = :now
                where id = :id and status in ('READY', 'INVALID', 'REJECTED', 'REFUSED', 'FAILED')""")
                .param("now", now()).param("id", id).update() == 1;
        if (discarded) {
            dropContent(id);
        }
        return discarded;
    }

    /** An earlier upload of the same person for the same community that was never committed is let go. */
    @Transactional
    void discardEarlier(UUID id, String communityId, UUID uploadedBy) {
        var earlier = jdbc.sql("""
                select id from registry_import
                where community_id = :c and uploaded_by = :by and id <> :id and status in ('READY', 'INVALID')""")
                .param("c", communityId).param("by", uploadedBy).param("id", id).query(UUID.class).list();
        for (var old : earlier) {
            jdbc.sql("""
                    update registry_import set status = 'DISCARDED', finished_at = :now
                    where id = :id and status in ('READY', 'INVALID')""")
                    .param("now", now()).param("id", old).update();
            dropContent(old);
        }
    }

    /** The content is kept only while the import may still be committed. */
    private void finish(UUID id, RegistryImport.Status status, ImportPass.Result result, @Nullable String problem,
                        @Nullable String arg) {
        var keep = status == RegistryImport.Status.READY;
        jdbc.sql("""
                update registry_import set status = :status, problem = :problem, problem_arg = :arg,
                    total_rows = :rows, bad_rows = :bad, processed_rows = :rows, households = :households,
                    residents = :residents, heartbeat_at = :now, finished_at = :now where id = :id""")
                .param("status", status.name()).param("problem", problem).param("arg", arg)
                .param("rows", result.rows()).param("bad", result.badRows()).param("households", result.households())
                .param("residents", result.residents()).param("now", now()).param("id", id).update();
        if (!keep) {
            dropContent(id);
        }
    }

    private void dropContent(UUID id) {
        jdbc.sql("delete from registry_import_content where import_id = :id").param("id", id).update();
    }

    void addProblems(UUID id, List<RowProblem> problems) {
        var rows = new ArrayList<Object[]>(problems.size());
        for (var p : problems) {
            rows.add(new Object[] {id, p.row(), p.column().name(), p.messageKey(), p.arg()});
        }
        for (int i = 0; i < rows.size(); i += ImportPass.BATCH) {
            template.batchUpdate("""
                    insert into registry_import_problem (import_id, row_no, column_name, message_key, arg)
                    values (?, ?, ?, ?, ?)""", rows.subList(i, Math.min(rows.size(), i + ImportPass.BATCH)));
        }
    }

    void deleteProblems(UUID id) {
        jdbc.sql("delete from registry_import_problem where import_id = :id").param("id", id).update();
    }

    /** The bad rows of one page (in row order) with all their problems. */
    List<BadRow> badRows(UUID id, int page, int size) {
        var numbers = jdbc.sql("""
                select distinct row_no from registry_import_problem where import_id = :id
                order by row_no limit :limit offset :offset""")
                .param("id", id).param("limit", size).param("offset", (long) page * size).query(Integer.class).list();
        if (numbers.isEmpty()) {
            return List.of();
        }
        var rows = new ArrayList<BadRow>();
        jdbc.sql("""
                select row_no, column_name, message_key, arg from registry_import_problem
                where import_id = :id and row_no between :first and :last order by row_no, column_name""")
                .param("id", id).param("first", numbers.getFirst()).param("last", numbers.getLast())
                .query(this::problem).list().forEach(p -> {
                    if (rows.isEmpty() || rows.getLast().row() != p.row()) {
                        rows.add(new BadRow(p.row(), new ArrayList<>()));
                    }
                    rows.getLast().problems().add(p);
                });
        return rows;
    }

    void forEachProblem(UUID id, Consumer<RowProblem> sink) {
        template.query("""
                select row_no, column_name, message_key, arg from registry_import_problem
                where import_id = ? order by row_no, column_name""",
                rs -> {
                    sink.accept(problem(rs, 0));
                }, id);
    }

    private RowProblem problem(ResultSet rs, int n) throws SQLException {
        return new RowProblem(rs.getInt("row_no"), Column.valueOf(rs.getString("column_name")),
                rs.getString("message_key"), rs.getString("arg"));
    }

    private RegistryImport map(ResultSet rs, int n) throws SQLException {
        var finished = rs.getTimestamp("finished_at");
        return new RegistryImport(rs.getObject("id", UUID.class), rs.getString("community_id"),
                rs.getString("community_name"), rs.getObject("uploaded_by", UUID.class), rs.getString("file_name"),
                RegistryImport.Status.valueOf(rs.getString("status")), rs.getString("problem"),
                rs.getString("problem_arg"), rs.getInt("total_rows"), rs.getInt("bad_rows"),
                rs.getInt("processed_rows"), rs.getInt("households"), rs.getInt("residents"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("heartbeat_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
