package org.liandong.supply.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The reservation API writes its answers as text: what it writes must stay valid JSON whatever a message holds. */
class ReservationApiJsonTests {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void messagesWithQuotesBackslashesAndControlCharactersReadBackUnchanged() throws Exception {
        for (var text : new String[] {"本轮已经约完了", "say \"no\"", "a\\b", "line\nbreak\ttab\r", "\u0001\u001f",
                "sep\u2028arator", ""}) {
            var written = ReservationApiController.json(text);
            assertThat(mapper.readValue(written, String.class)).as(written).isEqualTo(text);
        }
    }
}
