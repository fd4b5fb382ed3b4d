package org.liandong.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.volunteer.ApplicationForm;
import org.liandong.volunteer.VolunteerCategory;

/**
 * Generated, fictional volunteer applicants: names of the city, identity numbers of other districts (the
 * registry's people and the test fixtures use 310104 and 420102, so nobody meets anybody else's number), mobile
 * numbers on the 199 prefix (the tests use 136–139), categories with certificate numbers where a profession needs
 * one, a weekly availability and answers to the motivation questionnaire. Deterministic for one random source.
 */
final class DemoApplicants {

    /** How keen the applicant is: the answers, and so the motivation score, follow. */
    enum Keenness { HIGH, MIXED, LOW }

    /** When an applicant can come: the shapes the roster has to work with. */
    enum Pattern { ALWAYS, DAYS, NIGHTS, EVENINGS, WEEKENDS }

    /** One applicant; {@link #form} turns them into what the public application page would send. */
    record Applicant(String name, char sex, LocalDate birthDate, ChineseIdNumber idNumber, String phone,
                     Set<VolunteerCategory> categories, Pattern pattern, int hoursPerWeek,
                     Map<String, String> answers) {

        Applicant withHours(int hours) {
            return new Applicant(name, sex, birthDate, idNumber, phone, categories, pattern, hours, answers);
        }

        ApplicationForm form(String communityId, LocalDate today, @Nullable String referrerPhone,
                             @Nullable String healthNote) {
            var certificates = new LinkedHashMap<String, String>();
            for (var category : categories) {
                if (category.needsCertificate()) {
                    certificates.put(category.name(), certificate(category));
                }
            }
            return new ApplicationForm(name, String.valueOf(sex), birthDate.toString(), idNumber.value(), phone,
                    communityId, names(categories), certificates, slots(pattern), today.toString(),
                    today.plusDays(90).toString(), String.valueOf(hoursPerWeek), answers,
                    healthNote == null ? "yes" : "no", healthNote == null ? "" : healthNote,
                    referrerPhone == null ? "" : referrerPhone, false, true);
        }

        private String certificate(VolunteerCategory category) {
            var digits = idNumber.value().substring(10, 17);
            return switch (category) {
                case MEDICAL -> "医师执业证 11031" + digits;
                case NURSING -> "护士执业证 20213" + digits;
                case PSYCHOLOGICAL -> "心理咨询师 三级 " + digits;
                default -> "社会工作者职业资格 S" + digits;
            };
        }
    }

    /** Districts the volunteers are registered in; none is a demo district. */
    private static final List<String> SHANGHAI_REGIONS = List.of("310101", "310105", "310106", "310110", "310112",
            "320102", "340104", "330106");
    private static final List<String> WUHAN_REGIONS = List.of("420103", "420106", "420111", "420115", "421002");

    private final DemoCity city;
    private final SplittableRandom random;
    private final DemoNames names;
    private final LocalDate today;
    private final Set<String> usedNames;
    private final Set<String> usedPhones;
    private final Set<String> usedIds = new HashSet<>();

    DemoApplicants(DemoCity city, SplittableRandom random, LocalDate today, Set<String> usedNames,
                   Set<String> usedPhones) {
        this.city = city;
        this.random = random;
        this.names = new DemoNames(city, random);
        this.today = today;
        this.usedNames = usedNames;
        this.usedPhones = usedPhones;
    }

    /** A new applicant with the given categories; the name is new to this load, so staff can tell people apart. */
    Applicant next(Set<VolunteerCategory> categories, Pattern pattern, Keenness keenness) {
        return next(categories, pattern, keenness, null);
    }

    /** As {@link #next(Set, Pattern, Keenness)}, with the name given (a demo login's). */
    Applicant next(Set<VolunteerCategory> categories, Pattern pattern, Keenness keenness, @Nullable String name) {
        char sex = random.nextBoolean() ? 'M' : 'F';
        if (name != null) {
            sex = 'F';
        }
        // volunteers are mostly 20 to 60; professionals a little older
        int minAge = categories.stream().anyMatch(VolunteerCategory::needsCertificate) ? 28 : 19;
        var birth = today.minusYears(minAge + random.nextInt(60 - minAge)).minusDays(1 + random.nextInt(360));
        String fullName;
        if (name != null) {
            usedNames.add(name);
            fullName = name;
        } else {
            do {
                fullName = names.name(sex, birth.getYear());
            } while (!usedNames.add(fullName));
        }
        var regions = city == DemoCity.SHANGHAI ? SHANGHAI_REGIONS : WUHAN_REGIONS;
        ChineseIdNumber id;
        do {
            var sequence = 2 * random.nextInt(500) + (sex == 'M' ? 1 : 0);
            id = ChineseIdNumber.of(regions.get(random.nextInt(regions.size())), birth, sequence);
        } while (!usedIds.add(id.value()));
        String phone;
        do {
            phone = "199" + String.format("%08d", random.nextInt(100_000_000));
        } while (!usedPhones.add(phone));
        int hours = 8 + 4 * random.nextInt(pattern == Pattern.ALWAYS ? 9 : 6);
        return new Applicant(fullName, sex, birth, id, phone, categories, pattern, hours, answers(keenness));
    }

    static Set<String> names(Set<VolunteerCategory> categories) {
        var out = new TreeSet<String>();
        categories.forEach(c -> out.add(c.name()));
        return out;
    }

    /** Availability slots as the form sends them: {@code day-period}, Monday 0, morning 0, afternoon 1, night 2. */
    static Set<String> slots(Pattern pattern) {
        var out = new LinkedHashSet<String>();
        for (int day = 0; day < 7; day++) {
            boolean weekend = day >= 5;
            for (int period = 0; period < 3; period++) {
                boolean on = switch (pattern) {
                    case ALWAYS -> true;
                    case DAYS -> period < 2;
                    case NIGHTS -> period != 1 || weekend;
                    case EVENINGS -> period > 0;
                    case WEEKENDS -> weekend || period == 1;
                };
                if (on) {
                    out.add(day + "-" + period);
                }
            }
        }
        return out;
    }

    /** Answers of the motivation questionnaire (see MotivationScore): high 77–100, mixed 36–75, low 23–40. */
    private Map<String, String> answers(Keenness keenness) {
        var a = new LinkedHashMap<String, String>();
        switch (keenness) {
            case HIGH -> {
                a.put("why", pick("neighbours", "neighbours", "duty"));
                a.put("prior", pick("regular", "once"));
                a.put("nights", pick("yes", "yes", "sometimes"));
                a.put("team", pick("team", "either"));
                a.put("commitment", pick("whole-crisis", "whole-crisis", "two-weeks"));
            }
            case MIXED -> {
                a.put("why", pick("duty", "experience", "neighbours"));
                a.put("prior", pick("once", "never"));
                a.put("nights", pick("sometimes", "no", "yes"));
                a.put("team", pick("either", "team", "solo"));
                a.put("commitment", pick("two-weeks", "few-days"));
            }
            case LOW -> {
                a.put("why", pick("asked", "experience"));
                a.put("prior", "never");
                a.put("nights", pick("no", "sometimes"));
                a.put("team", "solo");
                a.put("commitment", "few-days");
            }
        }
        return a;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    static Set<VolunteerCategory> of(VolunteerCategory first, VolunteerCategory... more) {
        return EnumSet.of(first, more);
    }
}
