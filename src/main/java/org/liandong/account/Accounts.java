package org.liandong.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Registry;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.PhoneNumber;
import org.liandong.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts, registers residents, and runs the household claims that staff confirm. */
@Service
public class Accounts {

    public record Claim(UUID id, UUID userId, String username, String displayName, UUID householdId,
                        String communityId, String residentName, String status, java.time.Instant createdAt,
                        boolean nameMatches) {
    }

    /** An account as other modules address it: to send it something, or to list who has not read it. */
    public record Holder(UUID userId, String displayName, @Nullable UUID householdId) {
    }

    static final int MIN_PASSWORD = 8;

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Registry registry;
    private final Clock clock;

    Accounts(JdbcClient jdbc, PasswordEncoder encoder, Registry registry, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.registry = registry;
        this.clock = clock;
    }

    /** Creates a staff or other account with its scope (streets and/or communities). */
    @Transactional
    public UUID create(String username, String displayName, String password, Role role,
                       Collection<String> streetIds, Collection<String> communityIds, @Nullable UUID householdId) {
        checkPassword(password);
        return insert(username, displayName, encoder.encode(password), role, streetIds, communityIds, householdId);
    }

    /**
     * Creates an account nobody can sign in to until {@link #setPassword} is called: its password hash is a random
     * bcrypt-shaped value that matches no password. For accounts made by the hundred (volunteers approved in a
     * batch), where hashing a throw-away password with bcrypt would cost a tenth of a second each.
     */
    @Transactional
    public UUID createWithoutPassword(String username, String displayName, Role role, Collection<String> communityIds) {
        return insert(username, displayName, unusableHash(), role, List.of(), communityIds, null);
    }

    private UUID insert(String username, String displayName, String passwordHash, Role role,
                        Collection<String> streetIds, Collection<String> communityIds, @Nullable UUID householdId) {
        if (exists(username)) {
            throw new InvalidValueException("account.error.username-taken");
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into user_account (id, username, display_name, password_hash, role, enabled, household_id,
                    failed_logins, created_at)
                values (:id, :u, :n, :p, :r, true, :h, 0, :at)""")
                .param("id", id).param("u", username).param("n", displayName).param("p", passwordHash)
                .param("r", role.name()).param("h", householdId).param("at", Timestamp.from(clock.instant()))
                .update();
        for (var street : streetIds) {
            jdbc.sql("insert into user_scope (user_id, street_id) values (:id, :s)").param("id", id)
                    .param("s", street).update();
        }
        for (var community : communityIds) {
            jdbc.sql("insert into user_scope (user_id, community_id) values (:id, :c)").param("id", id)
                    .param("c", community).update();
        }
        return id;
    }

    /** A resident signs up with their mobile number as the user name. */
    @Transactional
    public UUID registerResident(String phone, String displayName, String password) {
        if (!PhoneNumber.isValid(phone)) {
            throw new InvalidValueException("phone.error.format");
        }
        var name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 50) {
            throw new InvalidValueException("account.error.name");
        }
        return create(PhoneNumber.normalise(phone), name, password, Role.RESIDENT, List.of(), List.of(), null);
    }

    /** A resident says which household they live in; staff of that community see the claim and decide. */
    @Transactional
    public UUID claimHousehold(LiandongUser resident, String communityId, String building, String room,
                               String residentName) {
        if (resident.householdId().isPresent()) {
            throw new InvalidValueException("claim.error.already-linked");
        }
        var household = registry.findHousehold(communityId, building, room)
                .orElseThrow(() -> new InvalidValueException("claim.error.no-household"));
        var pending = jdbc.sql("select count(*) from household_claim where user_id = :u and status = 'PENDING'")
                .param("u", resident.userId()).query(Long.class).single();
        if (pending > 0) {
            throw new InvalidValueException("claim.error.pending");
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into household_claim (id, user_id, household_id, community_id, resident_name, status, created_at)
                values (:id, :u, :h, :c, :n, 'PENDING', :at)""")
                .param("id", id).param("u", resident.userId()).param("h", household).param("c", communityId)
                .param("n", residentName.strip()).param("at", Timestamp.from(clock.instant())).update();
        return id;
    }

    public Optional<Claim> latestClaimOf(UUID userId) {
        return jdbc.sql(CLAIM_SELECT + " where hc.user_id = :u order by hc.created_at desc limit 1")
                .param("u", userId).query(this::claim).optional();
    }

    public List<Claim> pendingClaims(AccessScope scope) {
        if (!scope.everything() && scope.communityIds().isEmpty()) {
            return List.of();
        }
        var where = scope.everything() ? "" : " and hc.community_id in (:ids)";
        var spec = jdbc.sql(CLAIM_SELECT + " where hc.status = 'PENDING'" + where + " order by hc.created_at");
        if (!scope.everything()) {
            spec = spec.param("ids", scope.communityIds());
        }
        return spec.query(this::claim).list();
    }

    public long pendingClaimCount(AccessScope scope) {
        return pendingClaims(scope).size();
    }

    @Transactional
    public void decide(LiandongUser staff, UUID claimId, boolean confirm, @Nullable String note) {
        var claim = jdbc.sql(CLAIM_SELECT + " where hc.id = :id").param("id", claimId).query(this::claim)
                .optional().orElseThrow(OutOfScopeException::new);
        staff.scope().check(claim.communityId());
        if (!"PENDING".equals(claim.status())) {
            throw new InvalidValueException("claim.error.decided");
        }
        jdbc.sql("""
                update household_claim set status = :s, decided_at = :at, decided_by = :by, note = :note where id = :id""")
                .param("s", confirm ? "CONFIRMED" : "REJECTED").param("at", Timestamp.from(clock.instant()))
                .param("by", staff.displayName()).param("note", note == null || note.isBlank() ? null : note.strip())
                .param("id", claimId).update();
        if (confirm) {
            jdbc.sql("update user_account set household_id = :h where id = :u")
                    .param("h", claim.householdId()).param("u", claim.userId()).update();
        }
    }

    /** The household a resident's confirmed claim links them to, as they may see it: their own, nothing else. */
    public Optional<Registry.HouseholdView> ownHousehold(UUID userId) {
        return householdOf(userId).flatMap(id -> registry.communityOfHousehold(id)
                .map(community -> registry.household(AccessScope.of(List.of(community)), id)));
    }

    public Optional<UUID> householdOf(UUID userId) {
        return jdbc.sql("select household_id from user_account where id = :id").param("id", userId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).single();
    }

    /** Sets a new password (e.g. a volunteer choosing theirs after approval); the person's other data stay. */
    @Transactional
    public void setPassword(UUID userId, String password) {
        checkPassword(password);
        jdbc.sql("update user_account set password_hash = :p where id = :id")
                .param("p", encoder.encode(password)).param("id", userId).update();
    }

    private static final String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** A well-formed bcrypt hash of no known password (salt and digest random): sign-in with it always fails. */
    private static String unusableHash() {
        var b = new StringBuilder("{bcrypt}$2a$10$");
        for (int i = 0; i < 53; i++) {
            b.append(BCRYPT_ALPHABET.charAt(RANDOM.nextInt(BCRYPT_ALPHABET.length())));
        }
        return b.toString();
    }

    /** The account whose user name is this (a resident's is their mobile number). */
    public Optional<UUID> idOf(String username) {
        return jdbc.sql("select id from user_account where username = :u").param("u", username).query(UUID.class)
                .optional();
    }

    /**
     * Adds a role to an existing account (kept besides its main role), effective from the next sign-in. Returns
     * false when the account already held it.
     */
    @Transactional
    public boolean grantRole(UUID userId, Role role) {
        var main = jdbc.sql("select role from user_account where id = :id").param("id", userId).query(String.class)
                .optional().orElseThrow(() -> new InvalidValueException("error.not-found"));
        if (main.equals(role.name())) {
            return false;
        }
        var held = jdbc.sql("select count(*) from user_role where user_id = :id and role = :r").param("id", userId)
                .param("r", role.name()).query(Integer.class).single();
        if (held > 0) {
            return false;
        }
        jdbc.sql("insert into user_role (user_id, role, granted_at) values (:id, :r, :at)").param("id", userId)
                .param("r", role.name()).param("at", Timestamp.from(clock.instant())).update();
        return true;
    }

    /** Enabled accounts of a role whose scope names one of these communities (directly or through its street). */
    public List<Holder> withRole(Role role, Collection<String> communityIds) {
        if (communityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select distinct u.id, u.display_name, u.household_id from user_account u join user_scope s on s.user_id = u.id
                left join community c on c.street_id = s.street_id
                where u.role = :role and u.enabled = true and (s.community_id in (:c) or c.id in (:c))
                order by u.display_name, u.id""")
                .param("role", role.name()).param("c", communityIds)
                .query((rs, n) -> new Holder(rs.getObject("id", UUID.class), rs.getString("display_name"),
                        rs.getObject("household_id", UUID.class))).list();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from user_account where username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidValueException("account.error.password-short", MIN_PASSWORD);
        }
        if (password.length() > 72) {
            throw new InvalidValueException("account.error.password-long");
        }
    }

    private static final String CLAIM_SELECT = """
            select hc.*, u.username, u.display_name from household_claim hc join user_account u on u.id = hc.user_id""";

    private Claim claim(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var household = rs.getObject("household_id", UUID.class);
        var name = rs.getString("resident_name");
        return new Claim(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), household, rs.getString("community_id"), name, rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), registry.livesIn(household, name));
    }
}
