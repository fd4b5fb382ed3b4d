package org.liandong.volunteer.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.platform.LocalisedText;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;

/** Without the Chinese font there is no certificate, but a clear message naming the package — never a 500. */
class VolunteerServiceCertificateFontUnitTests {

    @Test
    void aMissingFontIsReportedAndNamesThePackage() {
        var text = mock(LocalisedText.class);
        when(text.of(anyString(), any(Object[].class))).thenAnswer(call -> call.getArgument(0) + " "
                + java.util.Arrays.toString(java.util.Arrays.copyOfRange(call.getArguments(), 1,
                call.getArguments().length)));
        var pdf = new CertificatePdf(new CertificateSettings("/nowhere/NotoSansCJK-Regular.ttc,2"), text);
        assertThat(pdf.fontPresent()).isFalse();
        var certificate = new Certificates.Certificate("LD2026-ABCDEFGH", UUID.randomUUID(), "310104001001", "王秀英",
                90, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 22), Instant.now(), "0".repeat(64));
        assertThatThrownBy(() -> pdf.render(certificate, "甲社区", "http://localhost/x"))
                .isInstanceOf(CertificatePdf.FontMissing.class);

        var controller = new RecognitionController(null, null, pdf, null, text, java.time.Clock.systemUTC());
        var response = new MockHttpServletResponse();
        var page = controller.fontMissing(response);
        assertThat(response.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
        assertThat(page.getViewName()).isEqualTo("error");
        assertThat(page.getModel().get("errorMessage").toString())
                .contains("volunteer.certificate.font-missing").contains("fonts-noto-cjk");
    }

    @Test
    void theFontSettingMayNameAnIndexInACollection() {
        assertThat(new CertificateSettings(null).fontFile())
                .isEqualTo("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        assertThat(new CertificateSettings("/a/b.ttf").fontFile()).isEqualTo("/a/b.ttf");
        assertThat(new CertificateSettings("/a/b.ttc,0").fontFile()).isEqualTo("/a/b.ttc");
    }
}
