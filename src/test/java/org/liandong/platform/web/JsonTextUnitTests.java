package org.liandong.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The APIs that write their answers as text: what they write must stay valid JSON whatever a message holds. */
class JsonTextUnitTests {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void messagesWithQuotesBackslashesAndControlCharactersReadBackUnchanged() throws Exception {
        for (var text : new String[] {"本轮已经约完了", "say \"no\"", "a\\b", "line\nbreak\ttab\r", "\u0001\u001f",
                "sep\u2028arator", ""}) {
            var written = JsonText.quoted(text);
            assertThat(mapper.readValue(written, String.class)).as(written).isEqualTo(text);
        }
    }
}
