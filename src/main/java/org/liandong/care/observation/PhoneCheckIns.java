package org.liandong.care.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * A check-in made with a case's check-in code instead of an account — from the JSON API (phones, mini-programs)
 * and from the check-in page the code's link opens: the same checks and the same messages, then the group commit
 * of {@link CheckInWriter}. Bad input throws {@link InvalidValueException} and writes nothing.
 */
@Component
class PhoneCheckIns {

    /** What became of it; {@code fever} says whether the temperature was one (for the answer's wording). */
    record Answer(CheckInWriter.Result result, @Nullable UUID checkInId, boolean fever) {
    }

    private final CheckInLinks links;
    private final CheckInWriter writer;
    private final PersonalDataCipher cipher;

    PhoneCheckIns(CheckInLinks links, CheckInWriter writer, PersonalDataCipher cipher) {
        this.links = links;
        this.writer = writer;
        this.cipher = cipher;
    }

    Answer submit(@Nullable String code, @Nullable String temperature, @Nullable List<String> symptomCodes,
                  @Nullable String needs, @Nullable String clientToken) throws InterruptedException {
        var verified = links.verify(code).orElse(null);
        if (verified == null) {
            return new Answer(CheckInWriter.Result.UNKNOWN_CASE, null, false);
        }
        var token = clientToken == null ? "" : clientToken.strip();
        if (token.isEmpty()) {
            throw new InvalidValueException("care.checkin.api.token-required");
        }
        if (token.length() > 64) {
            throw new InvalidValueException("care.request.bad-token");
        }
        var t = Temperature.parse(temperature);
        var symptoms = symptoms(symptomCodes);
        var need = needs == null || needs.isBlank() ? null : needs.strip();
        if (need != null && need.length() > 300) {
            throw new InvalidValueException("care.checkin.needs-too-long");
        }
        var pending = new CheckInWriter.Pending(verified.observationId(), verified.version(), t,
                symptoms.isEmpty() ? null : cipher.encrypt(symptoms.stream().map(Enum::name)
                        .collect(Collectors.joining(","))),
                need == null ? null : cipher.encrypt(need), token);
        CheckInWriter.Outcome outcome;
        try {
            outcome = writer.submit(pending).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            outcome = new CheckInWriter.Outcome(CheckInWriter.Result.FAILED, null);
        }
        return new Answer(outcome.result(), outcome.checkInId(), t.fever());
    }

    private static Set<Symptom> symptoms(@Nullable List<String> codes) {
        var parsed = Symptom.parse(codes);
        var unknown = new ArrayList<String>();
        if (codes != null) {
            for (var code : codes) {
                if (Symptom.parse(List.of(code)).isEmpty()) {
                    unknown.add(code);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidValueException("care.checkin.api.symptom-unknown", String.join(", ", unknown));
        }
        return parsed;
    }
}
