package org.liandong.volunteer;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.liandong.Fixtures;
import org.liandong.account.Accounts;
import org.liandong.platform.PersonalDataCipher;
import org.liandong.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Approved volunteers for tests of rosters, tasks, hours and recognition: rows written directly, as the
 * vetting would leave them, each with a VOLUNTEER account (password {@link Fixtures#PASSWORD}).
 */
public class VolunteerFixtures {

    public record TestVolunteer(UUID id, UUID userId, String username, String name, String communityId) {
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger(
            java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 1_000_000));

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final PersonalDataCipher cipher;

    public VolunteerFixtures(JdbcClient jdbc, Accounts accounts, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.cipher = cipher;
    }

    public List<TestVolunteer> volunteers(String communityId, int count, Set<VolunteerCategory> categories,
                                          Availability availability) {
        var out = new ArrayList<TestVolunteer>();
        for (int i = 0; i < count; i++) {
            out.add(volunteer(communityId, categories, availability));
        }
        return out;
    }

    public TestVolunteer volunteer(String communityId, Set<VolunteerCategory> categories, Availability availability) {
        var n = SEQUENCE.incrementAndGet();
        var id = Fixtures.nextIdNumber();
        var phone = "137" + String.format("%08d", n % 100_000_000);
        var name = "志愿者" + n;
        var username = "v" + phone;
        var userId = accounts.create(username, name, Fixtures.PASSWORD, Role.VOLUNTEER, List.of(), List.of(), null);
        var applicationId = UUID.randomUUID();
        var now = Timestamp.from(Instant.now());
        var hash = cipher.blindIndex(id.value());
        jdbc.sql("""
                insert into volunteer_application (id, reference_code, name, sex, birth_date, id_number_cipher,
                    id_number_hash, phone, community_id, categories, availability, available_from, hours_per_week,
                    motivation, motivation_score, health_ok, guardian_consent, consent_at, status, submitted_at,
                    decided_at, decided_by)
                values (:id, :code, :name, :sex, :birth, :cipher, :hash, :phone, :c, :cats, :avail, :from, 20,
                    '想为社区出一份力', 70, true, false, :now, 'APPROVED', :now, :now, 'fixture')""")
                .param("id", applicationId).param("code", "T" + Integer.toString(n, 36).toUpperCase())
                .param("name", name).param("sex", id.male() ? "M" : "F").param("birth", java.sql.Date.valueOf(id.birthDate()))
                .param("cipher", cipher.encrypt(id.value())).param("hash", hash).param("phone", phone)
                .param("c", communityId).param("cats", VolunteerDirectory.categories(categories))
                .param("avail", availability.pattern()).param("from", java.sql.Date.valueOf(LocalDate.now()))
                .param("now", now).update();
        var volunteerId = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteer (id, application_id, user_id, community_id, name, phone, id_number_hash,
                    categories, availability, hours_per_week, active, approved_at)
                values (:id, :app, :user, :c, :name, :phone, :hash, :cats, :avail, 20, true, :now)""")
                .param("id", volunteerId).param("app", applicationId).param("user", userId).param("c", communityId)
                .param("name", name).param("phone", phone).param("hash", hash)
                .param("cats", VolunteerDirectory.categories(categories)).param("avail", availability.pattern())
                .param("now", now).update();
        for (var category : categories) {
            jdbc.sql("insert into volunteer_skill (volunteer_id, category, certificate) values (:v, :c, :cert)")
                    .param("v", volunteerId).param("c", category.name())
                    .param("cert", category.needsCertificate() ? "CERT" + n : null).update();
        }
        return new TestVolunteer(volunteerId, userId, username, name, communityId);
    }
}
