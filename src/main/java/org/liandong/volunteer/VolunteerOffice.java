package org.liandong.volunteer;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.account.Accounts;
import org.liandong.platform.AuditLog;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides applications, one or hundreds at a time. Each application is decided in its own transaction, so a
 * problem with one (say its phone already has an account) leaves the others decided; applications someone
 * else decided in the meantime are skipped and counted.
 *
 * <p>Approval creates a VOLUNTEER account (user name = phone) that nobody can sign in to yet; the applicant chooses
 * the password on the status page with phone + reference code ({@link Applications#choosePassword}). No password
 * is ever shown to staff, and no bcrypt work is done per approval, so 300 approvals take seconds.
 */
@Service
public class VolunteerOffice {

    public enum Decision {
        APPROVE(ApplicationStatus.APPROVED), REJECT(ApplicationStatus.REJECTED), HOLD(ApplicationStatus.ON_HOLD);

        private final ApplicationStatus status;

        Decision(ApplicationStatus status) {
            this.status = status;
        }

        public ApplicationStatus status() {
            return status;
        }

        public boolean needsReason() {
            return this != APPROVE;
        }
    }

    /** What a batch did: decided, skipped because already decided, refused because the phone has an account. */
    public record Outcome(Decision decision, int decided, int alreadyDecided, int accountExists)
            implements java.io.Serializable {
    }

    static final int REASON_MAX = 300;
    static final int BATCH_MAX = 1000;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Applications applications;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    VolunteerOffice(JdbcClient jdbc, Accounts accounts, Applications applications, AuditLog audit,
                    ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.applications = applications;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    public Outcome decide(LiandongUser staff, Collection<UUID> ids, Decision decision, @Nullable String reason) {
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        var why = reason == null ? "" : reason.strip();
        if (decision.needsReason() && why.isEmpty()) {
            throw new InvalidValueException("volunteer.vetting.error.reason");
        }
        if (why.length() > REASON_MAX) {
            throw new InvalidValueException("volunteer.apply.error.too-long", REASON_MAX);
        }
        var unique = new LinkedHashSet<>(ids);
        if (unique.isEmpty()) {
            throw new InvalidValueException("volunteer.vetting.error.none-selected");
        }
        if (unique.size() > BATCH_MAX) {
            throw new InvalidValueException("volunteer.vetting.error.too-many", BATCH_MAX);
        }
        checkScope(staff, unique);
        int decided = 0;
        int skipped = 0;
        int accountExists = 0;
        for (var id : unique) {
            try {
                var done = tx.execute(status -> decideOne(staff, id, decision, why.isEmpty() ? null : why));
                if (Boolean.TRUE.equals(done)) {
                    decided++;
                } else {
                    skipped++;
                }
            } catch (InvalidValueException | org.springframework.dao.DataIntegrityViolationException e) {
                // the phone already names an account, or the person is already a volunteer
                accountExists++;
            }
        }
        return new Outcome(decision, decided, skipped, accountExists);
    }

    private void checkScope(LiandongUser staff, Collection<UUID> ids) {
        var list = List.copyOf(ids);
        for (int from = 0; from < list.size(); from += 500) {
            var chunk = list.subList(from, Math.min(list.size(), from + 500));
            var communities = jdbc.sql("select community_id from volunteer_application where id in (:ids)")
                    .param("ids", chunk).query(String.class).list();
            if (communities.size() != chunk.size()) {
                throw new OutOfScopeException();
            }
            communities.forEach(staff.scope()::check);
        }
    }

    /** @return false when the application was already decided */
    private boolean decideOne(LiandongUser staff, UUID id, Decision decision, @Nullable String reason) {
        var row = jdbc.sql("select status, name, phone, community_id from volunteer_application where id = :id for update")
                .param("id", id).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)}).single();
        var current = ApplicationStatus.valueOf(row[0]);
        if (!current.open() || current == decision.status()) {
            return false;
        }
        var now = clock.instant();
        jdbc.sql("""
                update volunteer_application set status = :s, decided_at = :at, decided_by = :by, reason = :r
                where id = :id""")
                .param("s", decision.status().name()).param("at", Timestamp.from(now)).param("by", staff.displayName())
                .param("r", reason).param("id", id).update();
        applications.event(id, decision.status(), staff.displayName(), reason);
        if (decision == Decision.APPROVE) {
            var volunteerId = approve(id, row[1], row[2]);
            events.publishEvent(new VolunteerApproved(volunteerId, id, row[3], now));
            audit.record(staff, "APPROVE_VOLUNTEER", "volunteer_application", id.toString(), row[1], row[3], reason);
        }
        return true;
    }

    /**
     * Lets an approved volunteer sign in with a VOLUNTEER account made outside vetting (the demo's named login, an
     * account from an import) instead of the one approval created, which stays unused with its unusable password.
     *
     * @throws InvalidValueException if the account is not a volunteer's or already belongs to another volunteer
     */
    @Transactional
    public void useAccount(UUID volunteerId, LiandongUser account) {
        if (!account.holds(Role.VOLUNTEER)) {
            throw new InvalidValueException("volunteer.account.error.not-volunteer");
        }
        var holder = jdbc.sql("select id from volunteer where user_id = :u").param("u", account.userId())
                .query(UUID.class).optional();
        if (holder.isPresent() && !holder.get().equals(volunteerId)) {
            throw new InvalidValueException("volunteer.account.error.taken");
        }
        if (jdbc.sql("update volunteer set user_id = :u where id = :v").param("u", account.userId())
                .param("v", volunteerId).update() != 1) {
            throw new OutOfScopeException();
        }
    }

    /**
     * A person who already has an account (most often a resident who signed up with the same mobile number) keeps
     * it and gains the volunteer role; anyone else gets a new account without a password.
     */
    private UUID approve(UUID applicationId, String name, String phone) {
        var existing = accounts.idOf(phone);
        if (existing.isPresent()) {
            var already = jdbc.sql("select count(*) from volunteer where user_id = :u").param("u", existing.get())
                    .query(Integer.class).single();
            if (already > 0) {
                throw new InvalidValueException("volunteer.vetting.error.already-volunteer");
            }
            accounts.grantRole(existing.get(), Role.VOLUNTEER);
            jdbc.sql("update volunteer_application set password_set_at = :at where id = :a")
                    .param("at", Timestamp.from(clock.instant())).param("a", applicationId).update();
        }
        var userId = existing.orElseGet(() -> accounts.createWithoutPassword(phone, name, Role.VOLUNTEER, List.of()));
        var volunteerId = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteer (id, application_id, user_id, community_id, name, phone, id_number_hash, categories,
                    availability, hours_per_week, active, approved_at)
                select :v, id, :u, community_id, name, phone, id_number_hash, categories, availability, hours_per_week,
                    true, :at from volunteer_application where id = :a""")
                .param("v", volunteerId).param("u", userId).param("at", Timestamp.from(clock.instant()))
                .param("a", applicationId).update();
        jdbc.sql("""
                insert into volunteer_skill (volunteer_id, category, certificate)
                select :v, category, certificate from volunteer_application_skill where application_id = :a""")
                .param("v", volunteerId).param("a", applicationId).update();
        return volunteerId;
    }
}
