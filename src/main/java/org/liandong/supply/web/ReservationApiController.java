package org.liandong.supply.web;

import java.util.UUID;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.web.JsonText;
import org.liandong.supply.SupplyDesk;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The reservation as JSON, for scripts and the rush benchmark: the same {@link SupplyDesk#reserve} as the page, so a
 * retry or a second tap returns the first reservation. 200 with the reservation (or lottery registration) only after
 * its commit; 409 sold out, 503 busy (nothing written: try again), 400 any other refusal, 404 a round that is not the
 * household's, each with its message.
 *
 * <p>A functional endpoint rather than a {@code @Controller}: the page layout's {@code @ModelAttribute} advice
 * (navigation, the community's stage badge — two registry queries for a resident) has nothing to add to a JSON answer
 * and is not run for it.
 */
@Configuration(proxyBeanMethods = false)
class ReservationApiController {

    static final String RESERVE = "/api/v1/supply/rounds/{roundId}/reservation";

    @Bean
    RouterFunction<ServerResponse> supplyApi(SupplyDesk desk, LocalisedText text) {
        return RouterFunctions.route()
                .POST(RESERVE, request -> reserve(desk, text, request))
                // a trivial answer from the same server: the baseline that bench/rush.sh drives with wrk
                .GET("/supply/public/ping", request -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).body("ok"))
                .build();
    }

    private static ServerResponse reserve(SupplyDesk desk, LocalisedText text, ServerRequest request) {
        try {
            var me = request.principal().filter(Authentication.class::isInstance).map(Authentication.class::cast)
                    .map(Authentication::getPrincipal).filter(LiandongUser.class::isInstance)
                    .map(LiandongUser.class::cast).orElseThrow(OutOfScopeException::new);
            var roundId = UUID.fromString(request.pathVariable("roundId"));
            var household = request.param("household").filter(h -> !h.isBlank()).map(UUID::fromString).orElse(null);
            var r = desk.reserve(me, roundId, household, request.param("token").orElse(null));
            var body = new StringBuilder(200).append("{\"id\":\"").append(r.id())
                    .append("\",\"household\":\"").append(r.householdId())
                    .append("\",\"status\":\"").append(r.status().name()).append('"');
            if (r.hasPickupCode()) {
                body.append(",\"pickupCode\":").append(JsonText.quoted(r.groupedCode()))
                        .append(",\"slotStarts\":\"").append(r.slotStarts()).append('"');
            }
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body.append('}').toString());
        } catch (InvalidValueException e) {
            var status = switch (e.messageKey()) {
                case "supply.reserve.sold-out" -> HttpStatus.CONFLICT;
                case "supply.reserve.busy" -> HttpStatus.SERVICE_UNAVAILABLE;
                default -> HttpStatus.BAD_REQUEST;
            };
            return problem(status, text.of(e));
        } catch (OutOfScopeException e) {
            return problem(HttpStatus.NOT_FOUND, text.of("error.not-found"));
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, text.of("error.bad-request"));
        }
    }

    private static ServerResponse problem(HttpStatus status, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .body("{\"status\":" + status.value() + ",\"message\":" + JsonText.quoted(message) + "}");
    }
}
