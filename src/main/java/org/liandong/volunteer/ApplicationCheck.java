package org.liandong.volunteer;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.PhoneNumber;

/**
 * The rules an application must meet, field by field, collecting every problem. Age: 18–70, or 16–17 with
 * a guardian's consent; birth date and sex must be those the ID number carries (GB 11643).
 */
final class ApplicationCheck {

    static final int NAME_MAX = 50;
    static final int NOTE_MAX = 300;
    static final int CERTIFICATE_MAX = 50;
    static final int MIN_AGE = 18;
    static final int MIN_AGE_WITH_GUARDIAN = 16;
    static final int MAX_AGE = 70;

    private final List<ApplicationProblem> problems = new ArrayList<>();
    private final LocalDate today;

    private ApplicationCheck(LocalDate today) {
        this.today = today;
    }

    /** @throws ApplicationRefused with every problem found */
    static ValidApplication check(ApplicationForm form, LocalDate today) {
        return new ApplicationCheck(today).run(form);
    }

    private ValidApplication run(ApplicationForm form) {
        var name = name(form.name());
        char sex = "M".equals(form.sex()) ? 'M' : "F".equals(form.sex()) ? 'F' : '?';
        if (sex == '?') {
            problem("sex", "volunteer.apply.error.sex");
        }
        var birth = date("birthDate", form.birthDate(), true);
        var id = idNumber(form.idNumber());
        if (id != null && birth != null && !id.birthDate().equals(birth)) {
            problem("birthDate", "volunteer.apply.error.birth-date-mismatch");
        }
        if (id != null && sex != '?' && id.male() != (sex == 'M')) {
            problem("sex", "volunteer.apply.error.sex-mismatch");
        }
        var age = id != null ? id.birthDate() : birth;
        if (age != null) {
            age(Period.between(age, today).getYears(), form.guardianConsent());
        }
        var phone = phone("phone", form.phone(), true);
        if (form.communityId().isBlank() || form.communityId().length() > 12) {
            problem("communityId", "volunteer.apply.error.community");
        }
        var categories = EnumSet.noneOf(VolunteerCategory.class);
        form.categories().forEach(c -> VolunteerCategory.fromCode(c).ifPresentOrElse(categories::add,
                () -> problem("categories", "volunteer.apply.error.categories")));
        if (categories.isEmpty()) {
            problem("categories", "volunteer.apply.error.categories");
        }
        var certificates = new EnumMap<VolunteerCategory, String>(VolunteerCategory.class);
        for (var category : categories) {
            var cert = form.certificates().getOrDefault(category.name(), "").strip();
            if (cert.length() > CERTIFICATE_MAX || cert.matches(".*[<>\\p{Cntrl}].*")) {
                problem("certificate." + category.name(), "volunteer.apply.error.certificate-format");
            } else if (category.needsCertificate() && cert.isEmpty()) {
                problem("certificate." + category.name(), "volunteer.apply.error.certificate", category.messageKey());
            } else if (!cert.isEmpty()) {
                certificates.put(category, cert);
            }
        }
        var availability = availability(form);
        var from = date("availableFrom", form.availableFrom(), true);
        if (from != null && from.isBefore(today.minusDays(1))) {
            problem("availableFrom", "volunteer.apply.error.from-past");
        }
        var until = date("availableUntil", form.availableUntil(), false);
        if (from != null && until != null && until.isBefore(from)) {
            problem("availableUntil", "volunteer.apply.error.until-before-from");
        }
        int hours = hours(form.hoursPerWeek());
        var unanswered = MotivationScore.unanswered(form.answers());
        unanswered.forEach(q -> problem("answer." + q.code(), "volunteer.apply.error.answer"));
        var healthOk = "yes".equals(form.healthOk());
        if (!healthOk && !"no".equals(form.healthOk())) {
            problem("healthOk", "volunteer.apply.error.health");
        }
        var healthNote = note("healthNote", form.healthNote());
        var referrer = form.referrerPhone().isBlank() ? null : phone("referrerPhone", form.referrerPhone(), false);
        if (!form.consent()) {
            problem("consent", "volunteer.apply.error.consent");
        }
        if (!problems.isEmpty()) {
            throw new ApplicationRefused(problems);
        }
        var answers = new java.util.LinkedHashMap<String, String>();
        for (var q : MotivationScore.Question.values()) {
            answers.put(q.code(), form.answers().get(q.code()));
        }
        return new ValidApplication(name, sex, id.birthDate(), id, phone, form.communityId(), categories,
                certificates, availability, from, until, hours, answers, MotivationScore.of(answers), healthOk,
                healthNote, referrer, form.guardianConsent());
    }

    private String name(String text) {
        var name = text.strip();
        if (name.isEmpty()) {
            problem("name", "volunteer.apply.error.name-required");
        } else if (name.codePointCount(0, name.length()) > NAME_MAX) {
            problem("name", "volunteer.apply.error.too-long", NAME_MAX);
        } else if (name.matches("(?s).*[<>&\"\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069].*")) {
            problem("name", "volunteer.apply.error.name-characters");
        }
        return name;
    }

    private @Nullable ChineseIdNumber idNumber(String text) {
        var normal = ChineseIdNumber.normalise(text);
        var problem = ChineseIdNumber.check(normal, today);
        if (problem != null) {
            problem("idNumber", "id.error." + problem.name().toLowerCase(Locale.ROOT));
            return null;
        }
        return new ChineseIdNumber(normal);
    }

    private void age(int years, boolean guardianConsent) {
        if (years < MIN_AGE_WITH_GUARDIAN || years > MAX_AGE) {
            problem("birthDate", "volunteer.apply.error.age", MIN_AGE, MAX_AGE, MIN_AGE_WITH_GUARDIAN);
        } else if (years < MIN_AGE && !guardianConsent) {
            problem("guardianConsent", "volunteer.apply.error.guardian");
        }
    }

    private @Nullable PhoneNumber phone(String field, String text, boolean required) {
        if (text.isBlank() && required) {
            problem(field, "volunteer.apply.error.phone-required");
            return null;
        }
        if (!PhoneNumber.isValid(text)) {
            problem(field, "phone.error.format");
            return null;
        }
        return PhoneNumber.parse(text);
    }

    private @Nullable LocalDate date(String field, String text, boolean required) {
        if (text.isBlank()) {
            if (required) {
                problem(field, "volunteer.apply.error.date-required");
            }
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problem(field, "volunteer.apply.error.date");
            return null;
        }
    }

    private Availability availability(ApplicationForm form) {
        var week = new boolean[7][3];
        for (var slot : form.availability()) {
            if (slot.matches("[0-6]-[0-2]")) {
                week[slot.charAt(0) - '0'][slot.charAt(2) - '0'] = true;
            }
        }
        var availability = Availability.of(week);
        if (availability.none()) {
            problem("availability", "volunteer.apply.error.availability");
        }
        return availability;
    }

    private int hours(String text) {
        try {
            int hours = Integer.parseInt(text.strip());
            if (hours >= 1 && hours <= 60) {
                return hours;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem("hoursPerWeek", "volunteer.apply.error.hours", 1, 60);
        return 0;
    }

    private @Nullable String note(String field, String text) {
        var note = text.strip();
        if (note.length() > NOTE_MAX) {
            problem(field, "volunteer.apply.error.too-long", NOTE_MAX);
        } else if (note.matches("(?s).*[\\p{Cntrl}&&[^\\n\\r\\t]].*")) {
            problem(field, "volunteer.apply.error.characters");
        }
        return note.isEmpty() ? null : note;
    }

    private void problem(String field, String key, Object... args) {
        problems.add(new ApplicationProblem(field, key, args));
    }
}
