package org.liandong.care.observation;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The check-in API in {@code /v3/api-docs}: {@link CheckInApiFilter} answers it before the dispatcher, so springdoc
 * does not find it among the controllers and it is described here.
 */
@Configuration(proxyBeanMethods = false)
class CheckInApiDocumentation {

    @Bean
    OpenApiCustomizer checkInApiDocs() {
        return api -> {
            var request = new ObjectSchema()
                    .addProperty("code", new StringSchema().description("the case's check-in code (手机打卡码)"))
                    .addProperty("temperature", new StringSchema().description("as typed: 36.5, \"36,5\", \"37.3℃\"; "
                            + "34.0–42.5 °C"))
                    .addProperty("symptoms", new ArraySchema().items(new StringSchema()._enum(
                            Arrays.stream(Symptom.values()).map(Enum::name).toList())))
                    .addProperty("needs", new StringSchema().maxLength(300))
                    .addProperty("clientToken", new StringSchema().maxLength(64)
                            .description("the phone's own id for this check-in; the same token again is not recorded twice"));
            request.setRequired(java.util.List.of("code", "temperature", "clientToken"));
            var answer = new ObjectSchema().addProperty("id", new StringSchema().format("uuid"))
                    .addProperty("status", new StringSchema()._enum(java.util.List.of("RECORDED", "DUPLICATE")))
                    .addProperty("fever", new BooleanSchema()).addProperty("message", new StringSchema());
            var problem = new ObjectSchema().addProperty("status", new IntegerSchema())
                    .addProperty("message", new StringSchema().description("in the ld-lang cookie's language, "
                            + "else Chinese"));
            var responses = new ApiResponses()
                    .addApiResponse("201", json("recorded (after the commit)", answer))
                    .addApiResponse("200", json("this client token was recorded before: the first check-in's id", answer))
                    .addApiResponse("400", json("unreadable JSON, an implausible temperature, an unknown symptom, "
                            + "needs too long, no client token", problem))
                    .addApiResponse("404", json("unknown or forged code", problem))
                    .addApiResponse("413", json("a body over 16 KB", problem))
                    .addApiResponse("409", json("the case is closed", problem))
                    .addApiResponse("410", json("the worker has replaced this code", problem))
                    .addApiResponse("503", json("not recorded now; send again after Retry-After (not recorded twice)",
                            problem));
            var post = new Operation().addTagsItem("care").operationId("checkIn")
                    .summary("A check-in of a home observation case, sent from a phone with the case's check-in code")
                    .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                            new MediaType().schema(request))))
                    .responses(responses);
            api.path(CheckInApiFilter.PATH, new PathItem().post(post));
        };
    }

    private static ApiResponse json(String description, Schema<?> schema) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/json", new MediaType().schema(schema)));
    }
}
