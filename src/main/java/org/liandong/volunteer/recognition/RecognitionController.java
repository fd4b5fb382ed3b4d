package org.liandong.volunteer.recognition;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.Masked;
import org.liandong.platform.OutOfScopeException;
import org.liandong.volunteer.ServiceHours;
import org.liandong.volunteer.VolunteerDirectory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public thank-you board, the volunteer's certificate and its public verification page. */
@Controller
class RecognitionController {

    /** Only public facts on the board: the name with the given name masked, and the hours. */
    record BoardLine(int rank, String name, String hours) {
    }

    private final ServiceHours hours;
    private final Certificates certificates;
    private final CertificatePdf pdf;
    private final VolunteerDirectory volunteers;
    private final LocalisedText text;
    private final Clock clock;

    RecognitionController(ServiceHours hours, Certificates certificates, CertificatePdf pdf,
                          VolunteerDirectory volunteers, LocalisedText text, Clock clock) {
        this.hours = hours;
        this.certificates = certificates;
        this.pdf = pdf;
        this.volunteers = volunteers;
        this.text = text;
        this.clock = clock;
    }

    @GetMapping("/volunteer/thanks/{communityId}")
    String thanks(@PathVariable String communityId, @RequestParam(required = false) @Nullable String month,
                  Model model) {
        var community = hours.communityName(communityId).orElseThrow(OutOfScopeException::new);
        YearMonth ym;
        try {
            ym = month == null || month.isBlank() ? YearMonth.now(clock.withZone(ServiceHours.ZONE))
                    : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("volunteer.thanks.bad-month");
        }
        var lines = hours.month(communityId, ym);
        var board = new java.util.ArrayList<BoardLine>();
        for (int i = 0; i < lines.size(); i++) {
            board.add(new BoardLine(i + 1, Masked.name(lines.get(i).name()), lines.get(i).hours()));
        }
        model.addAttribute("communityId", communityId);
        model.addAttribute("community", community);
        model.addAttribute("month", ym);
        model.addAttribute("previous", ym.minusMonths(1));
        model.addAttribute("next", ym.plusMonths(1));
        model.addAttribute("board", board);
        model.addAttribute("totalHours", ServiceHours.hours(lines.stream().mapToInt(ServiceHours.MonthLine::minutes).sum()));
        return "volunteer/recognition/thanks";
    }

    @GetMapping("/volunteer/me/certificate.pdf")
    @PreAuthorize("hasRole('VOLUNTEER')")
    ResponseEntity<byte[]> certificate(@AuthenticationPrincipal LiandongUser me) {
        var volunteer = volunteers.byUser(me.userId()).orElseThrow(OutOfScopeException::new);
        if (!pdf.fontPresent()) {
            throw new CertificatePdf.FontMissing("font");
        }
        var certificate = certificates.issue(volunteer.id());
        var community = hours.communityName(certificate.communityId()).orElse(certificate.communityId());
        var verifyUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/volunteer/certificates/{n}")
                .buildAndExpand(certificate.number()).toUriString();
        var body = pdf.render(certificate, community, verifyUrl);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("certificate-" + certificate.number() + ".pdf").build().toString())
                .body(body);
    }

    @GetMapping("/volunteer/certificates/{number}")
    String verify(@PathVariable String number, Model model, HttpServletResponse response) {
        var found = certificates.verify(number.strip().toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("number", number);
        model.addAttribute("certificate", found.orElse(null));
        found.ifPresent(c -> model.addAttribute("community", hours.communityName(c.communityId())
                .orElse(c.communityId())));
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        return "volunteer/recognition/verify";
    }

    @ExceptionHandler(CertificatePdf.FontMissing.class)
    ModelAndView fontMissing(HttpServletResponse response) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        var page = new ModelAndView("error");
        page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        page.addObject("errorMessage", text.of("volunteer.certificate.font-missing", "fonts-noto-cjk"));
        return page;
    }
}
