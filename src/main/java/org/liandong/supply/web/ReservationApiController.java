package org.liandong.supply.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.supply.SupplyDesk;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reservation as JSON, for scripts and the rush benchmark: the same {@link SupplyDesk#reserve} as the page, so a
 * retry or a second tap returns the first reservation. 200 with the reservation (or lottery registration) only after
 * its commit; 409 sold out, 503 busy (nothing written: try again), 400 any other refusal, each with its message.
 */
@RestController
class ReservationApiController {

    private final SupplyDesk desk;
    private final LocalisedText text;

    ReservationApiController(SupplyDesk desk, LocalisedText text) {
        this.desk = desk;
        this.text = text;
    }

    @PostMapping("/api/v1/supply/rounds/{roundId}/reservation")
    ResponseEntity<Map<String, Object>> reserve(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID roundId,
                                                @RequestParam(required = false) @Nullable UUID household,
                                                @RequestParam(required = false) @Nullable String token) {
        try {
            var r = desk.reserve(me, roundId, household, token);
            var body = new LinkedHashMap<String, Object>();
            body.put("id", r.id());
            body.put("household", r.householdId());
            body.put("status", r.status().name());
            if (r.hasPickupCode()) {
                body.put("pickupCode", r.groupedCode());
                body.put("slotStarts", r.slotStarts().toString());
            }
            return ResponseEntity.ok(body);
        } catch (InvalidValueException e) {
            var status = switch (e.messageKey()) {
                case "supply.reserve.sold-out" -> HttpStatus.CONFLICT;
                case "supply.reserve.busy" -> HttpStatus.SERVICE_UNAVAILABLE;
                default -> HttpStatus.BAD_REQUEST;
            };
            return ResponseEntity.status(status).body(Map.of("status", status.value(), "message", text.of(e)));
        }
    }
}
