package org.liandong.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.liandong.partner.hsds.HsdsValidator;

/** Validates a JSON text against an official HSDS 3.0 object schema; errors as "JSON path: message". */
final class HsdsSchemas {

    private HsdsSchemas() {
    }

    static List<String> errors(String object, String json) {
        try {
            return HsdsValidator.errors(object, new ObjectMapper().readTree(json), "$");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
