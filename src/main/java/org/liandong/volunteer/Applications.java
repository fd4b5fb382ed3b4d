package org.liandong.volunteer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.account.Accounts;
import org.liandong.community.Places;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Masked;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.PersonalDataCipher;
import org.liandong.platform.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer applications from the public side (submit, look up the status, choose a password once
 * approved) and a single application as staff see it.
 */
@Service
public class Applications {

    /** What the applicant sees on the status page. */
    public record Status(UUID id, String name, ApplicationStatus status, @Nullable String reason, Instant submittedAt,
                         boolean passwordSet) {
    }

    public record Event(ApplicationStatus status, Instant at, String byName, @Nullable String reason) {
    }

    public record Skill(VolunteerCategory category, @Nullable String certificate) {
    }

    /** One application as staff see it: ID masked, phone masked, answers to the questionnaire. */
    public record Detail(UUID id, String referenceCode, String name, char sex, LocalDate birthDate, String maskedId,
                         String maskedPhone, String communityId, String communityName, List<Skill> skills,
                         Availability availability, LocalDate availableFrom, @Nullable LocalDate availableUntil,
                         int hoursPerWeek, java.util.Map<String, String> answers, int motivationScore,
                         boolean healthOk, @Nullable String healthNote, boolean guardianConsent,
                         @Nullable String referrerName, ApplicationStatus status, @Nullable String reason,
                         @Nullable String interviewNote, Instant submittedAt, List<Event> events) {
    }

    static final int INTERVIEW_NOTE_MAX = 1000;

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Places places;
    private final Accounts accounts;
    private final Clock clock;

    Applications(JdbcClient jdbc, PersonalDataCipher cipher, Places places, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.places = places;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Stores a new application and its SUBMITTED event; returns the reference code.
     *
     * @throws ApplicationRefused listing every problem (nothing is written)
     */
    @Transactional
    public String submit(ApplicationForm form) {
        var today = LocalDate.now(clock);
        ValidApplication valid;
        try {
            valid = ApplicationCheck.check(form, today);
        } catch (ApplicationRefused refused) {
            throw withCommunityCheck(refused, form.communityId());
        }
        var problems = new ArrayList<ApplicationProblem>();
        if (places.community(valid.communityId()).isEmpty()) {
            problems.add(new ApplicationProblem("communityId", "volunteer.apply.error.community"));
        }
        var hash = cipher.blindIndex(valid.idNumber().value());
        if (count("select count(*) from volunteer_application where id_number_hash = :v and status in "
                + "('SUBMITTED', 'ON_HOLD', 'APPROVED')", hash) > 0) {
            problems.add(new ApplicationProblem("idNumber", "volunteer.apply.error.duplicate"));
        }
        var phone = valid.phone().value();
        if (count("select count(*) from volunteer_application where phone = :v and id_number_hash <> :h", phone, hash)
                > 0 || count("select count(*) from volunteer where phone = :v and id_number_hash <> :h", phone, hash) > 0) {
            problems.add(new ApplicationProblem("phone", "volunteer.apply.error.phone-taken"));
        }
        UUID referrer = null;
        if (valid.referrerPhone() != null) {
            referrer = jdbc.sql("select id from volunteer where phone = :p and active = true")
                    .param("p", valid.referrerPhone().value()).query(UUID.class).optional().orElse(null);
            if (referrer == null) {
                problems.add(new ApplicationProblem("referrerPhone", "volunteer.apply.error.referrer"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApplicationRefused(problems);
        }
        return insert(valid, hash, referrer);
    }

    private ApplicationRefused withCommunityCheck(ApplicationRefused refused, String communityId) {
        if (!communityId.isBlank() && communityId.length() <= 12 && places.community(communityId).isEmpty()
                && refused.problems().stream().noneMatch(p -> p.field().equals("communityId"))) {
            var all = new ArrayList<>(refused.problems());
            all.add(new ApplicationProblem("communityId", "volunteer.apply.error.community"));
            return new ApplicationRefused(all);
        }
        return refused;
    }

    private String insert(ValidApplication valid, String hash, @Nullable UUID referrer) {
        var id = UUID.randomUUID();
        var code = ReferenceCode.next();
        while (count("select count(*) from volunteer_application where reference_code = :v", code) > 0) {
            code = ReferenceCode.next();
        }
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into volunteer_application (id, reference_code, name, sex, birth_date, id_number_cipher,
                    id_number_hash, phone, community_id, categories, availability, available_from, available_until,
                    hours_per_week, motivation, motivation_score, health_ok, health_note, guardian_consent,
                    referrer_phone, referrer_id, consent_at, status, submitted_at)
                values (:id, :code, :name, :sex, :birth, :cipher, :hash, :phone, :c, :cats, :avail, :from, :until,
                    :hours, :motivation, :score, :healthOk, :healthNote, :guardian, :refPhone, :ref, :now,
                    'SUBMITTED', :now)""")
                .param("id", id).param("code", code).param("name", valid.name())
                .param("sex", String.valueOf(valid.sex())).param("birth", java.sql.Date.valueOf(valid.birthDate()))
                .param("cipher", cipher.encrypt(valid.idNumber().value())).param("hash", hash)
                .param("phone", valid.phone().value()).param("c", valid.communityId())
                .param("cats", VolunteerDirectory.categories(valid.categories()))
                .param("avail", valid.availability().pattern())
                .param("from", java.sql.Date.valueOf(valid.availableFrom()))
                .param("until", valid.availableUntil() == null ? null : java.sql.Date.valueOf(valid.availableUntil()))
                .param("hours", valid.hoursPerWeek()).param("motivation", MotivationScore.stored(valid.answers()))
                .param("score", valid.motivationScore()).param("healthOk", valid.healthOk())
                .param("healthNote", valid.healthNote()).param("guardian", valid.guardianConsent())
                .param("refPhone", valid.referrerPhone() == null ? null : valid.referrerPhone().value())
                .param("ref", referrer).param("now", now).update();
        for (var category : valid.categories()) {
            jdbc.sql("insert into volunteer_application_skill (application_id, category, certificate) values (:a, :c, :n)")
                    .param("a", id).param("c", category.name()).param("n", valid.certificates().get(category)).update();
        }
        event(id, ApplicationStatus.SUBMITTED, valid.name(), null);
        return code;
    }

    void event(UUID applicationId, ApplicationStatus status, String byName, @Nullable String reason) {
        jdbc.sql("""
                insert into volunteer_application_event (id, application_id, status, at, by_name, reason)
                values (:id, :a, :s, :at, :by, :r)""")
                .param("id", UUID.randomUUID()).param("a", applicationId).param("s", status.name())
                .param("at", Timestamp.from(clock.instant())).param("by", byName).param("r", reason).update();
    }

    /** The same answer for a wrong phone, a wrong code or both: nothing to learn by guessing. */
    public Optional<Status> status(String phone, String code) {
        var normalPhone = PhoneNumber.normalise(phone);
        var normalCode = ReferenceCode.normalise(code);
        if (!PhoneNumber.isValid(normalPhone) || normalCode.length() != ReferenceCode.LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("select * from volunteer_application where phone = :p and reference_code = :c")
                .param("p", normalPhone).param("c", normalCode)
                .query((rs, n) -> new Status(rs.getObject("id", UUID.class), rs.getString("name"),
                        ApplicationStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                        rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("password_set_at") != null))
                .optional();
    }

    /**
     * The approved applicant chooses the password of the account created on approval, once; afterwards they
     * sign in with phone and password like everyone else.
     */
    @Transactional
    public void choosePassword(String phone, String code, String password) {
        var status = status(phone, code).orElseThrow(OutOfScopeException::new);
        if (status.status() != ApplicationStatus.APPROVED || status.passwordSet()) {
            throw new InvalidValueException("volunteer.status.error.password-not-open");
        }
        var userId = jdbc.sql("select user_id from volunteer where application_id = :a").param("a", status.id())
                .query(UUID.class).single();
        accounts.setPassword(userId, password);
        jdbc.sql("update volunteer_application set password_set_at = :at where id = :id")
                .param("at", Timestamp.from(clock.instant())).param("id", status.id()).update();
    }

    public Detail detail(AccessScope scope, UUID id) {
        var detail = jdbc.sql("""
                select a.*, c.name as community_name, v.name as referrer_name from volunteer_application a
                join community c on c.id = a.community_id left join volunteer v on v.id = a.referrer_id
                where a.id = :id""").param("id", id).query((rs, n) -> {
                    var until = rs.getDate("available_until");
                    return new Detail(rs.getObject("id", UUID.class), rs.getString("reference_code"),
                            rs.getString("name"), rs.getString("sex").charAt(0), rs.getDate("birth_date").toLocalDate(),
                            Masked.idNumber(cipher.decrypt(rs.getString("id_number_cipher"))),
                            Masked.phone(rs.getString("phone")), rs.getString("community_id"),
                            rs.getString("community_name"), List.of(), new Availability(rs.getString("availability")),
                            rs.getDate("available_from").toLocalDate(), until == null ? null : until.toLocalDate(),
                            rs.getInt("hours_per_week"), MotivationScore.parse(rs.getString("motivation")),
                            rs.getInt("motivation_score"), rs.getBoolean("health_ok"), rs.getString("health_note"),
                            rs.getBoolean("guardian_consent"), rs.getString("referrer_name"),
                            ApplicationStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                            rs.getString("interview_note"), rs.getTimestamp("submitted_at").toInstant(), List.of());
                }).optional().orElseThrow(OutOfScopeException::new);
        scope.check(detail.communityId());
        var skills = jdbc.sql("select category, certificate from volunteer_application_skill where application_id = :a")
                .param("a", id).query((rs, n) -> new Skill(VolunteerCategory.valueOf(rs.getString(1)), rs.getString(2)))
                .list().stream().sorted(java.util.Comparator.comparing(Skill::category)).toList();
        var events = jdbc.sql("select * from volunteer_application_event where application_id = :a order by at, status")
                .param("a", id).query((rs, n) -> new Event(ApplicationStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("at").toInstant(), rs.getString("by_name"), rs.getString("reason"))).list();
        return new Detail(detail.id(), detail.referenceCode(), detail.name(), detail.sex(), detail.birthDate(),
                detail.maskedId(), detail.maskedPhone(), detail.communityId(), detail.communityName(), skills,
                detail.availability(), detail.availableFrom(), detail.availableUntil(), detail.hoursPerWeek(),
                detail.answers(), detail.motivationScore(), detail.healthOk(), detail.healthNote(),
                detail.guardianConsent(), detail.referrerName(), detail.status(), detail.reason(),
                detail.interviewNote(), detail.submittedAt(), events);
    }

    @Transactional
    public void noteInterview(LiandongUser staff, UUID id, String note) {
        detail(staff.scope(), id);
        var text = note == null ? "" : note.strip();
        if (text.length() > INTERVIEW_NOTE_MAX) {
            throw new InvalidValueException("volunteer.apply.error.too-long", INTERVIEW_NOTE_MAX);
        }
        jdbc.sql("update volunteer_application set interview_note = :n where id = :id")
                .param("n", text.isEmpty() ? null : text).param("id", id).update();
    }

    private long count(String sql, String value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }

    private long count(String sql, String value, String hash) {
        return jdbc.sql(sql).param("v", value).param("h", hash).query(Long.class).single();
    }
}
