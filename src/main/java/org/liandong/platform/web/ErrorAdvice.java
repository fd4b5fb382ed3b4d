package org.liandong.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns what can go wrong into a page (or JSON for the API) that tells the person what happened in their
 * language. Never a stack trace; unexpected failures are logged with an id the person can quote.
 */
@ControllerAdvice
class ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

    private final LocalisedText text;

    ErrorAdvice(LocalisedText text) {
        this.text = text;
    }

    @ExceptionHandler({OutOfScopeException.class, NoResourceFoundException.class})
    Object notFound(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, HttpStatus.NOT_FOUND, "error.not-found");
    }

    @ExceptionHandler(InvalidValueException.class)
    Object invalid(InvalidValueException e, HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, HttpStatus.BAD_REQUEST, e.messageKey(), e.args());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    Object badRequest(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, HttpStatus.BAD_REQUEST, "error.bad-request");
    }

    @ExceptionHandler(org.liandong.platform.TooManyAttemptsException.class)
    Object tooMany(org.liandong.platform.TooManyAttemptsException e, HttpServletRequest request,
                   HttpServletResponse response) {
        response.setHeader("Retry-After", String.valueOf(e.minutes() * 60));
        return render(request, response, HttpStatus.TOO_MANY_REQUESTS, "error.too-many-attempts", e.minutes());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "error.too-large");
    }

    @ExceptionHandler(MultipartException.class)
    Object brokenUpload(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, HttpStatus.BAD_REQUEST, "error.upload");
    }

    private Object render(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                          String key, Object... args) {
        var message = text.of(key, args);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(status).body(Map.of("status", status.value(), "message", message));
        }
        response.setStatus(status.value());
        var page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("errorMessage", message);
        return page;
    }
}
