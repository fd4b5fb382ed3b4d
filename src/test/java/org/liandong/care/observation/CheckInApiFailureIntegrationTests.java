package org.liandong.care.observation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A failure nobody foresaw behind the check-in API: the phone hears "send again", never a 500 or a stack trace. */
@LiandongTest
class CheckInApiFailureIntegrationTests {

    @Autowired MockMvc mvc;
    @MockitoBean PhoneCheckIns checkIns;

    @Test
    void anUnexpectedFailureAsksThePhoneToSendAgain() throws Exception {
        when(checkIns.submit(any(), any(), any(), any(), any())).thenThrow(new IllegalStateException("boom at line 42"));
        mvc.perform(post("/api/v1/care/check-ins").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"x.y\", \"temperature\": \"36.5\", \"clientToken\": \"t\"}"))
                .andExpect(status().isServiceUnavailable()).andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.message").value(containsString("不会重复记录")))
                .andExpect(content().string(not(containsString("boom"))));
    }
}
