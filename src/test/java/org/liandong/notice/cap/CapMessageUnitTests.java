package org.liandong.notice.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/**
 * Every CAP message the builder can produce validates against the official OASIS schema: all
 * combinations of category, urgency, severity and certainty, with and without expiry and instruction,
 * with text that needs escaping. The product's validator agrees with the official one, also on the
 * standard's own examples, and refuses what the schema refuses.
 */
class CapMessageUnitTests {

    static final OffsetDateTime SENT = OffsetDateTime.of(2026, 11, 22, 20, 0, 0, 0, ZoneOffset.ofHours(8));

    static CapMessage message(CapValues.Category c, CapValues.Urgency u, CapValues.Severity s, CapValues.Certainty t,
                              boolean optional, String text) {
        return new CapMessage("liandong-" + c + u + s + t, "liandong@example.org", SENT, c, u, s, t,
                optional ? SENT.plusDays(1) : null, "枫林路街道 张家浜居委会", "张家浜居委会", "310104004001",
                List.of(new CapMessage.Info("zh-CN", "停水", "明日停水" + text, "说明" + text, optional ? "请储水" : null, null),
                        new CapMessage.Info("en-US", "Water outage", "Water off tomorrow" + text, "Details" + text,
                                optional ? "Store water" : null, null)));
    }

    @Test
    void everyCombinationValidatesAgainstTheOfficialSchema() throws Exception {
        OfficialCapSchema.assertBundledCopyIsOfficial();
        var product = new CapSchema();
        int n = 0;
        for (var c : CapValues.Category.values()) {
            for (var u : CapValues.Urgency.values()) {
                for (var s : CapValues.Severity.values()) {
                    for (var t : CapValues.Certainty.values()) {
                        var xml = message(c, u, s, t, n % 2 == 0, " <b>&amp;</b> \"引号\" 'x' ]]>").xml();
                        OfficialCapSchema.assertValid(xml);
                        assertThat(product.problem(xml)).isNull();
                        n++;
                    }
                }
            }
        }
        assertThat(n).isEqualTo(12 * 5 * 5 * 5);
    }

    @Test
    void theMessageHasAChineseAndAnEnglishInfoBlockAndBeijingTime() {
        var xml = message(CapValues.Category.Health, CapValues.Urgency.Expected, CapValues.Severity.Moderate,
                CapValues.Certainty.Likely, true, "").xml();
        assertThat(xml).contains("<sent>2026-11-22T20:00:00+08:00</sent>")
                .contains("<language>zh-CN</language>").contains("<language>en-US</language>")
                .contains("<expires>2026-11-23T20:00:00+08:00</expires>")
                .contains("<valueName>CN-NBS-2023</valueName><value>310104004001</value>");
    }

    @Test
    void theProductsValidatorAcceptsTheStandardsExamplesAndRefusesBrokenMessages() throws Exception {
        var product = new CapSchema();
        if (Files.isDirectory(OfficialCapSchema.SHARED)) {
            try (var files = Files.list(OfficialCapSchema.SHARED)) {
                for (var example : files.filter(p -> p.toString().endsWith(".xml")).toList()) {
                    assertThat(product.problem(Files.readString(example))).as(example.toString()).isNull();
                }
            }
        }
        var utc = new CapMessage("id", "s", SENT.withOffsetSameInstant(ZoneOffset.UTC), CapValues.Category.Health,
                CapValues.Urgency.Expected, CapValues.Severity.Moderate, CapValues.Certainty.Likely, null, "n", "a", "1",
                List.of()).xml().replace("+00:00", "Z");
        assertThat(product.problem(utc)).as("CAP forbids Z as the offset").isNotNull();
        assertThatThrownBy(() -> OfficialCapSchema.assertValid(utc)).isInstanceOf(SAXException.class);
        var control = message(CapValues.Category.Health, CapValues.Urgency.Expected, CapValues.Severity.Moderate,
                CapValues.Certainty.Likely, false, "\u0007");
        assertThatThrownBy(control::xml).as("a control character makes it no XML at all")
                .isInstanceOf(CapMessage.Unwritable.class);
    }
}
