package org.liandong.volunteer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.util.MultiValueMap;

/**
 * What an applicant typed, as text: read from the request parameters by hand so that no input, however odd,
 * becomes a binding error. {@link ApplicationCheck} turns it into a {@link ValidApplication} or problems.
 * Availability slots are {@code day-period} (day 0 = Monday, period 0 = morning); certificates and answers are
 * keyed by category name and question code.
 */
public record ApplicationForm(String name, String sex, String birthDate, String idNumber, String phone,
                              String communityId, Set<String> categories, Map<String, String> certificates,
                              Set<String> availability, String availableFrom, String availableUntil,
                              String hoursPerWeek, Map<String, String> answers, String healthOk, String healthNote,
                              String referrerPhone, boolean guardianConsent, boolean consent) {

    public static ApplicationForm empty() {
        return new ApplicationForm("", "", "", "", "", "", Set.of(), Map.of(), Set.of(), "", "", "", Map.of(), "",
                "", "", false, false);
    }

    public static ApplicationForm from(MultiValueMap<String, String> params) {
        var certificates = new LinkedHashMap<String, String>();
        var answers = new LinkedHashMap<String, String>();
        params.forEach((key, values) -> {
            if (key.startsWith("certificate.") && !values.isEmpty()) {
                certificates.put(key.substring("certificate.".length()), text(values.getFirst()));
            }
            if (key.startsWith("answer.") && !values.isEmpty()) {
                answers.put(key.substring("answer.".length()), text(values.getFirst()));
            }
        });
        return new ApplicationForm(one(params, "name"), one(params, "sex"), one(params, "birthDate"),
                one(params, "idNumber"), one(params, "phone"), one(params, "communityId"), all(params, "categories"),
                certificates, all(params, "availability"), one(params, "availableFrom"), one(params, "availableUntil"),
                one(params, "hoursPerWeek"), answers, one(params, "healthOk"), one(params, "healthNote"),
                one(params, "referrerPhone"), "true".equals(one(params, "guardianConsent")),
                "true".equals(one(params, "consent")));
    }

    public boolean ticked(int day, int period) {
        return availability.contains(day + "-" + period);
    }

    public boolean has(VolunteerCategory category) {
        return categories.contains(category.name());
    }

    public String certificate(VolunteerCategory category) {
        return certificates.getOrDefault(category.name(), "");
    }

    public boolean answered(MotivationScore.Question question, String option) {
        return option.equals(answers.get(question.code()));
    }

    private static String one(MultiValueMap<String, String> params, String key) {
        var values = params.get(key);
        return values == null || values.isEmpty() ? "" : text(values.getFirst());
    }

    private static Set<String> all(MultiValueMap<String, String> params, String key) {
        var values = params.getOrDefault(key, List.of());
        var set = new TreeSet<String>();
        values.stream().limit(100).map(ApplicationForm::text).forEach(set::add);
        return set;
    }

    private static String text(String value) {
        return value == null ? "" : value.length() > 2000 ? value.substring(0, 2000) : value;
    }
}
