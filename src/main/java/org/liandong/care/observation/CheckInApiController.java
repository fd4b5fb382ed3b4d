package org.liandong.care.observation;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.LocalisedText;
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
 * {@link CheckInWriter}); the same client token again answers the first check-in's id; a code the worker has
 * since replaced answers 410.
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

    private final PhoneCheckIns checkIns;
    private final LocalisedText text;

    CheckInApiController(PhoneCheckIns checkIns, LocalisedText text) {
        this.checkIns = checkIns;
        this.text = text;
    }

    @PostMapping(PATH)
    ResponseEntity<?> checkIn(@RequestBody CheckInRequest body) throws InterruptedException {
        var answer = checkIns.submit(body.code(), body.temperature(), body.symptoms(), body.needs(),
                body.clientToken());
        return switch (answer.result()) {
            case RECORDED -> ResponseEntity.status(HttpStatus.CREATED).body(new CheckInAnswer(
                    String.valueOf(answer.checkInId()), "RECORDED", answer.fever(),
                    text.of(answer.fever() ? "care.checkin.api.recorded-fever" : "care.checkin.recorded")));
            case DUPLICATE -> ResponseEntity.ok(new CheckInAnswer(String.valueOf(answer.checkInId()), "DUPLICATE",
                    answer.fever(), text.of("care.checkin.api.duplicate")));
            case CLOSED -> problem(HttpStatus.CONFLICT, "care.checkin.case-closed");
            case UNKNOWN_CASE -> problem(HttpStatus.NOT_FOUND, "care.checkin.api.code-invalid");
            case CODE_ROTATED -> problem(HttpStatus.GONE, "care.checkin.api.code-rotated");
            case BUSY, FAILED -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                    .body(Map.of("status", 503, "message", text.of("care.checkin.api.busy")));
        };
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable() {
        return problem(HttpStatus.BAD_REQUEST, "care.checkin.api.unreadable");
    }

    private ResponseEntity<?> problem(HttpStatus status, String key) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "message", text.of(key)));
    }
}
