package org.liandong.care.observation;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.liandong.care.alert.AlertKind;
import org.liandong.care.alert.CareAlerts;
import org.liandong.care.alert.CareSettings;
import org.liandong.platform.TimeOrderedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for check-ins from phones: callers hand in a checked check-in and wait; a writer thread collects
 * what arrives within a few milliseconds (at most {@code batch-size}), writes it in one transaction with one JDBC
 * batch, raises the fever alerts of the batch in the same transaction, commits, and only then answers each caller.
 * So every acknowledged check-in is durable, and a thousand phones cost one commit instead of a thousand.
 *
 * <p>Each insert takes the case's community and resident from {@code care_observation} and only while the case
 * is open and the check-in code's version is the case's current one, and only if the case has no check-in with that
 * client token yet: a closed case, a rotated code or a repeated submission writes nothing, and is told apart
 * afterwards (so checking the code's version costs no read of its own). If the batch fails as a whole (e.g. the same token
 * raced in from the page), every item is tried again in its own transaction, so one bad item fails alone.
 */
@Component
public class CheckInWriter implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CheckInWriter.class);

    /** What became of a check-in. */
    public enum Result { RECORDED, DUPLICATE, CLOSED, UNKNOWN_CASE, CODE_ROTATED, BUSY, FAILED }

    public record Outcome(Result result, @Nullable UUID checkInId) {
    }

    /**
     * A check-in that passed the checks, its health data already encrypted; {@code codeVersion} is the version of
     * the check-in code it came with, written only while that is the case's current one.
     */
    public record Pending(UUID observationId, int codeVersion, Temperature temperature,
                          @Nullable String symptomsCipher, @Nullable String needsCipher, String clientToken) {
    }

    private record Item(UUID id, Pending p, Instant at, LocalDate day, Observations.Slot slot,
                        CompletableFuture<Outcome> answer) {
    }

    private static final String INSERT = """
            insert into care_checkin (id, observation_id, community_id, slot_date, slot, temperature_tenths,
                symptoms_cipher, needs_cipher, by_user, by_name, at, client_token)
            select ?, o.id, o.community_id, ?, ?, ?, ?, ?, o.resident_id, o.resident_name, ?, ?
            from care_observation o
            where o.id = ? and o.status = 'OPEN' and o.code_version = ?
              and not exists (select 1 from care_checkin k where k.observation_id = ? and k.client_token = ?)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Observations observations;
    private final CareAlerts alerts;
    private final CareSettings settings;
    private final Clock clock;
    private final BlockingQueue<Item> queue;
    private final int batchSize;
    private final Duration linger;
    private final List<Thread> writers = new ArrayList<>();
    private final int writerCount;
    private volatile boolean running;

    CheckInWriter(JdbcTemplate jdbc, PlatformTransactionManager transactions, Observations observations,
                  CareAlerts alerts, CareSettings settings, Clock clock,
                  @Value("${liandong.care.check-in-writer.batch-size:500}") int batchSize,
                  @Value("${liandong.care.check-in-writer.linger:PT0.002S}") Duration linger,
                  @Value("${liandong.care.check-in-writer.queue:20000}") int queueCapacity,
                  @Value("${liandong.care.check-in-writer.writers:2}") int writers) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.observations = observations;
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
        this.batchSize = batchSize;
        this.linger = linger;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writerCount = writers;
    }

    /** Queues the check-in; the future completes after the commit (or says why nothing was written). */
    public CompletableFuture<Outcome> submit(Pending pending) {
        var answer = new CompletableFuture<Outcome>();
        var now = clock.instant();
        var local = now.atZone(org.liandong.volunteer.ServiceHours.ZONE);
        var item = new Item(TimeOrderedIds.next(clock), pending, now, local.toLocalDate(),
                local.getHour() < 14 ? Observations.Slot.AM : Observations.Slot.PM, answer);
        if (!running || !queue.offer(item)) {
            answer.complete(new Outcome(Result.BUSY, null));
        }
        return answer;
    }

    // ---- the writer threads ------------------------------------------------------------------------------

    private void loop() {
        var batch = new ArrayList<Item>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                var deadline = System.nanoTime() + linger.toNanos();
                while (batch.size() < batchSize) {
                    queue.drainTo(batch, batchSize - batch.size());
                    var left = deadline - System.nanoTime();
                    if (batch.size() >= batchSize || left <= 0) {
                        break;
                    }
                    var next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("check-in writer: unexpected failure", e);
                batch.forEach(i -> i.answer().complete(new Outcome(Result.FAILED, null)));
            } finally {
                batch.clear();
            }
        }
    }

    void write(List<Item> batch) {
        List<Outcome> outcomes;
        try {
            outcomes = tx.execute(s -> writeAll(batch));
        } catch (RuntimeException batchFailed) {
            LOG.warn("check-in batch of {} failed ({}); writing its items one by one", batch.size(),
                    batchFailed.toString());
            outcomes = new ArrayList<>();
            for (var item : batch) {
                try {
                    outcomes.add(tx.execute(s -> writeAll(List.of(item)).getFirst()));
                } catch (RuntimeException itemFailed) {
                    LOG.warn("check-in {} for case {} not written: {}", item.id(), item.p().observationId(),
                            itemFailed.toString());
                    outcomes.add(new Outcome(Result.FAILED, null));
                }
            }
        }
        for (var i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(outcomes.get(i));
        }
    }

    private List<Outcome> writeAll(List<Item> batch) {
        var counts = jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int n) throws SQLException {
                var item = batch.get(n);
                var p = item.p();
                ps.setObject(1, item.id());
                ps.setDate(2, java.sql.Date.valueOf(item.day()));
                ps.setString(3, item.slot().name());
                ps.setInt(4, p.temperature().tenths());
                ps.setString(5, p.symptomsCipher());
                ps.setString(6, p.needsCipher());
                ps.setTimestamp(7, Timestamp.from(item.at()));
                ps.setString(8, p.clientToken());
                ps.setObject(9, p.observationId());
                ps.setInt(10, p.codeVersion());
                ps.setObject(11, p.observationId());
                ps.setString(12, p.clientToken());
            }

            @Override
            public int getBatchSize() {
                return batch.size();
            }
        });
        var outcomes = new ArrayList<Outcome>(batch.size());
        var cases = new HashMap<UUID, Observations.Case>();
        for (var n = 0; n < batch.size(); n++) {
            var item = batch.get(n);
            if (counts[n] != 0) {
                outcomes.add(new Outcome(Result.RECORDED, item.id()));
                if (item.p().temperature().fever()) {
                    var c = cases.computeIfAbsent(item.p().observationId(),
                            id -> observations.find(id).orElseThrow());
                    alerts.raise(new CareAlerts.NewAlert(c.communityId(), AlertKind.FEVER, "observation", c.id(),
                            c.residentId(), c.residentName(), null, "fever:" + item.id(), c.responsibleId(),
                            settings.alertActWithin()), item.at());
                }
            } else {
                outcomes.add(notWritten(item.p()));
            }
        }
        return outcomes;
    }

    /**
     * Why an insert wrote nothing: the case is unknown, the code was rotated (checked before the token, so an old
     * code learns nothing more), the token was there already, or the case is closed.
     */
    private Outcome notWritten(Pending p) {
        var found = jdbc.query("select status, code_version from care_observation where id = ?",
                (rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)}, p.observationId());
        if (found.isEmpty()) {
            return new Outcome(Result.UNKNOWN_CASE, null);
        }
        if ((int) found.getFirst()[1] != p.codeVersion()) {
            return new Outcome(Result.CODE_ROTATED, null);
        }
        var existing = jdbc.query("select id from care_checkin where observation_id = ? and client_token = ?",
                (rs, n) -> rs.getObject(1, UUID.class), p.observationId(), p.clientToken());
        if (!existing.isEmpty()) {
            return new Outcome(Result.DUPLICATE, existing.getFirst());
        }
        return new Outcome(Result.CLOSED, null);
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (var i = 0; i < Math.max(1, writerCount); i++) {
            var thread = Thread.ofPlatform().name("care-check-in-writer-" + i).daemon().unstarted(this::loop);
            writers.add(thread);
            thread.start();
        }
    }

    /** Stops taking check-ins, writes what is queued, then ends the writers. */
    @Override
    public synchronized void stop() {
        running = false;
        for (var thread : writers) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writers.clear();
        Item left;
        while ((left = queue.poll()) != null) {
            left.answer().complete(new Outcome(Result.BUSY, null));
        }
    }

    /** Starts before the web server and stops after it, so requests in flight are still written. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
