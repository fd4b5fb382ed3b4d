package org.liandong.care.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.PersonalDataCipher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Check-ins from phones and mini-programs as JSON: {@code POST /api/v1/care/check-ins} with the case's signed
 * check-in code, the temperature, symptoms, needs and a client token. No account, no session: the code is the
 * credential for this one case (see {@link CheckInLinks}). The answer comes after the commit (group commit by
 * {@link CheckInWriter}); the same client token again answers the first check-in's id.
 */
@RestController
class CheckInApiController {

    static final String PATH = "/api/v1/care/check-ins";

    /** What the phone sends; {@code temperature} as typed (36.5, "36,5", "37.3℃"). */
    record CheckInRequest(@Nullable String code, @Nullable String temperature, @Nullable List<String> symptoms,
                          @Nullable String needs, @Nullable String clientToken) {
    }

    record CheckInAnswer(String id, String status, boolean fever, String message) {
    }

    private final CheckInLinks links;
    private final CheckInWriter writer;
    private final PersonalDataCipher cipher;
    private final LocalisedText text;

    CheckInApiController(CheckInLinks links, CheckInWriter writer, PersonalDataCipher cipher, LocalisedText text) {
        this.links = links;
        this.writer = writer;
        this.cipher = cipher;
        this.text = text;
    }

    @PostMapping(PATH)
    ResponseEntity<?> checkIn(@RequestBody CheckInRequest body) throws InterruptedException {
        var observationId = links.verify(body.code()).orElse(null);
        if (observationId == null) {
            return problem(HttpStatus.NOT_FOUND, "care.checkin.api.code-invalid");
        }
        var token = body.clientToken() == null ? "" : body.clientToken().strip();
        if (token.isEmpty()) {
            throw new InvalidValueException("care.checkin.api.token-required");
        }
        if (token.length() > 64) {
            throw new InvalidValueException("care.request.bad-token");
        }
        var temperature = Temperature.parse(body.temperature());
        var symptoms = symptoms(body.symptoms());
        var needs = body.needs() == null || body.needs().isBlank() ? null : body.needs().strip();
        if (needs != null && needs.length() > 300) {
            throw new InvalidValueException("care.checkin.needs-too-long");
        }
        var pending = new CheckInWriter.Pending(observationId, temperature,
                symptoms.isEmpty() ? null : cipher.encrypt(symptoms.stream().map(Enum::name)
                        .collect(Collectors.joining(","))),
                needs == null ? null : cipher.encrypt(needs), token);
        CheckInWriter.Outcome outcome;
        try {
            outcome = writer.submit(pending).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            outcome = new CheckInWriter.Outcome(CheckInWriter.Result.FAILED, null);
        }
        return switch (outcome.result()) {
            case RECORDED -> ResponseEntity.status(HttpStatus.CREATED).body(new CheckInAnswer(
                    String.valueOf(outcome.checkInId()), "RECORDED", temperature.fever(),
                    text.of(temperature.fever() ? "care.checkin.api.recorded-fever" : "care.checkin.recorded")));
            case DUPLICATE -> ResponseEntity.ok(new CheckInAnswer(String.valueOf(outcome.checkInId()), "DUPLICATE",
                    temperature.fever(), text.of("care.checkin.api.duplicate")));
            case CLOSED -> problem(HttpStatus.CONFLICT, "care.checkin.case-closed");
            case UNKNOWN_CASE -> problem(HttpStatus.NOT_FOUND, "care.checkin.api.code-invalid");
            case BUSY, FAILED -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                    .body(Map.of("status", 503, "message", text.of("care.checkin.api.busy")));
        };
    }

    private static java.util.Set<Symptom> symptoms(@Nullable List<String> codes) {
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

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable() {
        return problem(HttpStatus.BAD_REQUEST, "care.checkin.api.unreadable");
    }

    private ResponseEntity<?> problem(HttpStatus status, String key) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "message", text.of(key)));
    }
}
