package org.liandong.platform.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Language and text size, chosen by the person and remembered in cookies. */
@Controller
class PreferenceController {

    static final String TEXT_SIZE_COOKIE = "ld-text";

    /** The locale itself is changed by the interceptor on {@code ?lang=}; this only sends the person back. */
    @GetMapping("/lang")
    String language(HttpServletRequest request) {
        return "redirect:" + back(request);
    }

    @GetMapping("/text-size")
    String textSize(@RequestParam(defaultValue = "normal") String size, HttpServletRequest request,
                    HttpServletResponse response) {
        var cookie = new Cookie(TEXT_SIZE_COOKIE, "large".equals(size) ? "large" : "normal");
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
        return "redirect:" + back(request);
    }

    /** Only ever back to a page of this site. */
    private static String back(HttpServletRequest request) {
        var referer = request.getHeader("Referer");
        if (referer == null) {
            return "/";
        }
        var host = request.getScheme() + "://" + request.getServerName();
        if (!referer.startsWith(host)) {
            return "/";
        }
        var rest = referer.substring(host.length());
        int slash = rest.indexOf('/');
        var path = slash < 0 ? "/" : rest.substring(slash);
        return path.replaceAll("([?&])lang=[^&]*&?", "$1");
    }
}
