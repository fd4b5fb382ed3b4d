package org.liandong.volunteer.recognition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.Masked;
import org.liandong.platform.PersonalDataCipher;
import org.liandong.volunteer.ServiceHours;
import org.liandong.volunteer.VolunteerDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates of service hours. Each is stored with a keyed hash over its number and content, so a number
 * that was not issued here, or a row changed afterwards, does not verify.
 */
@Service
public class Certificates {

    public record Certificate(String number, UUID volunteerId, String communityId, String name, int minutes,
                              LocalDate from, LocalDate to, Instant issuedAt, String signature) {

        public String hours() {
            return ServiceHours.hours(minutes);
        }

        public String maskedName() {
            return Masked.name(name);
        }

        public LocalDate issuedOn() {
            return issuedAt.atZone(ServiceHours.ZONE).toLocalDate();
        }
    }

    /** Crockford's base 32: no I, L, O or U to misread. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final JdbcClient jdbc;
    private final ServiceHours hours;
    private final VolunteerDirectory volunteers;
    private final PersonalDataCipher keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Certificates(JdbcClient jdbc, ServiceHours hours, VolunteerDirectory volunteers, PersonalDataCipher keys,
                 Clock clock) {
        this.jdbc = jdbc;
        this.hours = hours;
        this.volunteers = volunteers;
        this.keys = keys;
        this.clock = clock;
    }

    /** The volunteer's certificate for all hours so far; the same one again while the hours are unchanged. */
    @Transactional
    public Certificate issue(UUID volunteerId) {
        var volunteer = volunteers.byId(volunteerId).orElseThrow(() ->
                new InvalidValueException("volunteer.certificate.no-hours"));
        var totals = hours.totals(volunteerId);
        if (totals.minutes() <= 0 || totals.firstDay() == null || totals.lastDay() == null) {
            throw new InvalidValueException("volunteer.certificate.no-hours");
        }
        var existing = jdbc.sql("""
                select * from volunteer_certificate where volunteer_id = :v and minutes = :m and period_to = :to
                order by issued_at desc""")
                .param("v", volunteerId).param("m", totals.minutes()).param("to", java.sql.Date.valueOf(totals.lastDay()))
                .query(this::certificate).list();
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        var number = newNumber();
        var issuedAt = clock.instant();
        var signature = sign(number, volunteerId, volunteer.name(), totals.minutes(), totals.firstDay(),
                totals.lastDay());
        jdbc.sql("""
                insert into volunteer_certificate (number, volunteer_id, community_id, name, minutes, period_from,
                                                   period_to, issued_at, signature)
                values (:n, :v, :c, :name, :m, :from, :to, :at, :sig)""")
                .param("n", number).param("v", volunteerId).param("c", volunteer.communityId())
                .param("name", volunteer.name()).param("m", totals.minutes())
                .param("from", java.sql.Date.valueOf(totals.firstDay()))
                .param("to", java.sql.Date.valueOf(totals.lastDay())).param("at", Timestamp.from(issuedAt))
                .param("sig", signature).update();
        return new Certificate(number, volunteerId, volunteer.communityId(), volunteer.name(), totals.minutes(),
                totals.firstDay(), totals.lastDay(), issuedAt, signature);
    }

    /** The certificate if the number was issued here and its record is intact. */
    public Optional<Certificate> verify(String number) {
        if (number == null || !number.matches("LD\\d{4}-[0-9A-Z]{8}")) {
            return Optional.empty();
        }
        return jdbc.sql("select * from volunteer_certificate where number = :n").param("n", number)
                .query(this::certificate).optional()
                .filter(c -> MessageDigest.isEqual(c.signature().getBytes(StandardCharsets.US_ASCII),
                        sign(c.number(), c.volunteerId(), c.name(), c.minutes(), c.from(), c.to())
                                .getBytes(StandardCharsets.US_ASCII)));
    }

    private String newNumber() {
        var b = new StringBuilder("LD").append(clock.instant().atZone(ServiceHours.ZONE).getYear()).append('-');
        for (int i = 0; i < 8; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private String sign(String number, UUID volunteerId, String name, int minutes, LocalDate from, LocalDate to) {
        return keys.blindIndex("certificate|" + number + "|" + volunteerId + "|" + name + "|" + minutes + "|" + from
                + "|" + to);
    }

    private Certificate certificate(ResultSet rs, int n) throws SQLException {
        return new Certificate(rs.getString("number"), rs.getObject("volunteer_id", UUID.class),
                rs.getString("community_id"), rs.getString("name"), rs.getInt("minutes"),
                rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(),
                rs.getTimestamp("issued_at").toInstant(), rs.getString("signature").strip());
    }
}
