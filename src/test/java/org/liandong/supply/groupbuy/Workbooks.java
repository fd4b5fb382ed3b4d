package org.liandong.supply.groupbuy;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.hamcrest.Matchers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Downloads an .xlsx and reads every sheet back as rows of cell texts. */
final class Workbooks {

    private Workbooks() {
    }

    static List<List<List<String>>> read(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        var bytes = mvc.perform(request).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("application/vnd.openxmlformats")))
                .andReturn().getResponse().getContentAsByteArray();
        var sheets = new ArrayList<List<List<String>>>();
        try (var book = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            for (var sheet : book.getSheets().toList()) {
                var rows = new ArrayList<List<String>>();
                try (var stream = sheet.openStream()) {
                    stream.forEach(r -> {
                        var cells = new ArrayList<String>();
                        r.forEach(c -> cells.add(c == null ? "" : c.getText()));
                        rows.add(cells);
                    });
                }
                sheets.add(rows);
            }
        }
        return sheets;
    }
}
