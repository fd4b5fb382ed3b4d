package org.liandong.care.observation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.web.JsonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Check-ins from phones and mini-programs as JSON: {@code POST /api/v1/care/check-ins} with the case's signed
 * check-in code, the temperature, symptoms, needs and a client token. No account, no session, no cookie: the code
 * is the credential for this one case (see {@link CheckInLinks}). The answer comes after the commit (group commit by
 * {@link CheckInWriter}); the same client token again answers the first check-in's id; a code the worker has since
 * replaced answers 410; every refusal carries a message in the phone's language ({@code ld-lang}, else Chinese).
 *
 * <p>This is the busiest request of a lockdown (every isolated resident twice a day, within the same two hours), so
 * it is answered here, at the front of the servlet filters, instead of by a controller: it needs none of what the
 * pages need (session, login, CSRF, handler mapping, message converters, interceptors), and going through them
 * cost more of the server than the check-in itself (bench/checkins.sh). The request metrics still see it, under its
 * own path. {@link CheckInApiFilterConfiguration} places it.
 */
class CheckInApiFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(CheckInApiFilter.class);

    static final String PATH = "/api/v1/care/check-ins";

    /** The largest body read: needs are at most 300 characters, the rest is short. */
    static final int MAX_BODY = 16 * 1024;

    /** What the phone sends; {@code temperature} as typed (36.5, "36,5", "37.3℃"). */
    record CheckInRequest(@Nullable String code, @Nullable String temperature, @Nullable List<String> symptoms,
                          @Nullable String needs, @Nullable String clientToken) {
    }

    private final PhoneCheckIns checkIns;
    private final LocalisedText text;
    private final LocaleResolver locales;
    private final JsonMapper json;

    CheckInApiFilter(PhoneCheckIns checkIns, LocalisedText text, LocaleResolver locales, JsonMapper json) {
        this.checkIns = checkIns;
        this.text = text;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATH));
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            if (!"POST".equals(request.getMethod())) {
                response.setHeader("Allow", "POST");
                problem(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, text.of("care.checkin.api.post-only"));
                return;
            }
            // a check-in is a few hundred bytes; a body larger than this is not one, and is not read into memory
            var bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                problem(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, text.of("care.checkin.api.too-large"));
                return;
            }
            CheckInRequest body;
            try {
                body = json.readValue(bytes, CheckInRequest.class);
            } catch (JacksonException unreadable) {
                body = null;
            }
            if (body == null) {
                problem(response, HttpServletResponse.SC_BAD_REQUEST, text.of("care.checkin.api.unreadable"));
                return;
            }
            answer(body, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            busy(response);
        } catch (RuntimeException e) {
            // nothing was acknowledged: the phone is told to send again (the client token keeps it single)
            LOG.error("check-in API: unexpected failure", e);
            if (!response.isCommitted()) {
                response.resetBuffer();
                busy(response);
            }
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private void answer(CheckInRequest body, HttpServletResponse response) throws IOException, InterruptedException {
        PhoneCheckIns.Answer answer;
        try {
            answer = checkIns.submit(body.code(), body.temperature(), body.symptoms(), body.needs(),
                    body.clientToken());
        } catch (InvalidValueException e) {
            problem(response, HttpServletResponse.SC_BAD_REQUEST, text.of(e));
            return;
        }
        switch (answer.result()) {
            case RECORDED -> recorded(response, HttpServletResponse.SC_CREATED, answer, "RECORDED",
                    answer.fever() ? "care.checkin.api.recorded-fever" : "care.checkin.recorded");
            case DUPLICATE -> recorded(response, HttpServletResponse.SC_OK, answer, "DUPLICATE",
                    "care.checkin.api.duplicate");
            case CLOSED -> problem(response, HttpServletResponse.SC_CONFLICT, text.of("care.checkin.case-closed"));
            case UNKNOWN_CASE -> problem(response, HttpServletResponse.SC_NOT_FOUND,
                    text.of("care.checkin.api.code-invalid"));
            case CODE_ROTATED -> problem(response, HttpServletResponse.SC_GONE, text.of("care.checkin.api.code-rotated"));
            case BUSY, FAILED -> busy(response);
        }
    }

    private void recorded(HttpServletResponse response, int status, PhoneCheckIns.Answer answer, String result,
                          String messageKey) throws IOException {
        write(response, status, "{\"id\":\"" + answer.checkInId() + "\",\"status\":\"" + result + "\",\"fever\":"
                + answer.fever() + ",\"message\":" + JsonText.quoted(text.of(messageKey)) + "}");
    }

    private void busy(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, text.of("care.checkin.api.busy"));
    }

    private static void problem(HttpServletResponse response, int status, String message) throws IOException {
        write(response, status, "{\"status\":" + status + ",\"message\":" + JsonText.quoted(message) + "}");
    }

    private static void write(HttpServletResponse response, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
