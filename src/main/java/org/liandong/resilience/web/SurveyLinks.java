package org.liandong.resilience.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The public address of a round's survey, for the QR code, the poster and the token slips. */
@Component
public class SurveyLinks {

    private final String base;

    SurveyLinks(@Value("${liandong.notice.outbox.base-url:http://localhost:8080}") String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String link(String code) {
        return base + "/resilience/s/" + code;
    }
}
