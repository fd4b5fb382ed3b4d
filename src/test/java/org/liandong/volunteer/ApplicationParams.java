package org.liandong.volunteer;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.liandong.platform.ChineseIdNumber;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The request parameters of a valid volunteer application, each call for a new person (fresh ID number and
 * mobile number); tests change one field to see it refused.
 */
public final class ApplicationParams {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 5_000_000));

    private ApplicationParams() {
    }

    public static ChineseIdNumber idNumber(LocalDate birth, int sequence) {
        return ChineseIdNumber.of("310104", birth, sequence % 1000);
    }

    /** A person of about 30 to 45, male or female by the sequence. */
    public static MultiValueMap<String, String> valid(String communityId) {
        var n = SEQUENCE.incrementAndGet();
        var birth = LocalDate.of(1982, 1, 1).plusDays(n / 1000 % 5000);
        var id = idNumber(birth, n);
        var p = new LinkedMultiValueMap<String, String>();
        p.add("name", "申请人" + n);
        p.add("sex", id.male() ? "M" : "F");
        p.add("birthDate", birth.toString());
        p.add("idNumber", id.value());
        p.add("phone", "136" + String.format("%08d", n % 100_000_000));
        p.add("communityId", communityId);
        p.add("categories", "GATE");
        p.add("categories", "DELIVERY");
        p.add("availability", "0-0");
        p.add("availability", "2-1");
        p.add("availability", "5-2");
        p.add("availableFrom", LocalDate.now().toString());
        p.add("availableUntil", LocalDate.now().plusDays(30).toString());
        p.add("hoursPerWeek", "12");
        p.add("answer.why", "neighbours");
        p.add("answer.prior", n % 2 == 0 ? "regular" : "never");
        p.add("answer.nights", n % 3 == 0 ? "yes" : "no");
        p.add("answer.team", "team");
        p.add("answer.commitment", "whole-crisis");
        p.add("healthOk", "yes");
        p.add("consent", "true");
        return p;
    }

    public static MultiValueMap<String, String> with(MultiValueMap<String, String> params, String key, String... values) {
        var copy = new LinkedMultiValueMap<>(params);
        copy.remove(key);
        for (var v : values) {
            copy.add(key, v);
        }
        return copy;
    }

    /** A person of the given age today (birthday a few days ago) with a matching ID number. */
    public static MultiValueMap<String, String> aged(String communityId, int years) {
        var birth = LocalDate.now().minusYears(years).minusDays(3);
        var n = SEQUENCE.incrementAndGet();
        var id = idNumber(birth, n);
        var p = with(valid(communityId), "birthDate", birth.toString());
        p = with(p, "idNumber", id.value());
        return with(p, "sex", id.male() ? "M" : "F");
    }

    public static ApplicationForm form(MultiValueMap<String, String> params) {
        return ApplicationForm.from(params);
    }
}
